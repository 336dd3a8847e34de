# Tutorial 002 (Chinese), chapter 14, "强制运行事件循环": asyncio.sleep(0) yields for one
# loop iteration, so a freshly created task runs its first step before the creator goes on.
import asyncio


async def delay(delay_seconds: int) -> int:
    print(f'sleeping for {delay_seconds} second(s)')
    await asyncio.sleep(delay_seconds)
    print(f'finished sleeping for {delay_seconds} second(s)')
    return delay_seconds


async def create_tasks_no_sleep():
    task1 = asyncio.create_task(delay(1))
    task2 = asyncio.create_task(delay(2))
    print("got the tasks:")
    await asyncio.gather(task1, task2)


async def create_tasks_sleep():
    task1 = asyncio.create_task(delay(1))
    await asyncio.sleep(0)
    task2 = asyncio.create_task(delay(2))
    await asyncio.sleep(0)
    print("got the tasks:")
    await asyncio.gather(task1, task2)


async def ping_pong(name: str):
    for i in range(3):
        print(f'{name} {i}')
        await asyncio.sleep(0)


async def main():
    print('--- without asyncio.sleep(0) ---')
    await create_tasks_no_sleep()
    print('--- with asyncio.sleep(0) ---')
    await create_tasks_sleep()
    print('--- two tasks taking turns with sleep(0) ---')
    await asyncio.gather(ping_pong('ping'), ping_pong('pong'))


asyncio.run(main())
