# From: tutorials/002_0b10f73f7bace513.txt — 第十四章 强制运行事件循环 (asyncio.sleep(0))
import asyncio


async def delay(delay_seconds: int) -> int:
    print(f'sleeping for {delay_seconds} second(s)')
    await asyncio.sleep(delay_seconds)
    print(f'finished sleeping for {delay_seconds} second(s)')
    return delay_seconds


async def create_tasks_no_sleep():
    task1 = asyncio.create_task(delay(1))
    task2 = asyncio.create_task(delay(2))
    print("获取到任务:")
    await asyncio.gather(task1, task2)


async def create_tasks_sleep():
    task1 = asyncio.create_task(delay(1))
    await asyncio.sleep(0)
    task2 = asyncio.create_task(delay(2))
    await asyncio.sleep(0)
    print("获取到任务:")
    await asyncio.gather(task1, task2)


async def main():
    print('--- 没有使用 asyncio.sleep(0) ---')
    await create_tasks_no_sleep()
    print('--- 使用 asyncio.sleep(0) ---')
    await create_tasks_sleep()


asyncio.run(main())
