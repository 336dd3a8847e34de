# TCPConnector(limit=2): the other requests wait for a slot, first come first served.
import asyncio, time, aiohttp, sim

sim.set_latency('https://', 1)


async def fetch(session, i):
    async with session.get(f'https://example.com/{i}') as resp:
        print(i, 'done at', time.monotonic())


async def main():
    connector = aiohttp.TCPConnector(limit=2)
    async with aiohttp.ClientSession(connector=connector) as session:
        await asyncio.gather(*(fetch(session, i) for i in range(5)))
    print('total', time.monotonic(), connector.limit)


asyncio.run(main())
