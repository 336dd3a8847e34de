# An uncaught ExceptionGroup from a TaskGroup: CPython prints the grouped traceback and exits 1.
import asyncio


async def fail(msg, d):
    await asyncio.sleep(d)
    raise RuntimeError(msg)


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail("first", 1))
        tg.create_task(fail("second", 1))
    print("not reached")


asyncio.run(main())
