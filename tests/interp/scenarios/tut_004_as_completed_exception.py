# From: tutorials/004_1b2e1f106161893f.txt — as_completed() (results as they finish, and the rest still handled after an exception)
import asyncio


async def task(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(f"{name} failed")
    return f"{name} done"


async def main():
    tasks = [task("slow", 3), task("broken", 1, fail=True), task("fast", 0.5), task("medium", 2)]
    for coro in asyncio.as_completed(tasks):
        try:
            result = await coro
            print(result)
        except RuntimeError as e:
            print(f"error: {e}")

asyncio.run(main())
