# A coroutine created inside a task and dropped: "coroutine ... was never awaited" warning on stderr.
import asyncio


async def helper():
    print("helper ran (not expected)")


async def main():
    helper()
    await asyncio.sleep(1)
    print("main finished at", asyncio.get_running_loop().time())


asyncio.run(main())
