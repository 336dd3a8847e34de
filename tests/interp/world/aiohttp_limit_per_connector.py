# The limit is per connector (default 100); limit=0 means no limit; sessions share a connector's slots.
import asyncio, time, aiohttp, sim

sim.set_latency('https://', 1)


async def burst(session, n):
    await asyncio.gather(*(session.get(f'https://x/{i}') for i in range(n)))
    return time.monotonic()


async def main():
    async with aiohttp.ClientSession() as s:     # limit=100
        print(await burst(s, 250))
    async with aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=0)) as s:
        print(await burst(s, 250))
    one = aiohttp.TCPConnector(limit=1)
    a = aiohttp.ClientSession(connector=one)
    b = aiohttp.ClientSession(connector=one)
    await asyncio.gather(burst(a, 2), burst(b, 2))
    print(time.monotonic())


asyncio.run(main())
