# Timers that fell due during sim.cpu all run in one iteration, in due order.
import asyncio, time, sim


async def sleeper(d):
    await asyncio.sleep(d)
    print('slept', d, 'woke at', time.monotonic())


async def main():
    tasks = [asyncio.create_task(sleeper(d)) for d in (1.5, 0.5, 1)]
    await asyncio.sleep(0)
    sim.cpu(2)
    print('cpu done at', time.monotonic())
    await asyncio.gather(*tasks)


asyncio.run(main())
