# Task reprs in each state (pending before its first step, pending on a sleep, finished with result/exception, cancelled).
import asyncio


async def worker(d):
    await asyncio.sleep(d)
    return d * 2


async def failing():
    raise ValueError("boom")


async def main():
    t = asyncio.create_task(worker(1), name="job")
    print(t)
    await asyncio.sleep(0)
    print(t)
    await t
    print(t)
    f = asyncio.create_task(failing())
    await asyncio.gather(f, return_exceptions=True)
    print(f)
    c = asyncio.create_task(worker(5))
    await asyncio.sleep(0)
    c.cancel()
    await asyncio.gather(c, return_exceptions=True)
    print(c)
    print(repr(worker))


asyncio.run(main())
