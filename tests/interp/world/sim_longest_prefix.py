# The longest matching prefix wins for latency and status; case-sensitive.
import asyncio, time, aiohttp, sim

sim.set_latency('https://api.example.com/slow', 3)
sim.set_latency('https://api.example.com', 1)
sim.set_latency('https://api.example.com/slow/but', 0.5)
sim.set_status('https://api.example.com/missing', 404)
sim.set_status('https://api.example.com/', 500)
sim.set_status('https://api.example.com/', 503)     # replaces 500


async def get(session, url):
    start = time.monotonic()
    async with session.get(url) as resp:
        print(url, resp.status, resp.reason, time.monotonic() - start)


async def main():
    async with aiohttp.ClientSession() as session:
        for url in ('https://api.example.com',
                    'https://api.example.com/slow/x',
                    'https://api.example.com/slow/but/x',
                    'https://api.example.com/missing/page',
                    'https://API.example.com/slow',
                    'http://api.example.com/slow'):
            await get(session, url)


asyncio.run(main())
