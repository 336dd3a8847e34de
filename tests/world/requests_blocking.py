"""Tutorial 002: requests.get in coroutines runs one request after another --
it blocks the event loop -- while aiohttp's requests overlap."""
import asyncio
import functools
import time

import aiohttp
import requests

import sim

sim.set_latency('http://www.example.com', 0.5)


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f'starting {func.__name__}')
            start = time.time()
            try:
                return await func(*args, **kwargs)
            finally:
                print(f'finished {func.__name__} in {time.time() - start:.4f} second(s)')
        return wrapped
    return wrapper


@async_timed()
async def get_example_status() -> int:
    return requests.get('http://www.example.com').status_code


@async_timed()
async def main():
    task_1 = asyncio.create_task(get_example_status())
    task_2 = asyncio.create_task(get_example_status())
    task_3 = asyncio.create_task(get_example_status())
    await task_1
    await task_2
    await task_3


@async_timed()
async def get_example_status_aiohttp(session) -> int:
    async with session.get('http://www.example.com') as response:
        return response.status


@async_timed()
async def main_aiohttp():
    async with aiohttp.ClientSession() as session:
        statuses = await asyncio.gather(*[get_example_status_aiohttp(session)
                                          for _ in range(3)])
    print(statuses)


asyncio.run(main())
asyncio.run(main_aiohttp())

# Expected output:
# starting main
# starting get_example_status
# finished get_example_status in 0.5000 second(s)
# starting get_example_status
# finished get_example_status in 0.5000 second(s)
# starting get_example_status
# finished get_example_status in 0.5000 second(s)
# finished main in 1.5000 second(s)
# starting main_aiohttp
# starting get_example_status_aiohttp
# starting get_example_status_aiohttp
# starting get_example_status_aiohttp
# finished get_example_status_aiohttp in 0.5000 second(s)
# finished get_example_status_aiohttp in 0.5000 second(s)
# finished get_example_status_aiohttp in 0.5000 second(s)
# [200, 200, 200]
# finished main_aiohttp in 0.5000 second(s)
