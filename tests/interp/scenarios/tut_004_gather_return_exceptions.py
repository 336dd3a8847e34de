# From: tutorials/004_1b2e1f106161893f.txt — Для чого використовується gather()? (На практиці краще gather(*coros, return_exceptions=True))
import asyncio


async def ok(n):
    await asyncio.sleep(n)
    return f"ok {n}"


async def fail(n):
    await asyncio.sleep(n)
    raise ValueError(f"fail {n}")


async def main():
    coros = [ok(1), fail(2), ok(3), fail(0.5)]
    results = await asyncio.gather(*coros, return_exceptions=True)
    for r in results:
        print(type(r).__name__, repr(r))
    try:
        await asyncio.gather(ok(1), fail(0.5), ok(2))
    except ValueError as e:
        print("first exception only:", e, asyncio.get_running_loop().time())
    await asyncio.sleep(5)
    print("the other awaitables kept running; now", asyncio.get_running_loop().time())

asyncio.run(main())
