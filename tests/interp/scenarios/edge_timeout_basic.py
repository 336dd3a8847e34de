# asyncio.timeout(): the block is cancelled at the deadline and TimeoutError comes out of the async with.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1.5) as cm:
            print("deadline", cm.when())
            await asyncio.sleep(10)
    except TimeoutError as e:
        print(f"TimeoutError at {loop.time()} expired={cm.expired()} repr={e!r}")
    async with asyncio.timeout(5) as cm:
        await asyncio.sleep(1)
    print(f"finished in time at {loop.time()} expired={cm.expired()}")
    try:
        async with asyncio.timeout(1):
            try:
                await asyncio.sleep(3)
            except asyncio.CancelledError:
                print("inner sees CancelledError at", loop.time())
                raise
    except TimeoutError:
        print("outer sees TimeoutError")


asyncio.run(main())
