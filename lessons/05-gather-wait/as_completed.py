# Lesson 05 · From: tutorials/002 — as_completed (the async_timed decorator, simulated baidu.com)
import asyncio
import functools
import time
from typing import Callable, Any

import aiohttp
from aiohttp import ClientSession

import sim

sim.set_latency('https://baidu.com', 0.225)


def async_timed():
    def wrapper(func: Callable) -> Callable:
        @functools.wraps(func)
        async def wrapped(*args, **kwargs) -> Any:
            print(f'starting {func.__name__}{args[1:]}')
            start = time.time()
            try:
                return await func(*args, **kwargs)
            finally:
                total = time.time() - start
                print(f'finished {func.__name__} in {total:.4f} second(s)')
        return wrapped
    return wrapper


@async_timed()
async def request(session: ClientSession, url: str, delay: int = 0) -> int:
    await asyncio.sleep(delay)
    async with session.get(url) as result:
        return result.status


async def main():
    async with aiohttp.ClientSession() as session:
        fetchers = [
            request(session, 'https://baidu.com', 3),
            request(session, 'https://baidu.com', 1),
            request(session, 'https://baidu.com', 2),
        ]
        for finished_task in asyncio.as_completed(fetchers):
            print(await finished_task)


asyncio.run(main())
