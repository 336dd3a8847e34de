# From: tutorials/004_1b2e1f106161893f.txt — Для чого використовується gather()?
import asyncio


async def task1():
    await asyncio.sleep(1)
    return "Task 1 done"


async def task2():
    await asyncio.sleep(2)
    return "Task 2 done"


async def main():
    results = await asyncio.gather(task1(), task2())
    print(results)

asyncio.run(main())  # ['Task 1 done', 'Task 2 done']
