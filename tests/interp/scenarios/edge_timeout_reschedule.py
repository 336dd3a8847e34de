# Timeout.reschedule moves the deadline; timeout(None) has no deadline until rescheduled.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(None) as cm:
            print("when:", cm.when())
            await asyncio.sleep(1)
            cm.reschedule(loop.time() + 2)
            print("rescheduled to", cm.when())
            await asyncio.sleep(5)
    except TimeoutError:
        print("timed out at", loop.time())
    try:
        async with asyncio.timeout(1) as cm:
            await asyncio.sleep(0.5)
            cm.reschedule(loop.time() + 3)
            await asyncio.sleep(2)
            print("still running at", loop.time())
            cm.reschedule(None)
            await asyncio.sleep(10)
            print("no deadline any more, at", loop.time())
    except TimeoutError:
        print("unexpected")
    try:
        async with asyncio.timeout(2) as cm:
            cm.reschedule(loop.time() - 1)  # in the past: fires on the next iteration
            await asyncio.sleep(1)
    except TimeoutError:
        print("past deadline fired at", loop.time())


asyncio.run(main())
