# An uncaught TimeoutError from ClientTimeout(total=0.5): traceback ends with `TimeoutError`.
import asyncio, time, aiohttp, sim

sim.set_latency('https://example.com', 2)


async def main():
    timeout = aiohttp.ClientTimeout(total=0.5)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async with session.get('https://example.com') as resp:
            print(resp.status)


asyncio.run(main())
