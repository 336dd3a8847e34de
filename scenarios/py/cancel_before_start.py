# Tutorial 004 (Ukrainian), "Task можна відміняти методом cancel()": a task cancelled before
# its first step never runs its body; CancelledError (with the cancel message) is thrown
# into the coroutine before its first line.
import asyncio


async def work():
    print('work started')  # never printed
    await asyncio.sleep(1)
    return 42


async def main():
    task = asyncio.create_task(work())
    print(f'cancel() -> {task.cancel("too early")}')
    print(f'done={task.done()} cancelled={task.cancelled()}')
    try:
        await task
    except asyncio.CancelledError as e:
        print(f'awaiting it raised {e!r}')
    print(f'done={task.done()} cancelled={task.cancelled()}')
    print(f'cancel() again -> {task.cancel()}')


asyncio.run(main())
