# Tutorial 002 (Chinese), chapter 4, "列表推导式下的并发": awaiting each task as it is
# created runs the delays one by one (9 s); creating all tasks first and then awaiting
# them runs them together (3 s).
import asyncio
import time


async def delay(delay_seconds: int) -> int:
    print(f'sleeping for {delay_seconds} second(s)')
    await asyncio.sleep(delay_seconds)
    print(f'finished sleeping for {delay_seconds} second(s)')
    return delay_seconds


async def main() -> None:
    delay_times = [3, 3, 3]
    start = time.perf_counter()
    [await asyncio.create_task(delay(seconds)) for seconds in delay_times]
    print(f'wrong way took {time.perf_counter() - start:.1f} s')
    start = time.perf_counter()
    tasks = [asyncio.create_task(delay(seconds)) for seconds in delay_times]
    results = [await task for task in tasks]
    print(f'right way took {time.perf_counter() - start:.1f} s: {results}')


asyncio.run(main())
