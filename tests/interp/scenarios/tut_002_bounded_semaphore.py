# From: tutorials/002_0b10f73f7bace513.txt — 有界信号量 (ValueError: BoundedSemaphore released too many times)
import asyncio
from asyncio import BoundedSemaphore


async def main():
    semaphore = BoundedSemaphore(1)

    await semaphore.acquire()
    semaphore.release()
    semaphore.release()


asyncio.run(main())
