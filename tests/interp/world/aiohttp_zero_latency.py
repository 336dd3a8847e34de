# A zero latency is a bare yield: other tasks run in between.
import asyncio, time, aiohttp, sim

sim.set_latency('https://local', 0)


async def other():
    print('other runs while the request yields')


async def main():
    asyncio.create_task(other())
    async with aiohttp.ClientSession() as session:
        async with session.get('https://local/x') as resp:
            print(resp.status, time.monotonic())


asyncio.run(main())
