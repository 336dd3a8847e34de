# Tutorial 004 (Ukrainian), "Task можна відміняти методом cancel()": tasks named with
# create_task(..., name=...); the one named "delay 20000 sec" is found by name in
# asyncio.all_tasks() and cancelled, so the program takes 3 s, not 20000.
import asyncio
import time


async def delay(seconds: int) -> None:
    print(f"delay({seconds=}) started", flush=True)
    await asyncio.sleep(seconds)
    print(f"delay({seconds=}) finished", flush=True)


async def main():
    start_time = time.perf_counter()
    tasks = (
        asyncio.create_task(delay(3), name="delay 3 sec"),
        asyncio.create_task(delay(1), name="delay 1 sec"),
        asyncio.create_task(delay(20000), name="delay 20000 sec"),
    )
    await asyncio.sleep(0)
    print(f"all_tasks(): {', '.join(t.get_name() for t in asyncio.all_tasks())}")
    for task in asyncio.all_tasks():
        if task.get_name() == "delay 20000 sec":
            print(f"cancelling {task.get_name()!r}")
            task.cancel()
    for task in tasks:
        try:
            await task
        except asyncio.CancelledError:
            print(f"{task.get_name()} was cancelled")

    print(f"elapsed time: {time.perf_counter() - start_time:.1f} seconds")


if __name__ == "__main__":
    asyncio.run(main())  # elapsed time: 3.0 seconds, # ! not 20000
