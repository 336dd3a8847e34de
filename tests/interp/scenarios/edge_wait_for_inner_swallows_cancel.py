# If the inner coroutine swallows the cancellation and returns, wait_for returns its value (3.11 rule).
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(5)
        return "finished normally"
    except asyncio.CancelledError:
        print("stubborn: ignoring cancellation")
        return "returned after cancel"


async def main():
    loop = asyncio.get_running_loop()
    result = await asyncio.wait_for(stubborn(), timeout=1)
    print(result, loop.time())
    # timeout=None means no timeout
    print(await asyncio.wait_for(asyncio.sleep(2, "none ok"), timeout=None), loop.time())
    # timeout <= 0 with an unfinished awaitable: cancelled and TimeoutError at once
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0)
    except TimeoutError:
        print("timeout=0 -> TimeoutError at", loop.time())


asyncio.run(main())
