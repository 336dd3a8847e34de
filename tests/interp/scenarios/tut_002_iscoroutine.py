# From: tutorials/002_0b10f73f7bace513.txt — 第十四章 检测是否为协程 (asyncio.iscoroutine / iscoroutinefunction)
import asyncio


async def coro_func():
    return 1


def plain_func():
    return 2


async def main():
    coro = coro_func()
    print(asyncio.iscoroutine(coro), asyncio.iscoroutine(plain_func()))
    print(asyncio.iscoroutinefunction(coro_func), asyncio.iscoroutinefunction(plain_func))
    print(await coro)


asyncio.run(main())
