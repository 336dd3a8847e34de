# Tutorial 002 (Chinese), chapter 2, "运行多个任务": several tasks sleeping the same time
# wake in the order they went to sleep (timers due together run in scheduling order), and
# so do call_later callbacks with the same due time.
import asyncio
import time


async def sleeper(i: int) -> None:
    await asyncio.sleep(1)
    print(f'sleeper {i} woke at t={time.perf_counter():.1f}')


def callback(i: int) -> None:
    print(f'callback {i} at t={time.perf_counter():.1f}')


async def main():
    await asyncio.gather(*(sleeper(i) for i in range(7)))
    loop = asyncio.get_running_loop()
    for i in range(6):
        loop.call_later(0.5, callback, i)
    await asyncio.sleep(0.5)
    print(f'main woke at t={time.perf_counter():.1f}')
    await asyncio.sleep(0)
    print('main again')


asyncio.run(main())
