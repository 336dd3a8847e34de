# Tutorial 002 (Chinese), chapter 11, "Event": every task waiting on the Event wakes when
# call_later sets it 5 s later, in the order they started waiting.
import asyncio
import functools
import time
from asyncio import Event


def trigger_event(event: Event):
    print(f'event.set() at t={time.perf_counter():.1f}')
    event.set()


async def do_work_on_event(event: Event, n: int):
    print(f'{n}: 等待 event...')
    await event.wait()
    print(f'{n}: 开始工作! t={time.perf_counter():.1f}')
    await asyncio.sleep(1)
    print(f'{n}: 完成工作!')
    event.clear()


async def main():
    event = asyncio.Event()
    asyncio.get_running_loop().call_later(5.0, functools.partial(trigger_event, event))
    await asyncio.gather(*(do_work_on_event(event, n) for n in range(3)))
    print(f'is_set() at the end: {event.is_set()}')


asyncio.run(main())
