# asyncio.sleep(delay, result) returns result; a negative delay behaves like sleep(0).
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    value = await asyncio.sleep(0.5, result="slept")
    print(value, loop.time())
    value = await asyncio.sleep(-1, result=[1, 2])
    print(value, loop.time())
    print(await asyncio.sleep(0), loop.time())
    await asyncio.sleep(1.25)
    print(f"{loop.time():.2f}")


asyncio.run(main())
