# From: tutorials/000_b829acf418663ef6.txt — 使用asyncio.run,多次运行是否安全 (complete_integrations called from sync code)
import asyncio
import time

import aiohttp


async def my_task(url):
    # request some urls or whatever
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            return f"{url} -> {response.status} at {time.perf_counter():.1f}"


async def gather_tasks(*integration_tasks):
    return await asyncio.gather(*integration_tasks)


def complete_integrations(*integration_tasks):
    return asyncio.run(gather_tasks(*integration_tasks))


url1 = "https://example.com/1"
url2 = "https://example.com/2"
integration_tasks = [my_task(url1), my_task(url2)]
print(complete_integrations(*integration_tasks))
# asyncio.run may be called again: each call makes a new event loop
integration_tasks = [my_task(url1), my_task(url2)]
print(complete_integrations(*integration_tasks))
