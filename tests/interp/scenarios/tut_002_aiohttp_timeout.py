# From: tutorials/002_0b10f73f7bace513.txt — 设置超时时间 (a 10 ms per-request ClientTimeout: TimeoutError, exit 1)
import asyncio
import aiohttp
from aiohttp import ClientSession

import sim

sim.set_latency('https://baidu.com', 0.23)


async def fetch_status(session: ClientSession, url: str) -> int:
    ten_millis = aiohttp.ClientTimeout(total=.01)
    async with session.get(url, timeout=ten_millis) as result:
        return result.status


async def main():
    session_timeout = aiohttp.ClientTimeout(total=1, connect=.1)
    async with aiohttp.ClientSession(timeout=session_timeout) as session:
        await fetch_status(session, 'https://baidu.com')


asyncio.run(main())
