# From: tutorials/004_1b2e1f106161893f.txt — wait_for() в поєднанні з gather()
import asyncio


async def f():
    try:
        await asyncio.sleep(3)
        return "f"
    except asyncio.CancelledError:
        print("f cancelled at", asyncio.get_running_loop().time())
        raise


async def g():
    try:
        await asyncio.sleep(7)
        return "g"
    except asyncio.CancelledError:
        print("g cancelled at", asyncio.get_running_loop().time())
        raise


async def main():
    try:
        result_f, result_g = await asyncio.wait_for(
            asyncio.gather(f(), g()),
            timeout=5.0
        )
        print(result_f, result_g)
    except asyncio.TimeoutError:
        print("oops took longer than 5s!")

asyncio.run(main())
