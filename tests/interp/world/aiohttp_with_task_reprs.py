# A task stuck on a connector slot, and its repr while waiting.
import asyncio, time, aiohttp, sim

sim.set_latency('https://', 2)


async def main():
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=1)) as session:
        tasks = [asyncio.create_task(session.get(f'https://h/{i}')) for i in range(3)]
        await asyncio.sleep(0)
        for t in tasks:
            print(t.get_name(), t.done())
        await asyncio.sleep(1)
        tasks[2].cancel()
        done, pending = await asyncio.wait(tasks)
        print(len(done), len(pending), time.monotonic())
        for t in tasks:
            print(t.get_name(), t.cancelled() or t.result().status)


asyncio.run(main())
