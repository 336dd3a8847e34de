# A task that catches CancelledError and returns is not cancelled; cleanup with await in finally runs.
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("caught cancel, returning a value")
        return "survived"
    finally:
        await asyncio.sleep(0.5)
        print("finally ran at", asyncio.get_running_loop().time())


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    t.cancel()
    print(await t, "cancelled():", t.cancelled())


asyncio.run(main())
