# From: tutorials/002_0b10f73f7bace513.txt — Conditions (runs forever: stopped by the time limit at t=300)
import asyncio
from asyncio import Condition


async def do_work(condition: Condition, name: str):
    while True:
        async with condition:
            print(f'{name} 等待 notify_all ...')
            await condition.wait()
            print(f'{name} 监听到 notify_all 事件...')
            await asyncio.sleep(1)
            print(f'{name} 工作结束,释放锁.')


async def fire_event(condition: Condition):
    while True:
        await asyncio.sleep(5)
        async with condition:
            print('fire_event,即将通知所有开始工作.')
            condition.notify_all()
            print('fire_event 通知工作结束.')


async def main():
    condition = Condition()
    asyncio.create_task(fire_event(condition))
    await asyncio.gather(do_work(condition, "work1"), do_work(condition, "work2"))


asyncio.run(main())
