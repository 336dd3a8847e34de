# asyncio.timeout_at(absolute loop time) and nested timeouts: the earlier deadline wins.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 2
    try:
        async with asyncio.timeout_at(deadline) as cm:
            print("when == deadline:", cm.when() == deadline)
            await asyncio.sleep(5)
    except TimeoutError:
        print("timeout_at fired at", loop.time())
    try:
        async with asyncio.timeout(5):
            try:
                async with asyncio.timeout(1):
                    await asyncio.sleep(3)
            except TimeoutError:
                print("inner timeout at", loop.time())
            await asyncio.sleep(10)
    except TimeoutError:
        print("outer timeout at", loop.time())
    try:
        async with asyncio.timeout(1):
            async with asyncio.timeout(4):
                await asyncio.sleep(3)
    except TimeoutError:
        print("outer (earlier) deadline fired first, at", loop.time())


asyncio.run(main())
