# A deadlock while requests are in flight elsewhere: the waiting task is reported.
import asyncio, aiohttp, sim

sim.set_latency('https://', 1)


async def main():
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=1)) as session:
        results = await asyncio.gather(session.get('https://a'), session.get('https://b'))
        print([r.status for r in results])
        await asyncio.Event().wait()


asyncio.run(main())
