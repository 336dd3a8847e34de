# async for over a class with __aiter__/__anext__ that awaits between items; StopAsyncIteration ends it.
import asyncio


class Ticker:
    def __init__(self, count, interval):
        self.count = count
        self.interval = interval
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.count:
            raise StopAsyncIteration
        await asyncio.sleep(self.interval)
        self.i += 1
        return self.i


async def main():
    loop = asyncio.get_running_loop()
    async for n in Ticker(3, 0.5):
        print(f"{loop.time()} tick {n}")
    total = 0
    async for n in Ticker(10, 0.1):
        if n == 4:
            continue
        if n > 6:
            break
        total += n
    else:
        print("else not run after break")
    print("total", total, "at", f"{loop.time():.1f}")
    async for n in Ticker(0, 1):
        print("never")
    else:
        print("empty iterator: else runs")


asyncio.run(main())
