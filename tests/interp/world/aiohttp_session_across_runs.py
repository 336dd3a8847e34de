# Module state lasts across asyncio.run calls; a contended connector binds to its first loop.
import asyncio, time, aiohttp, sim

sim.set_latency('https://a', 1)
session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=1))


async def one():
    r = await session.get('https://a/1')
    print('one', r.status, time.monotonic())


async def two():
    print(await asyncio.gather(session.get('https://a/2'), session.get('https://a/3'), return_exceptions=True))
    print('two', time.monotonic())


asyncio.run(one())
asyncio.run(two())
try:
    asyncio.run(two())
except RuntimeError as e:
    print('RuntimeError', e)
print(time.monotonic())
