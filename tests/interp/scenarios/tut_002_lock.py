# From: tutorials/002_0b10f73f7bace513.txt — 第十一章 asyncio 锁
import asyncio
from asyncio import Lock


async def delay(delay_seconds: int) -> int:
    print(f'sleeping for {delay_seconds} second(s)')
    await asyncio.sleep(delay_seconds)
    print(f'finished sleeping for {delay_seconds} second(s)')
    return delay_seconds


async def a(lock: Lock):
    print('等待 a 获取锁')
    async with lock:
        print('a 获取到了锁')
        await delay(2)
    print('a 释放了锁')


async def b(lock: Lock):
    print('等待 b 获取锁')
    async with lock:
        print('b 获取到了锁')
        await delay(2)
    print('b 释放了锁')


async def main():
    lock = Lock()
    await asyncio.gather(a(lock), b(lock))


asyncio.run(main())
