# Lesson 04 · Built on tutorials/002 and 004 (wait_for): Python 3.11's asyncio.timeout()
import asyncio
import time


async def delay(delay_seconds: int) -> int:
    print(f'sleeping for {delay_seconds} second(s)')
    await asyncio.sleep(delay_seconds)
    print(f'finished sleeping for {delay_seconds} second(s)')
    return delay_seconds


async def main():
    try:
        async with asyncio.timeout(1.5):
            await delay(1)        # fits in the budget
            await delay(1)        # the deadline falls in the middle of this one
    except TimeoutError:
        print(f'the block ran out of time at t={time.perf_counter():.1f}')

    async with asyncio.timeout(5):
        result = await delay(2)
    print(f'got {result} in time, t={time.perf_counter():.1f}')


asyncio.run(main())
