# Cancelling the gather future cancels every child that is still running.
import asyncio


async def child(name, d):
    try:
        await asyncio.sleep(d)
        print(f"{name} finished")
        return name
    except asyncio.CancelledError:
        print(f"{name} cancelled at {asyncio.get_running_loop().time()}")
        raise


async def main():
    g = asyncio.gather(child("fast", 0.5), child("slow1", 2), child("slow2", 3))
    await asyncio.sleep(1)
    print("cancel returns", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather raised CancelledError; cancelled() =", g.cancelled())


asyncio.run(main())
