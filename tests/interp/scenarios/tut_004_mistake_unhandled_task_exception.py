# From: tutorials/004_1b2e1f106161893f.txt — Типові помилки при роботі з asyncio (Неправильна обробка винятків: a task's exception nobody retrieves)
import asyncio


async def risky():
    await asyncio.sleep(1)
    raise ConnectionError("lost connection")


async def main():
    task = asyncio.create_task(risky())
    await asyncio.sleep(2)
    print("main finished without looking at the task:", task.done())

asyncio.run(main())
