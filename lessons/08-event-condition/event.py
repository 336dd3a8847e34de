# Lesson 08 · From: tutorials/002 — Event
import asyncio
import functools
import time
from asyncio import Event


def trigger_event(event: Event):
    print(f'--- event.set() at t={time.perf_counter():.0f} ---')
    event.set()


async def do_work_on_event(event: Event, name: str):
    print(f'{name}: waiting for the event...')
    await event.wait()
    print(f'{name}: starting work at t={time.perf_counter():.0f}')
    await asyncio.sleep(1)
    print(f'{name}: work finished at t={time.perf_counter():.0f}')
    event.clear()


async def main():
    event = asyncio.Event()
    asyncio.get_running_loop().call_later(5.0, functools.partial(trigger_event, event))
    await asyncio.gather(do_work_on_event(event, 'worker 1'), do_work_on_event(event, 'worker 2'))


asyncio.run(main())
