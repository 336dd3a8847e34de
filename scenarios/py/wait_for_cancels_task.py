# Tutorial 002 (Chinese), chapter 2, "超时后任务被取消": when wait_for times out, the task
# it waited for is cancelled.
import asyncio
import time


async def delay(delay_seconds: int) -> int:
    print(f'sleeping for {delay_seconds} second(s)')
    await asyncio.sleep(delay_seconds)
    print(f'finished sleeping for {delay_seconds} second(s)')
    return delay_seconds


async def main():
    delay_task = asyncio.create_task(delay(2))
    try:
        result = await asyncio.wait_for(delay_task, timeout=1)
        print(result)
    except asyncio.exceptions.TimeoutError:
        print(f'Got a timeout! t={time.perf_counter():.1f}')
        print(f'Was the task cancelled? {delay_task.cancelled()}')


asyncio.run(main())
