# A cancelled waiter leaves the queue; a cancelled holder frees its slot.
import asyncio, time, aiohttp, sim

sim.set_latency('https://slow', 5)
sim.set_latency('https://fast', 1)


async def main():
    async with aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=1)) as session:
        slow = asyncio.create_task(session.get('https://slow'))
        queued = asyncio.create_task(session.get('https://fast/1'))
        last = asyncio.create_task(session.get('https://fast/2'))
        await asyncio.sleep(0.5)
        queued.cancel()
        try:
            await asyncio.wait_for(slow, 2)
        except asyncio.TimeoutError:
            print('slow timed out at', time.monotonic())
        resp = await last
        print(resp.status, time.monotonic(), queued.cancelled())


asyncio.run(main())
