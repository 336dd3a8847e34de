# Lesson 11 · From: tutorials/002 — two wrong async scenarios: CPU-bound work stops delay() running
import asyncio
import time

import sim


async def delay(delay_seconds: int) -> int:
    print(f'sleeping for {delay_seconds} second(s) at t={time.perf_counter():.3f}')
    await asyncio.sleep(delay_seconds)
    print(f'finished sleeping at t={time.perf_counter():.3f}')
    return delay_seconds


async def cpu_bound_work() -> int:
    print(f'counting starts at t={time.perf_counter():.3f}')
    counter = 0
    # for i in range(100000000):
    #     counter = counter + 1
    sim.cpu(4.675)                      # what that loop costs, measured in the tutorial
    counter = 100000000
    print(f'counting ends at t={time.perf_counter():.3f}')
    return counter


async def main():
    task_one = asyncio.create_task(cpu_bound_work())
    task_two = asyncio.create_task(cpu_bound_work())
    delay_task = asyncio.create_task(delay(4))
    await task_one
    await task_two
    await delay_task
    print(f'total: {time.perf_counter():.3f} s (the delay alone needs 4)')


asyncio.run(main())
