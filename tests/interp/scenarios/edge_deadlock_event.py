# Waiting for an Event nobody will set: LoopLab reports a deadlock (exit 3).
import asyncio


async def waiter(ev, name):
    print(f"{name} waits")
    await ev.wait()
    print(f"{name} woke (not expected)")


async def main():
    ev = asyncio.Event()
    t = asyncio.create_task(waiter(ev, "w1"))
    await asyncio.sleep(2)
    print("main now waits for w1 at", asyncio.get_running_loop().time())
    await t


asyncio.run(main())
