# Concurrent gets finish with the slowest: one step per request.
import asyncio, time, aiohttp, sim

for name, latency in (('a', 1), ('b', 2), ('c', 3)):
    sim.set_latency(f'https://{name}.example.com', latency)


async def fetch(session, url):
    async with session.get(url) as resp:
        print(url, resp.status, time.monotonic())
        return resp.status


async def main():
    async with aiohttp.ClientSession() as session:
        urls = [f'https://{n}.example.com' for n in 'cab']
        print(await asyncio.gather(*(fetch(session, u) for u in urls)))
    print('total', time.monotonic())


asyncio.run(main())
