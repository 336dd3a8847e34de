# From: tutorials/004_1b2e1f106161893f.txt — Для чого використовується wait_for(), as_completed(), wait() ? (wait_for)
import asyncio


async def my_task():
    await asyncio.sleep(2)
    return "Task done"


async def main():
    try:
        result = await asyncio.wait_for(my_task(), timeout=1)
        print(result)
    except asyncio.TimeoutError:
        print("Task did not complete within the specified time.")

asyncio.run(main())  # Task did not complete within the specified time.
