# Tutorial 004 (Ukrainian), cancellation and TaskGroup (3.11): Task.cancelling() counts
# pending cancel() requests and Task.uncancel() takes one back. Cancelling twice while the
# task waits: the second cancel() finds the sleep future already cancelled and sets
# _must_cancel, which the next step consumes.
import asyncio
import time


async def worker():
    me = asyncio.current_task()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(f'worker: {e!r} at t={time.perf_counter():.1f}, cancelling()={me.cancelling()}')
        print(f'worker: uncancel() -> {me.uncancel()}')
        print(f'worker: uncancel() -> {me.uncancel()}')
    await asyncio.sleep(1)
    print(f'worker: finished at t={time.perf_counter():.1f}, cancelling()={me.cancelling()}')
    return 'ok'


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(1)
    print(f'main: cancel("first") -> {task.cancel("first")}, cancelling()={task.cancelling()}')
    print(f'main: cancel("second") -> {task.cancel("second")}, cancelling()={task.cancelling()}')
    print(f'main: result {await task!r}, cancelled()={task.cancelled()}')
    print(f'main: cancel() on a done task -> {task.cancel()}, cancelling()={task.cancelling()}')


asyncio.run(main())
