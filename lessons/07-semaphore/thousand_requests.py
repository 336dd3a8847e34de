# Lesson 07 · From: tutorials/002 — semaphores: 1,000 requests, at most 10 in flight
import asyncio
import time
from asyncio import Semaphore

from aiohttp import ClientSession

in_flight = 0
most_in_flight = 0
finished = 0


async def get_url(url: str, session: ClientSession, semaphore: Semaphore):
    global in_flight, most_in_flight, finished
    async with semaphore:
        in_flight += 1
        most_in_flight = max(most_in_flight, in_flight)
        response = await session.get(url)      # 0.1 s each (the simulated default)
        in_flight -= 1
        finished += 1
        if finished % 250 == 0:
            print(f'{finished} requests done at t={time.perf_counter():.1f}')
        return response.status


async def main():
    semaphore = Semaphore(10)
    async with ClientSession() as session:
        tasks = [get_url('https://www.example.com', session, semaphore) for _ in range(1000)]
        statuses = await asyncio.gather(*tasks)
    print(f'{len(statuses)} responses, all 200: {all(s == 200 for s in statuses)}')
    print(f'at most {most_in_flight} requests in flight')
    print(f'total: {asyncio.get_running_loop().time():.1f} s')


asyncio.run(main())
