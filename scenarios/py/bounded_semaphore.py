# Tutorial 002 (Chinese), chapter 11, "有界信号量": releasing a BoundedSemaphore more often
# than it was acquired raises ValueError; uncaught, it ends the program (exit 1).
import asyncio
from asyncio import BoundedSemaphore


async def main():
    semaphore = BoundedSemaphore(1)
    await semaphore.acquire()
    print(f'acquired, locked()={semaphore.locked()}')
    semaphore.release()
    print(f'released once, locked()={semaphore.locked()}')
    semaphore.release()
    print('never printed')


asyncio.run(main())
