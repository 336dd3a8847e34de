# From: tutorials/004_1b2e1f106161893f.txt — wait() (return_when=FIRST_COMPLETED and FIRST_EXCEPTION)
import asyncio


async def task1():
    await asyncio.sleep(2)
    return "Task 1 done"


async def task2():
    await asyncio.sleep(1)
    return "Task 2 done"


async def failing():
    await asyncio.sleep(1.5)
    raise ValueError("Task 3 failed")


async def main():
    tasks = [asyncio.create_task(task1()), asyncio.create_task(task2())]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print([t.result() for t in done], len(pending))
    tasks = [asyncio.create_task(task1()), asyncio.create_task(failing()), asyncio.create_task(task2())]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    for t in tasks:
        if t in done:
            print(t.exception() or t.result())
    print(len(pending), "pending")
    await asyncio.wait(pending)

asyncio.run(main())
