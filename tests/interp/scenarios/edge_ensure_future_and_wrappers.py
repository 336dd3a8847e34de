# ensure_future returns a task for a coroutine and the same object for a future/task; isfuture/iscoroutine.
import asyncio


async def coro():
    await asyncio.sleep(0.1)
    return "c"


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.ensure_future(coro())
    print(type(t).__name__, t.get_name(), isinstance(t, asyncio.Task), isinstance(t, asyncio.Future))
    print(asyncio.ensure_future(t) is t)
    f = loop.create_future()
    print(asyncio.ensure_future(f) is f, asyncio.isfuture(f), asyncio.isfuture(coro))
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print("TypeError:", e)
    f.set_result("f")
    print(await t, await f)
    print(type(f), type(t))


asyncio.run(main())
