# A task fails and nobody retrieves the exception: the loop logs "Task exception was never retrieved".
import asyncio


async def doomed():
    await asyncio.sleep(0.5)
    raise ValueError("nobody looks at me")


async def main():
    asyncio.create_task(doomed())
    await asyncio.sleep(1)
    print("main finished at", asyncio.get_running_loop().time())


asyncio.run(main())
print("after run")
