# Latency and status are read when a request starts (aiohttp: when its coroutine first runs).
import asyncio, time, aiohttp, sim


async def main():
    async with aiohttp.ClientSession() as session:
        pending = session.get('https://h/x')
        sim.set_latency('https://h', 2)
        sim.set_status('https://h/x', 201)
        r = await pending
        print(r.status, r.reason, time.monotonic())
        t = asyncio.create_task(session.get('https://h/y'))
        await asyncio.sleep(0)
        sim.set_latency('https://h', 5)
        r = await t
        print(r.status, time.monotonic())
        sim.DEFAULT_LATENCY = 0.5
        r = await session.get('https://other')
        print(r.status, time.monotonic())


asyncio.run(main())
