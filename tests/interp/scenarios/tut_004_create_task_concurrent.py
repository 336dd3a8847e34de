# From: tutorials/004_1b2e1f106161893f.txt — Для чого використовується asyncio.create_task(...)?
import asyncio
import time


async def delay(seconds: int) -> None:
    print (f"delay ({seconds=}) started", flush=True)
    await asyncio.sleep (seconds)
    print (f"delay ({seconds=}) finished", flush=True)


async def main():
    start_time = time.perf_counter()
    first_task = asyncio.create_task(delay(1))
    second_task = asyncio.create_task(delay(3))
    third_task = asyncio.create_task(delay(2))
    print("before first await", flush=True)
    await first_task
    print("after first_task", flush=True)
    await second_task
    print("after second_task", flush=True)
    await third_task
    print(f"elapsed time: {time.perf_counter() - start_time:.1f} seconds")

asyncio.run(main())  # elapsed time: 3.0 seconds
