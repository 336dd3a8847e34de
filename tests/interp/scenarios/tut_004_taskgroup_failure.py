# From: tutorials/004_1b2e1f106161893f.txt — Для чого використовується asyncio.TaskGroup? (one task fails: the others get CancelledError)
import asyncio


async def task(name, delay):
    try:
        await asyncio.sleep(delay)
        if name == 'B':
            raise ValueError(f'Task {name} failed')
        print(f'Task {name} completed after {delay} seconds')
    except asyncio.CancelledError:
        print(f'Task {name} cancelled')
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(task('A', 1))
            tg.create_task(task('B', 2))
            tg.create_task(task('C', 3))
            print('All tasks created')
    except* ValueError as eg:
        print(f'TaskGroup failed: {eg.exceptions}')

    print('All tasks completed or cancelled')

asyncio.run(main())
