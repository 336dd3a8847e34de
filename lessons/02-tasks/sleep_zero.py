# Lesson 02 · From: tutorials/002 — chapter 14, forcing the event loop to run (asyncio.sleep(0))
import asyncio


async def delay(delay_seconds: int) -> int:
    print(f'sleeping for {delay_seconds} second(s)')
    await asyncio.sleep(delay_seconds)
    print(f'finished sleeping for {delay_seconds} second(s)')
    return delay_seconds


async def create_tasks_no_sleep():
    task1 = asyncio.create_task(delay(1))
    task2 = asyncio.create_task(delay(2))
    print('tasks created')
    await asyncio.gather(task1, task2)


async def create_tasks_sleep():
    task1 = asyncio.create_task(delay(1))
    await asyncio.sleep(0)
    task2 = asyncio.create_task(delay(2))
    await asyncio.sleep(0)
    print('tasks created')
    await asyncio.gather(task1, task2)


async def main():
    print('--- without asyncio.sleep(0) ---')
    await create_tasks_no_sleep()
    print('--- with asyncio.sleep(0) ---')
    await create_tasks_sleep()


asyncio.run(main())
