# Tutorial 004 (Ukrainian), "as_completed()", and tutorial 002 (Chinese), chapter 4,
# "as_completed 超时控制": results in completion order; with timeout=2 the awaitables not
# done by then raise TimeoutError, while their tasks keep running.
import asyncio
import time


async def task1():
    await asyncio.sleep(2)
    return "Task 1 done"


async def task2():
    await asyncio.sleep(1)
    return "Task 2 done"


async def request(delay: int) -> int:
    await asyncio.sleep(delay)
    return 200


async def main():
    tasks = [task1(), task2()]
    for task in asyncio.as_completed(tasks):
        result = await task
        print(f'{result} at t={time.perf_counter():.1f}')

    fetchers = [request(1), request(1), request(5)]
    for done_task in asyncio.as_completed(fetchers, timeout=2):
        try:
            result = await done_task
            print(f'{result} at t={time.perf_counter():.1f}')
        except asyncio.TimeoutError:
            print(f'got a timeout! t={time.perf_counter():.1f}')
    print('still running: ' + ', '.join(t.get_name() for t in asyncio.all_tasks()))


asyncio.run(main())  # Task 2 done, Task 1 done
