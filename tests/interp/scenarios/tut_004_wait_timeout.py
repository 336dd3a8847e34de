# From: tutorials/004_1b2e1f106161893f.txt — wait()
import asyncio


async def task1():
    await asyncio.sleep(2)
    return "Task 1 done"


async def task2():
    await asyncio.sleep(1)
    return "Task 2 done"


async def main():
    tasks = [asyncio.create_task(task1()), asyncio.create_task(task2())]
    completed_tasks, pending_tasks = await asyncio.wait(tasks, timeout=1.5)
    for task in completed_tasks:
        print(task.result())

asyncio.run(main())  # Task 2 done
