# Lesson 06 · From: tutorials/002 — chapter 11, asyncio locks
import asyncio
from asyncio import Lock


async def delay(delay_seconds: int) -> int:
    print(f'sleeping for {delay_seconds} second(s)')
    await asyncio.sleep(delay_seconds)
    print(f'finished sleeping for {delay_seconds} second(s)')
    return delay_seconds


async def a(lock: Lock):
    print('a is waiting for the lock')
    async with lock:
        print('a acquired the lock')
        await delay(2)
    print('a released the lock')


async def b(lock: Lock):
    print('b is waiting for the lock')
    async with lock:
        print('b acquired the lock')
        await delay(2)
    print('b released the lock')


async def main():
    lock = Lock()
    await asyncio.gather(a(lock), b(lock))


asyncio.run(main())
