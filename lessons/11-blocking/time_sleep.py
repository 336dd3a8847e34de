# Lesson 11 · From: tutorials/001 and 002 — time.sleep inside a coroutine blocks the whole loop
import asyncio
import time


async def ticker():
    for _ in range(3):
        await asyncio.sleep(0.5)
        print(f'  tick at t={time.perf_counter():.1f}')


async def work(n: int):
    print(f'work {n} starts at t={time.perf_counter():.1f}')
    time.sleep(1)                       # blocking: the loop can do nothing else
    print(f'work {n} ends at t={time.perf_counter():.1f}')


async def main():
    await asyncio.gather(ticker(), work(1), work(2), work(3))
    print(f'total: {time.perf_counter():.1f} s')


asyncio.run(main())
