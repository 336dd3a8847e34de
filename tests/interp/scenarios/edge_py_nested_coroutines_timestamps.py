# Nested coroutine calls without tasks run sequentially; timestamps show where time passes.
import asyncio
import time


async def leaf(name, d):
    print(f"{time.perf_counter():.2f} {name} start")
    await asyncio.sleep(d)
    print(f"{time.perf_counter():.2f} {name} end")
    return d


async def branch(name):
    a = await leaf(name + ".1", 0.25)
    b = await leaf(name + ".2", 0.5)
    return a + b


async def main():
    total = await branch("x") + await branch("y")
    print(f"{time.perf_counter():.2f} total={total}")
    both = await asyncio.gather(branch("p"), branch("q"))
    print(f"{time.perf_counter():.2f} both={both}")


asyncio.run(main())
