# Tutorial 002 (Chinese), chapter 2, "取消任务": a 10 s task checked every second and
# cancelled after 5 s. The task catches CancelledError, prints it and re-raises; the
# awaiting main() then gets CancelledError too.
import asyncio
import time
from asyncio import CancelledError


async def delay(delay_seconds: int) -> int:
    print(f'sleeping for {delay_seconds} second(s)')
    try:
        await asyncio.sleep(delay_seconds)
    except CancelledError as e:
        print(f'delay({delay_seconds}) got {e!r} at t={time.perf_counter():.1f}')
        raise
    print(f'finished sleeping for {delay_seconds} second(s)')
    return delay_seconds


async def main():
    long_task = asyncio.create_task(delay(10))
    seconds_elapsed = 0
    while not long_task.done():
        print('Task not finished, checking again in a second.')
        await asyncio.sleep(1)
        seconds_elapsed = seconds_elapsed + 1
        if seconds_elapsed == 5:
            print(f'cancel() -> {long_task.cancel()}')
    try:
        await long_task
    except CancelledError:
        print('Our task was cancelled')
    print(f'cancelled() = {long_task.cancelled()} at t={time.perf_counter():.1f}')


asyncio.run(main())
