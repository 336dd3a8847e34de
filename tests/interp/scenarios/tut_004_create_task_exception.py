# From: tutorials/004_1b2e1f106161893f.txt — Для чого використовується asyncio.create_task(...)? (an exception in one task does not stop the others; handle it at await task)
import asyncio
import time


async def delay(seconds: int) -> None:
    print(f"delay({seconds=}) started", flush=True)
    await asyncio.sleep(seconds)
    if seconds == 1:
        raise RuntimeError(f"delay({seconds=}) failed")
    print(f"delay({seconds=}) finished", flush=True)


async def main():
    start_time = time.perf_counter()
    tasks = [asyncio.create_task(delay(s)) for s in (1, 3, 2)]
    for task in tasks:
        try:
            await task
        except RuntimeError as e:
            print(f"handled at await: {e}")
    print(f"elapsed time: {time.perf_counter() - start_time:.1f} seconds")

asyncio.run(main())
