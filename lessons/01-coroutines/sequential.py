# Lesson 01 · From: tutorials/004 — "Why can async code with await run sequentially?"
import asyncio
import time


async def delay(seconds: int) -> None:
    print(f"delay({seconds=}) started")
    await asyncio.sleep(seconds)
    print(f"delay({seconds=}) finished")


async def main():
    start_time = time.perf_counter()
    await delay(1)
    await delay(3)
    await delay(2)
    print(f"elapsed time: {time.perf_counter() - start_time:.1f} seconds")


asyncio.run(main())  # elapsed time: 6.0 seconds
