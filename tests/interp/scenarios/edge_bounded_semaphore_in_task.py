# The BoundedSemaphore error raised inside a task is caught where the task is awaited.
import asyncio


async def over_release(sem):
    await asyncio.sleep(0.5)
    sem.release()


async def main():
    sem = asyncio.BoundedSemaphore(1)
    t = asyncio.create_task(over_release(sem))
    try:
        await t
    except ValueError as e:
        print("caught from task:", e)
    async with sem:
        print("still usable; locked =", sem.locked())


asyncio.run(main())
