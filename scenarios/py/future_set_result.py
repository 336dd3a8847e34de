# Tutorial 002 (Chinese), chapter 2, "future": a Future set by another task after 1 s;
# awaiting it suspends main until then.
import asyncio
import time
from asyncio import Future


def make_request() -> Future:
    future = asyncio.get_running_loop().create_future()
    asyncio.create_task(set_future_value(future))
    return future


async def set_future_value(future) -> None:
    await asyncio.sleep(1)
    future.set_result(42)


async def main():
    future = make_request()
    print(f"Is the future done? {future.done()}")
    value = await future
    print(f"Is the future done? {future.done()} (t={time.perf_counter():.1f})")
    print(value)


asyncio.run(main())
