# Sequential gets add up; text() and close() do not suspend.
import asyncio, time, aiohttp, sim

for name, latency in (('a', 1), ('b', 2), ('c', 3)):
    sim.set_latency(f'https://{name}.example.com', latency)


async def main():
    session = aiohttp.ClientSession()
    print(session.closed, session.timeout, session.connector.limit)
    for n in 'abc':
        resp = await session.get(f'https://{n}.example.com')
        print(resp.status, await resp.text(), await resp.text(encoding='utf-8'), time.monotonic())
    await session.close()
    print(session.closed)


asyncio.run(main())
