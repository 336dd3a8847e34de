# compare: full-stderr
# sys.exit(3) in main() while it holds a failed task: no traceback, only
# "Task exception was never retrieved"; exit code 3.
import asyncio
import sys


async def fail():
    await asyncio.sleep(0.1)
    raise ValueError("task failed")


async def main():
    t = asyncio.create_task(fail())
    await asyncio.sleep(0.5)
    sys.exit(3)


asyncio.run(main())
