# An exception escaping main(): asyncio.run re-raises it, traceback on stderr, exit 1.
import asyncio


async def inner(n):
    await asyncio.sleep(0.5)
    return 10 // n


async def main():
    print(await inner(2))
    print(await inner(0))


asyncio.run(main())
