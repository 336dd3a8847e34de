# looplab-args: --until 2.5
# sim.cpu in a task past --until: the run stops at the limit, mid-step.
import asyncio, time, sim


async def ticker():
    while True:
        print('tick', time.monotonic())
        await asyncio.sleep(1)


async def main():
    asyncio.create_task(ticker())
    await asyncio.sleep(1.5)
    sim.cpu(0.5)
    print('cpu done', time.monotonic())
    sim.cpu(5)
    print('not reached')


asyncio.run(main())
