# await inside comprehensions runs sequentially; creating tasks first then awaiting runs concurrently.
import asyncio
import time


async def fetch(n):
    await asyncio.sleep(n / 10)
    return n * 10


async def main():
    start = time.perf_counter()
    seq = [await fetch(n) for n in range(1, 4)]
    print(seq, f"{time.perf_counter() - start:.1f}s")
    start = time.perf_counter()
    tasks = [asyncio.create_task(fetch(n)) for n in range(1, 4)]
    conc = [await t for t in tasks]
    print(conc, f"{time.perf_counter() - start:.1f}s")
    d = {n: await fetch(n) for n in (2, 1)}
    print(d, f"{time.perf_counter():.1f}")
    s = {await fetch(1) for _ in range(2)}
    print(s, f"{time.perf_counter():.1f}")
    print([await fetch(n) for n in range(5) if n % 2], f"{time.perf_counter():.1f}")
    print(sum([await fetch(1), await fetch(2)]), f"{time.perf_counter():.1f}")


asyncio.run(main())
