# From: tutorials/002_0b10f73f7bace513.txt — as_completed
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
            print(f'starting {func} with args {args} {kwargs}')
            start = time.time()
            try:
                return await func(*args, **kwargs)
            finally:
                end = time.time()
                total = end - start
                print(f'finished {func} in {total:.4f} second(s)')
        return wrapped
    return wrapper


@async_timed()
async def request(session: ClientSession, url: str, delay: int = 0) -> int:
    await asyncio.sleep(delay)
    async with session.get(url) as result:
        return result.status


@async_timed()
async def main():
    async with aiohttp.ClientSession() as session:
        fetchers = [
            request(session, 'https://baidu.com', 1),
            request(session, 'https://baidu.com', 1),
            request(session, 'https://baidu.com', 3)
        ]
        for finished_task in asyncio.as_completed(fetchers):
            print(await finished_task)


asyncio.run(main())
