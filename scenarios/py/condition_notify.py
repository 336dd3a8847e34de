# looplab-args: --until 12
# Tutorial 002 (Chinese), chapter 11, "Conditions": two workers wait on a Condition;
# fire_event calls notify_all() every 5 s; each worker then re-acquires the condition's
# lock in turn. Both loops run forever, so --until 12 ends the run.
import asyncio
import time
from asyncio import Condition


async def do_work(condition: Condition, name: str):
    while True:
        async with condition:
            print(f'{name} 等待 notify_all ...')
            await condition.wait()
            print(f'{name} 监听到 notify_all 事件... t={time.perf_counter():.1f}')
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
    await asyncio.gather(do_work(condition, 'work1'), do_work(condition, 'work2'))


asyncio.run(main())
