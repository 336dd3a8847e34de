# Lesson 07 · From: tutorials/002 — semaphores
import asyncio
import time
from asyncio import Semaphore


async def operation(semaphore: Semaphore, n: int):
    print(f'{n}: waiting for the semaphore...')
    async with semaphore:
        print(f'{n}: got it at t={time.perf_counter():.0f}')
        await asyncio.sleep(2)
    print(f'{n}: released it')


async def main():
    semaphore = Semaphore(2)
    await asyncio.gather(*[operation(semaphore, n) for n in range(4)])
    print(f'all done at t={time.perf_counter():.0f}')


asyncio.run(main())
