# A cancelled get() waiter is skipped; the item goes to the next getter.
import asyncio


async def getter(q, name):
    try:
        item = await q.get()
        print(f"{asyncio.get_running_loop().time()} {name} got {item}")
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise


async def main():
    q = asyncio.Queue()
    g1 = asyncio.create_task(getter(q, "g1"))
    g2 = asyncio.create_task(getter(q, "g2"))
    g3 = asyncio.create_task(getter(q, "g3"))
    await asyncio.sleep(1)
    g1.cancel()
    await q.put("x")
    await asyncio.sleep(1)
    q.put_nowait("y")
    await asyncio.gather(g1, g2, g3, return_exceptions=True)
    print("queue empty:", q.empty())


asyncio.run(main())
