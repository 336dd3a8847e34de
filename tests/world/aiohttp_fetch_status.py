"""Tutorial 002 (aiohttp): fetch a status with `async with session.get(url)`,
then ten requests awaited one by one (a list comprehension) vs gathered.
The tutorial printed {func} and {args}; names only here (no addresses)."""
import asyncio
import functools
import time

import aiohttp
from aiohttp import ClientSession

import sim

sim.set_latency('https://www.example.com', 0.5)


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f'starting {func.__name__}')
            start = time.time()
            try:
                return await func(*args, **kwargs)
            finally:
                end = time.time()
                total = end - start
                print(f'finished {func.__name__} in {total:.4f} second(s)')
        return wrapped
    return wrapper


@async_timed()
async def fetch_status(session: ClientSession, url: str) -> int:
    async with session.get(url) as result:
        return result.status


async def fetch(session: ClientSession, url: str) -> int:
    async with session.get(url) as result:
        return result.status


@async_timed()
async def one_by_one(session, urls):
    return [await fetch(session, url) for url in urls]


@async_timed()
async def gathered(session, urls):
    return await asyncio.gather(*[fetch(session, url) for url in urls])


@async_timed()
async def main():
    async with aiohttp.ClientSession() as session:
        url = 'https://www.example.com'
        status = await fetch_status(session, url)
        print(f'Status for {url} was {status}')
        urls = [url for _ in range(10)]
        print(await one_by_one(session, urls))
        print(await gathered(session, urls))


asyncio.run(main())

# Expected output:
# starting main
# starting fetch_status
# finished fetch_status in 0.5000 second(s)
# Status for https://www.example.com was 200
# starting one_by_one
# finished one_by_one in 5.0000 second(s)
# [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]
# starting gathered
# finished gathered in 0.5000 second(s)
# [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]
# finished main in 6.0000 second(s)
