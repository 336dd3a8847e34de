# Tutorial style: a Semaphore of our own around aiohttp requests, as_completed, wait_for.
import asyncio, time, aiohttp, sim

sim.set_latency('https://www.example.com', 0.3)
sim.set_latency('https://slow.example.com', 3)


async def get_url(session, url, sem):
    async with sem:
        start = time.monotonic()
        async with session.get(url) as r:
            body = await r.text()
            return f'{url} {r.status} {len(body)} {time.monotonic() - start:.2f}'


async def main():
    sem = asyncio.Semaphore(3)
    async with aiohttp.ClientSession() as session:
        coros = [get_url(session, 'https://www.example.com', sem) for _ in range(7)]
        for c in asyncio.as_completed(coros):
            print(await c, f'{time.monotonic():.2f}')
        try:
            await asyncio.wait_for(session.get('https://slow.example.com'), timeout=1)
        except asyncio.TimeoutError:
            print('wait_for timed out at', time.monotonic())
        r = await asyncio.wait_for(session.get('https://www.example.com'), None)
        print(r.status, round(time.monotonic(), 6))


asyncio.run(main())
