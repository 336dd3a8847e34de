# compare: full-stderr
# sys.exit("message") in main() while it holds a failed task: the message, then
# "Task exception was never retrieved"; exit code 1.
import asyncio
import sys


async def fail():
    await asyncio.sleep(0.1)
    raise ValueError("task failed")


async def main():
    t = asyncio.create_task(fail())
    await asyncio.sleep(0.5)
    sys.exit("fatal: giving up")


asyncio.run(main())
