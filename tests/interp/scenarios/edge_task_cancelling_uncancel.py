# Task.cancelling() counts pending cancel requests; uncancel() decrements it (3.11).
import asyncio


async def resilient():
    me = asyncio.current_task()
    for attempt in range(3):
        try:
            await asyncio.sleep(5)
            return f"finished on attempt {attempt}"
        except asyncio.CancelledError:
            print(f"attempt {attempt}: cancelling()={me.cancelling()}")
            print("  uncancel() ->", me.uncancel())
    return "gave up"


async def main():
    t = asyncio.create_task(resilient())
    await asyncio.sleep(1)
    t.cancel()
    t.cancel()
    print("after two cancel() calls:", t.cancelling())
    await asyncio.sleep(1)
    t.cancel()
    print(await t, "at", asyncio.get_running_loop().time())
    print("main cancelling():", asyncio.current_task().cancelling())


asyncio.run(main())
