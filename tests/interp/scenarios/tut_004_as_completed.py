# From: tutorials/004_1b2e1f106161893f.txt — as_completed()
import asyncio


async def task1():
    await asyncio.sleep(2)
    return "Task 1 done"


async def task2():
    await asyncio.sleep(1)
    return "Task 2 done"


async def main():
    tasks = [task1(), task2()]
    for task in asyncio.as_completed(tasks):
        result = await task
        print(result)

asyncio.run(main())  # Task 2 done, Task 1 done
