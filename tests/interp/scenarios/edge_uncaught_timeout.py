# wait_for times out and nobody catches it: TimeoutError traceback, exit 1.
import asyncio


async def slow():
    await asyncio.sleep(3)


async def main():
    await asyncio.wait_for(slow(), timeout=1)


asyncio.run(main())
