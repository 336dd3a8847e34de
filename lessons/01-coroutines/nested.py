# Lesson 01 · From: tutorials/002 — two coroutines: awaiting one coroutine from another
import asyncio
import time


async def delay(delay_seconds: int) -> int:
    print(f'sleeping for {delay_seconds} second(s)')
    await asyncio.sleep(delay_seconds)
    print(f'finished sleeping for {delay_seconds} second(s)')
    return delay_seconds


async def add_one(number: int) -> int:
    return number + 1


async def hello_world() -> str:
    await delay(1)
    return "Hello World!"


async def main() -> None:
    message = await hello_world()
    one_plus_one = await add_one(1)
    print(one_plus_one)
    print(message)
    print(f'done at t={time.perf_counter():.1f}')


asyncio.run(main())
