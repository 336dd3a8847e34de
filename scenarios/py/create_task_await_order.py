# Tutorial 002 (Chinese), chapter 2, "运行多个任务 示例一": three tasks start at the first
# await and sleep together; awaiting a task returns at once if it is already done, so
# awaiting 1 s, 3 s, 2 s in that order returns at t=1, t=3 and t=3.
import asyncio
import time


async def delay(delay_seconds: int) -> int:
    print(f'sleeping for {delay_seconds} second(s)')
    await asyncio.sleep(delay_seconds)
    print(f'finished sleeping for {delay_seconds} second(s)')
    return delay_seconds


async def main():
    sleep_for_three = asyncio.create_task(delay(3))
    sleep_for_one = asyncio.create_task(delay(1))
    sleep_for_two = asyncio.create_task(delay(2))
    result = await sleep_for_one
    print(f'awaited the 1 s task: {result} at t={time.perf_counter():.1f}')
    result = await sleep_for_three
    print(f'awaited the 3 s task: {result} at t={time.perf_counter():.1f}')
    result = await sleep_for_two
    print(f'awaited the 2 s task: {result} at t={time.perf_counter():.1f}')


asyncio.run(main())
