# Lesson 03 · Built on tutorials/002 (cancellation): a task that cleans up when cancelled
import asyncio
import time


async def download(name: str, seconds: int) -> str:
    print(f'{name}: downloading for {seconds} s')
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f'{name}: cancelled at t={time.perf_counter():.1f}, deleting the partial file')
        raise                                   # let the cancellation go on
    finally:
        print(f'{name}: closing the connection')
    return f'{name} done'


async def main():
    task = asyncio.create_task(download('big.iso', 60))
    await asyncio.sleep(2)
    task.cancel('user pressed Stop')
    try:
        await task
    except asyncio.CancelledError as e:
        print(f'main: the task ended cancelled: {e.args}')
    print(f'cancelled()={task.cancelled()} at t={time.perf_counter():.1f}')


asyncio.run(main())
