# Lesson 11 · From: tutorials/001 and 002 — asyncio.sleep lets the loop run other tasks
import asyncio
import time


async def ticker():
    for _ in range(3):
        await asyncio.sleep(0.5)
        print(f'  tick at t={time.perf_counter():.1f}')


async def work(n: int):
    print(f'work {n} starts at t={time.perf_counter():.1f}')
    await asyncio.sleep(1)              # non-blocking: the loop runs others meanwhile
    print(f'work {n} ends at t={time.perf_counter():.1f}')


async def main():
    await asyncio.gather(ticker(), work(1), work(2), work(3))
    print(f'total: {time.perf_counter():.1f} s')


asyncio.run(main())
