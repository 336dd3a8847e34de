# assert with a message: caught ones print AssertionError reprs; the last one is uncaught (exit 1).
import asyncio


async def check(n):
    await asyncio.sleep(0.1)
    assert n >= 0, f"n must be >= 0, got {n}"
    return n


async def main():
    print(await check(1))
    try:
        assert 1 + 1 == 3
    except AssertionError as e:
        print("bare assert:", repr(e), repr(str(e)))
    try:
        await check(-2)
    except AssertionError as e:
        print("with message:", repr(e))
    await check(-5)


asyncio.run(main())
