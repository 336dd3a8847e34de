# Lesson 02 · From: tutorials/004 — "What is asyncio.create_task(...) for?"
import asyncio
import time


async def delay(seconds: int) -> None:
    print(f"delay({seconds=}) started")
    await asyncio.sleep(seconds)
    print(f"delay({seconds=}) finished")


async def main():
    start_time = time.perf_counter()
    first_task = asyncio.create_task(delay(1))
    second_task = asyncio.create_task(delay(3))
    third_task = asyncio.create_task(delay(2))
    print("before first await")
    await first_task
    print("after first_task")
    await second_task
    print("after second_task")
    await third_task
    print(f"elapsed time: {time.perf_counter() - start_time:.1f} seconds")


asyncio.run(main())  # elapsed time: 3.0 seconds
