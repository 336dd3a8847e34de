# Tutorial 002 (Chinese), chapter 2, "取消任务", turned around: a task that catches
# CancelledError and goes on. cancel() only requests cancellation; a coroutine that swallows
# the exception keeps running and its task finishes normally (not cancelled).
import asyncio
import time


async def stubborn():
    for i in range(3):
        try:
            await asyncio.sleep(2)
            print(f'step {i} done at t={time.perf_counter():.1f}')
        except asyncio.CancelledError:
            print(f'step {i} cancelled at t={time.perf_counter():.1f}, carrying on')
    return 'finished anyway'


async def main():
    task = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    print(f'cancel() -> {task.cancel()}')
    await asyncio.sleep(2)
    print(f'cancel() -> {task.cancel()}')
    result = await task
    print(f'result={result!r} cancelled={task.cancelled()} at t={time.perf_counter():.1f}')


asyncio.run(main())
