# Without return_exceptions the first exception propagates; later ones are retrieved by gather (no warnings).
import asyncio


async def fail(msg, d):
    await asyncio.sleep(d)
    print(f"raising {msg} at {asyncio.get_running_loop().time()}")
    raise RuntimeError(msg)


async def main():
    try:
        await asyncio.gather(fail("second", 0.2), fail("first", 0.1), fail("third", 0.3))
    except RuntimeError as e:
        print("caught", e)
    await asyncio.sleep(1)
    print("done at", asyncio.get_running_loop().time())


asyncio.run(main())
