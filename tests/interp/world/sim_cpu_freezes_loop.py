# sim.cpu on the loop's thread freezes the loop: a sleeper's timer fires late.
import asyncio, time, sim


async def sleeper():
    await asyncio.sleep(1)
    print('sleeper woke at', time.monotonic())


async def worker():
    sim.cpu(2)
    print('worker done at', time.monotonic())


async def main():
    await asyncio.gather(sleeper(), worker())
    print('main done at', time.monotonic())


asyncio.run(main())
