# An endless producer/consumer pair: the run is stopped at t=300 (exit 0).
import asyncio


async def producer(q):
    n = 0
    while True:
        await asyncio.sleep(7)
        await q.put(n)
        n += 1


async def consumer(q):
    total = 0
    while True:
        item = await q.get()
        total += item
        if item % 10 == 0:
            print(f"{asyncio.get_running_loop().time():.0f} consumed {item}, total {total}")


async def main():
    q = asyncio.Queue()
    await asyncio.gather(producer(q), consumer(q))


asyncio.run(main())
