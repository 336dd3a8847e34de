# From: tutorials/002_0b10f73f7bace513.txt — 逐个处理结果 (FIRST_COMPLETED in a loop)
import asyncio
import functools
import time
from typing import Callable, Any

import aiohttp
from aiohttp import ClientSession

import sim

sim.set_latency('https://www.baidu.com', 0.101)


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
async def fetch_status(session: ClientSession, url: str, delay: int = 0) -> int:
    await asyncio.sleep(delay)
    async with session.get(url) as result:
        return result.status


@async_timed()
async def main():
    async with aiohttp.ClientSession() as session:
        url = 'https://www.baidu.com'
        pending = [
            asyncio.create_task(fetch_status(session, url)),
            asyncio.create_task(fetch_status(session, url)),
            asyncio.create_task(fetch_status(session, url, delay=3))
        ]

        while pending:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            print(f'完成任务数量: {len(done)}')
            print(f'阻塞任务数量: {len(pending)}')

            for done_task in done:
                print(await done_task)


asyncio.run(main())
