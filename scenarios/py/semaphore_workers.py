# Tutorial 002 (Chinese), chapter 11, "信号量": Semaphore(2) lets two of the four
# operations in at a time; the other two wait until a slot is released.
import asyncio
import time
from asyncio import Semaphore


async def operation(semaphore: Semaphore, n: int):
    print(f'{n}: 等待获取信号量...')
    async with semaphore:
        print(f'{n}: 获取到信号量! t={time.perf_counter():.1f}')
        await asyncio.sleep(2)
        print(f'{n}: 释放信号量!')


async def main():
    semaphore = Semaphore(2)
    await asyncio.gather(*[operation(semaphore, n) for n in range(4)])
    print(f'elapsed {time.perf_counter():.1f} s')


asyncio.run(main())
