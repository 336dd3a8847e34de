# Tutorial 004 (Ukrainian), "Для чого використовується asyncio.TaskGroup?": the group waits
# for all its tasks; when one fails, the others are cancelled and the errors are raised
# together as an ExceptionGroup when the `async with` block ends. (In 3.11 the group's
# cancel() of its parent task is not taken back when the block had already ended: main's
# cancelling() stays 1 -- fixed in 3.12.)
import asyncio
import time


async def task(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f'Task {name} cancelled at t={time.perf_counter():.1f}')
        raise
    if fail:
        raise ValueError(f'task {name} failed')
    print(f'Task {name} completed after {delay} seconds')


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(task('A', 1))
        tg.create_task(task('B', 2))
        tg.create_task(task('C', 3))
        print('All tasks created')
    print(f'All tasks completed at t={time.perf_counter():.1f}, '
          f'cancelling()={asyncio.current_task().cancelling()}')

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(task('A', 1))
            tg.create_task(task('B', 2, fail=True))
            tg.create_task(task('C', 3))
            tg.create_task(task('D', 4), name='task D')
            tg.create_task(task('E', 2, fail=True))
            print('All tasks created')
        print('never printed')
    except ExceptionGroup as eg:
        print(f'caught {eg!r} at t={time.perf_counter():.1f}')
        for e in eg.exceptions:
            print(f'  {e!r}')
    print(f'main cancelling()={asyncio.current_task().cancelling()}')


asyncio.run(main())
