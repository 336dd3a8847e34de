# Tutorial 002 (Chinese), chapter 2, "运行多个任务 示例二": a task created with create_task
# does not start until its creator reaches an await that yields to the loop; then the
# tasks' sleeps overlap with the creator's own work.
import asyncio
import time


async def delay(delay_seconds: int) -> int:
    print(f'sleeping for {delay_seconds} second(s)')
    await asyncio.sleep(delay_seconds)
    print(f'finished sleeping for {delay_seconds} second(s)')
    return delay_seconds


async def hello_every_second():
    for i in range(2):
        await asyncio.sleep(1)
        print(f"I'm running other code while I'm waiting! t={time.perf_counter():.1f}")


async def main():
    first_delay = asyncio.create_task(delay(3))
    second_delay = asyncio.create_task(delay(3))
    print('two tasks created, neither has started yet')
    await hello_every_second()
    await first_delay
    await second_delay
    print(f'all done at t={time.perf_counter():.1f}')


asyncio.run(main())
