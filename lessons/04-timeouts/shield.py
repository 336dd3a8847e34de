# Lesson 04 · From: tutorials/002 — the task is not cancelled on timeout (wait_for + shield)
import asyncio
import time


async def delay(delay_seconds: int) -> int:
    print(f'sleeping for {delay_seconds} second(s)')
    await asyncio.sleep(delay_seconds)
    print(f'finished sleeping for {delay_seconds} second(s)')
    return delay_seconds


async def main():
    task = asyncio.create_task(delay(10))

    try:
        result = await asyncio.wait_for(asyncio.shield(task), 5)
        print(result)
    except TimeoutError:
        print(f'Timed out at t={time.perf_counter():.1f}, but the task keeps running!')
        result = await task
        print(f'{result} at t={time.perf_counter():.1f}')


asyncio.run(main())
