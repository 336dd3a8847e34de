# Tutorial 002 (Chinese), chapter 2, "超时后任务不取消": wait_for around asyncio.shield(task)
# times out after 5 s without cancelling the task, which is then awaited to the end.
import asyncio
import time


async def delay(delay_seconds: int) -> int:
    print(f'sleeping for {delay_seconds} second(s)')
    await asyncio.sleep(delay_seconds)
    print(f'finished sleeping for {delay_seconds} second(s)')
    return delay_seconds


async def main():
    task = asyncio.create_task(delay(10))
    try:
        result = await asyncio.wait_for(asyncio.shield(task), 5)
        print(result)
    except TimeoutError:
        print(f"任务已超时,但不会停止运行! t={time.perf_counter():.1f} cancelled={task.cancelled()}")
        result = await task
        print(f'{result} at t={time.perf_counter():.1f}')


asyncio.run(main())
