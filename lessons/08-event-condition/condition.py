# Lesson 08 · From: tutorials/002 — Conditions (the tutorial loops forever; here: two rounds)
import asyncio
import time
from asyncio import Condition


async def do_work(condition: Condition, name: str):
    for _ in range(2):
        async with condition:
            print(f'{name}: waiting for notify_all ...')
            await condition.wait()
            print(f'{name}: notified at t={time.perf_counter():.0f}, working (holding the lock)')
            await asyncio.sleep(1)
            print(f'{name}: work done, releasing the lock')


async def fire_event(condition: Condition):
    for _ in range(2):
        await asyncio.sleep(5)
        async with condition:
            print(f'fire_event: notifying everyone at t={time.perf_counter():.0f}')
            condition.notify_all()
            print('fire_event: done notifying')


async def main():
    condition = Condition()
    notifier = asyncio.create_task(fire_event(condition))
    await asyncio.gather(do_work(condition, 'work1'), do_work(condition, 'work2'))
    await notifier
    print(f'finished at t={time.perf_counter():.0f}')


asyncio.run(main())
