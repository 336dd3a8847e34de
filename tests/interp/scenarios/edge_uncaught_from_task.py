# A task's exception re-raised at the await, uncaught: KeyError traceback, exit 1; other tasks are cancelled.
import asyncio


async def lookup(d, key):
    await asyncio.sleep(1)
    return d[key]


async def bystander():
    try:
        await asyncio.sleep(10)
    finally:
        print("bystander cleaned up at", asyncio.get_running_loop().time())


async def main():
    asyncio.create_task(bystander())
    t = asyncio.create_task(lookup({"a": 1}, "missing"))
    print(await t)


asyncio.run(main())
