"""Tutorial 002 (aiohttp): ClientTimeout per request and per session, and
as_completed(timeout=2) over requests that start after 1, 1 and 5 seconds."""
import asyncio
import time

import aiohttp
from aiohttp import ClientSession

import sim

sim.set_latency('https://slow.example.com', 1.5)


async def fetch_status(session: ClientSession, url: str) -> int:
    ten_millis = aiohttp.ClientTimeout(total=.01)
    async with session.get(url, timeout=ten_millis) as result:
        return result.status


async def request(session: ClientSession, url: str, delay: int = 0) -> int:
    await asyncio.sleep(delay)
    async with session.get(url) as result:
        return result.status


async def main():
    session_timeout = aiohttp.ClientTimeout(total=1, connect=.1)
    async with aiohttp.ClientSession(timeout=session_timeout) as session:
        try:
            await fetch_status(session, 'https://www.example.com')
        except asyncio.TimeoutError:
            print(f'request timeout at {time.monotonic():.2f}')
        try:
            await request(session, 'https://slow.example.com')
        except asyncio.TimeoutError:
            print(f'session timeout at {time.monotonic():.2f}')

        start = time.monotonic()
        fetchers = [request(session, 'https://www.example.com', 1),
                    request(session, 'https://www.example.com', 1),
                    request(session, 'https://www.example.com', 5)]
        for done_task in asyncio.as_completed(fetchers, timeout=2):
            try:
                result = await done_task
                print(result, f'after {time.monotonic() - start:.2f} s')
            except asyncio.TimeoutError:
                print(f'Got a timeout error after {time.monotonic() - start:.2f} s!')
        print(sorted(task.get_name() for task in asyncio.all_tasks()))


asyncio.run(main())

# Expected output:
# request timeout at 0.01
# session timeout at 1.01
# 200 after 1.10 s
# 200 after 1.10 s
# Got a timeout error after 2.00 s!
# ['Task-1', 'Task-4']
