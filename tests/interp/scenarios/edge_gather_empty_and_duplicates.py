# gather() with no awaitables, and the same coroutine object / task passed twice.
import asyncio


async def one():
    await asyncio.sleep(0.1)
    return 1


async def main():
    print(await asyncio.gather())
    c = one()
    print(await asyncio.gather(c, c))
    t = asyncio.create_task(one())
    print(await asyncio.gather(t, t, one()))
    print(asyncio.create_task(one()).get_name())


asyncio.run(main())
