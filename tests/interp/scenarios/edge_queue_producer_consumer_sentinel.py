# Producer/consumer with a None sentinel and several consumers; the timestamps show the interleaving.
import asyncio


async def producer(q, n):
    for i in range(n):
        await asyncio.sleep(0.3)
        await q.put(i)
        print(f"{asyncio.get_running_loop().time():.1f} produced {i}")
    await q.put(None)


async def consumer(q, name, results):
    while True:
        item = await q.get()
        if item is None:
            await q.put(None)  # let the other consumers stop too
            print(f"{asyncio.get_running_loop().time():.1f} {name} stops")
            return
        await asyncio.sleep(0.5)
        results.append((name, item))


async def main():
    q = asyncio.Queue(maxsize=2)
    results = []
    await asyncio.gather(producer(q, 6), *[consumer(q, f"c{i}", results) for i in range(2)])
    print(results)


asyncio.run(main())
