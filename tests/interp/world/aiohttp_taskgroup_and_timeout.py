# aiohttp requests under asyncio.timeout and in a TaskGroup whose one request fails.
import asyncio, time, aiohttp, sim

sim.set_latency('https://slow', 3)


async def fetch(session, url):
    async with session.get(url) as resp:
        return f'{url} {resp.status} {time.monotonic()}'


async def main():
    async with aiohttp.ClientSession() as session:
        try:
            async with asyncio.timeout(0.5):
                await fetch(session, 'https://slow/a')
        except TimeoutError as e:
            print('timeout', repr(e), time.monotonic())
        try:
            async with asyncio.TaskGroup() as tg:
                t1 = tg.create_task(fetch(session, 'https://fast/1'))
                t2 = tg.create_task(fetch(session, 'gopher://old'))
                t3 = tg.create_task(fetch(session, 'https://slow/b'))
        except* aiohttp.InvalidURL as eg:
            print('group', eg.exceptions, time.monotonic())
        print(t1.cancelled(), t3.cancelled())
        async with asyncio.TaskGroup() as tg:
            ts = [tg.create_task(fetch(session, f'https://fast/{i}')) for i in range(3)]
        print([t.result() for t in ts])
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch(session, 'https://fast/x'))
            tg.create_task(fetch(session, 'mailto:someone'))


asyncio.run(main())
