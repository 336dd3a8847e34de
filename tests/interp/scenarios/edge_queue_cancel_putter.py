# A cancelled put() waiter does not add its item.
import asyncio


async def putter(q, item):
    try:
        await q.put(item)
        print(f"{asyncio.get_running_loop().time()} put {item}")
    except asyncio.CancelledError:
        print(f"put of {item} cancelled")
        raise


async def main():
    q = asyncio.Queue(1)
    q.put_nowait("first")
    p1 = asyncio.create_task(putter(q, "p1"))
    p2 = asyncio.create_task(putter(q, "p2"))
    await asyncio.sleep(1)
    p1.cancel()
    await asyncio.sleep(0)
    print("got", q.get_nowait())
    await asyncio.gather(p1, p2, return_exceptions=True)
    items = []
    while not q.empty():
        items.append(q.get_nowait())
    print("left in queue:", items)


asyncio.run(main())
