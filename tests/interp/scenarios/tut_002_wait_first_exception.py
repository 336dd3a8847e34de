# From: tutorials/002_0b10f73f7bace513.txt — 监听异常 (FIRST_EXCEPTION, then cancel the pending tasks)
import asyncio
import functools
import time
from typing import Callable, Any

import aiohttp
from aiohttp import ClientSession

import sim
import logging


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
        fetchers = [
            asyncio.create_task(fetch_status(session, 'python://bad.com')),
            asyncio.create_task(fetch_status(session, 'https://www.baidu.com', delay=3)),
            asyncio.create_task(fetch_status(session, 'https://www.baidu.com', delay=3))
        ]
        done, pending = await asyncio.wait(fetchers, return_when=asyncio.FIRST_EXCEPTION)

        print(f'已完成的任务数量: {len(done)}')
        print(f'阻塞的任务数量: {len(pending)}')

        for done_task in done:
            if done_task.exception() is None:
                print(done_task.result())
            else:
                logging.error("请求异常", exc_info=done_task.exception())

        for pending_task in pending:
            print(f"取消任务: {pending_task}")
            pending_task.cancel()


asyncio.run(main())
