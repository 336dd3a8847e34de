# Tutorial 002 (Chinese), chapter 4, "逐个处理结果", and tutorial 004 (Ukrainian), "wait()":
# asyncio.wait(return_when=FIRST_COMPLETED) in a loop handles results one by one; with a
# timeout, wait() just returns what is done and leaves the rest pending (no exception).
import asyncio
import time


async def fetch_status(url: str, delay: float = 0) -> int:
    await asyncio.sleep(delay)
    await asyncio.sleep(0.1)
    return 200


async def task1():
    await asyncio.sleep(2)
    return "Task 1 done"


async def task2():
    await asyncio.sleep(1)
    return "Task 2 done"


async def main():
    url = 'https://www.baidu.com'
    pending = [
        asyncio.create_task(fetch_status(url)),
        asyncio.create_task(fetch_status(url)),
        asyncio.create_task(fetch_status(url, delay=3)),
    ]
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        print(f'done: {len(done)}, pending: {len(pending)} at t={time.perf_counter():.1f}')
        for done_task in done:
            print(await done_task)

    tasks = [asyncio.create_task(task1()), asyncio.create_task(task2())]
    completed_tasks, pending_tasks = await asyncio.wait(tasks, timeout=1.5)
    for task in completed_tasks:
        print(task.result())
    print(f'pending after the timeout: {len(pending_tasks)} at t={time.perf_counter():.1f}')


asyncio.run(main())  # Task 2 done
