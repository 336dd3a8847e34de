# Lesson 07 · From: tutorials/002 — BoundedSemaphore (ValueError: released too many times)
import asyncio
from asyncio import BoundedSemaphore, Semaphore


async def main():
    plain = Semaphore(1)
    await plain.acquire()
    plain.release()
    plain.release()                  # a bug, but a plain Semaphore accepts it
    print(f'plain Semaphore(1) now lets {plain._value} tasks in')

    bounded = BoundedSemaphore(1)
    await bounded.acquire()
    bounded.release()
    try:
        bounded.release()            # the same bug, caught at once
    except ValueError as e:
        print(f'ValueError: {e}')


asyncio.run(main())
