# Tutorial 004 (Ukrainian), "Для чого використовується wait_for(), as_completed(), wait()?":
# wait_for raises TimeoutError when the awaitable takes too long (and cancels it), returns
# its result otherwise; wrapped around gather(), the timeout cancels all of gather's children.
import asyncio
import time


async def my_task():
    await asyncio.sleep(2)
    return "Task done"


async def f():
    try:
        await asyncio.sleep(3)
    except asyncio.CancelledError:
        print(f'f cancelled at t={time.perf_counter():.1f}')
        raise
    return 'f'


async def g():
    try:
        await asyncio.sleep(7)
    except asyncio.CancelledError:
        print(f'g cancelled at t={time.perf_counter():.1f}')
        raise
    return 'g'


async def main():
    try:
        result = await asyncio.wait_for(my_task(), timeout=1)
        print(result)
    except asyncio.TimeoutError:
        print("Task did not complete within the specified time.")
    result = await asyncio.wait_for(my_task(), timeout=3)
    print(f'{result} at t={time.perf_counter():.1f}')
    try:
        result_f, result_g = await asyncio.wait_for(asyncio.gather(f(), g()), timeout=5.0)
    except asyncio.TimeoutError:
        print(f"oops took longer than 5s! t={time.perf_counter():.1f}")


asyncio.run(main())  # Task did not complete within the specified time.
