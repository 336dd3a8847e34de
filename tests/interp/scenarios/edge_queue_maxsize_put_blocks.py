# Queue(maxsize): put() waits while full; each get() lets one blocked putter in, FIFO.
import asyncio


async def producer(q, name, n):
    for i in range(n):
        await q.put(f"{name}{i}")
        print(f"{asyncio.get_running_loop().time()} {name} put {name}{i} (qsize={q.qsize()}, full={q.full()})")


async def consumer(q, n):
    for _ in range(n):
        await asyncio.sleep(1)
        item = await q.get()
        print(f"{asyncio.get_running_loop().time()} got {item}")


async def main():
    q = asyncio.Queue(maxsize=2)
    print("maxsize", q.maxsize, "empty", q.empty())
    await asyncio.gather(producer(q, "a", 3), producer(q, "b", 2), consumer(q, 5))
    print("empty at end:", q.empty(), q.qsize())


asyncio.run(main())
