# Tutorial 002 (Chinese), chapter 3, "事件循环": loop.call_soon schedules a plain function
# for the next loop iteration (it runs when main first awaits); call_later after a delay.
import asyncio
import time


def call_later():
    print(f"I'm being called in the future! t={time.perf_counter():.1f}")


def call_delayed(what: str):
    print(f"{what} at t={time.perf_counter():.1f}")


async def delay(delay_seconds: int) -> int:
    print(f'sleeping for {delay_seconds} second(s)')
    await asyncio.sleep(delay_seconds)
    print(f'finished sleeping for {delay_seconds} second(s)')
    return delay_seconds


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(call_later)
    loop.call_later(0.5, call_delayed, 'call_later(0.5)')
    handle = loop.call_later(0.7, call_delayed, 'never: cancelled')
    loop.call_at(loop.time() + 0.25, call_delayed, 'call_at(now + 0.25)')
    handle.cancel()
    print('callbacks scheduled')
    await delay(1)


asyncio.run(main())
