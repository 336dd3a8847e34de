# Lesson 05 · From: tutorials/002 — processing results one by one with wait(FIRST_COMPLETED)
import asyncio
import time

import aiohttp
from aiohttp import ClientSession

import sim

sim.set_latency('https://www.baidu.com', 0.101)


async def fetch_status(session: ClientSession, url: str, delay: int = 0) -> int:
    await asyncio.sleep(delay)
    async with session.get(url) as result:
        return result.status


async def main():
    async with aiohttp.ClientSession() as session:
        url = 'https://www.baidu.com'
        pending = [
            asyncio.create_task(fetch_status(session, url)),
            asyncio.create_task(fetch_status(session, url)),
            asyncio.create_task(fetch_status(session, url, delay=3)),
        ]

        while pending:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            print(f't={time.perf_counter():.3f} done: {len(done)}, still pending: {len(pending)}')
            for done_task in done:
                print(await done_task)


asyncio.run(main())
