"""Tutorial 002: CPU-bound work in coroutines runs one task after another and
holds up a sleeping task; sim.cpu(4.5) stands for the tutorial's loop:

    counter = 0
    for i in range(100000000):
        counter = counter + 1
"""
import asyncio
import functools
import time

import sim


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f'starting {func.__name__} with args {args} {kwargs}')
            start = time.time()
            try:
                return await func(*args, **kwargs)
            finally:
                print(f'finished {func.__name__} in {time.time() - start:.4f} second(s)')
        return wrapped
    return wrapper


@async_timed()
async def delay(delay_seconds: int) -> int:
    print(f'sleeping for {delay_seconds} second(s)')
    await asyncio.sleep(delay_seconds)
    print(f'finished sleeping for {delay_seconds} second(s)')
    return delay_seconds


@async_timed()
async def cpu_bound_work() -> int:
    sim.cpu(4.5)
    return 100000000


@async_timed()
async def main():
    task_one = asyncio.create_task(cpu_bound_work())
    task_two = asyncio.create_task(cpu_bound_work())
    delay_task = asyncio.create_task(delay(4))
    await task_one
    await task_two
    await delay_task


asyncio.run(main())

# Expected output:
# starting main with args () {}
# starting cpu_bound_work with args () {}
# finished cpu_bound_work in 4.5000 second(s)
# starting cpu_bound_work with args () {}
# finished cpu_bound_work in 4.5000 second(s)
# starting delay with args (4,) {}
# sleeping for 4 second(s)
# finished sleeping for 4 second(s)
# finished delay in 4.0000 second(s)
# finished main in 13.0000 second(s)
