# compare: full-stderr
# Never-awaited coroutines around a traceback: one dropped at once (warned where it is made),
# one held in main()'s locals (warned as "sys:1" after the traceback), then a failed task.
import asyncio


async def helper():
    print("never runs")


async def fail():
    raise ValueError("task failed")


async def main():
    coro = helper()
    t = asyncio.create_task(fail())
    await asyncio.sleep(0.1)
    helper()
    raise RuntimeError("main failed")


asyncio.run(main())
