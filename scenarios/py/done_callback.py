# Tutorial 001 (Chinese), "create_task": add_done_callback on a task; the callback runs
# on the loop one iteration after the task finishes and sets another future's result.
import asyncio
import time


async def do_work1():
    await asyncio.sleep(1)
    return 222


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    task = loop.create_task(do_work1())

    def done_callback(t):
        print(f'done_callback: {t.get_name()} result {t.result()} at t={time.perf_counter():.1f}')
        future.set_result(t.result())

    task.add_done_callback(done_callback)
    print(f'main waits for the future (task done: {task.done()})')
    print(f'future result: {await future}')


asyncio.run(main())
