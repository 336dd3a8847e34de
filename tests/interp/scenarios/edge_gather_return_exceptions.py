# gather(return_exceptions=True) puts exceptions (and CancelledError) in the result list, in argument order.
import asyncio


async def value(v, d):
    await asyncio.sleep(d)
    return v


async def boom(exc, d):
    await asyncio.sleep(d)
    raise exc


async def main():
    slow = asyncio.create_task(value("never", 10))
    asyncio.get_running_loop().call_later(0.5, slow.cancel)
    results = await asyncio.gather(
        value(1, 0.3), boom(KeyError("k"), 0.1), slow, boom(ZeroDivisionError("z"), 0.2),
        return_exceptions=True)
    for r in results:
        print(type(r).__name__, repr(r))
    print(f"t={asyncio.get_running_loop().time()}")


asyncio.run(main())
