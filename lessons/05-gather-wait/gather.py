# Lesson 05 · From: tutorials/004 — gather() and aiohttp (call_url); latencies are simulated
import asyncio
import time

import aiohttp
import sim

sim.set_latency('https://www.google.com', 2)
sim.set_latency('https://www.python.org', 1)
sim.set_latency('https://example.com', 3)

urls = ['https://www.google.com', 'https://www.python.org', 'https://example.com']


async def call_url(session, url):
    print(f'Run {url}')
    async with session.get(url) as response:
        data = await response.text()
        print(f'{url}: {len(data)} bytes at t={time.perf_counter():.1f}')
        return url.split('//')[1]


async def main(urls):
    async with aiohttp.ClientSession() as session:
        coros = [call_url(session, url) for url in urls]
        results = await asyncio.gather(*coros)
        print(f'results in argument order: {results}')
        print(f'elapsed: {time.perf_counter():.1f} s')


asyncio.run(main(urls))
