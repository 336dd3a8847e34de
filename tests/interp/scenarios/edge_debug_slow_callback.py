# Debug mode logs a task step slower than slow_callback_duration; time.sleep on the loop thread freezes the loop.
import asyncio
import time


async def blocking(d):
    await asyncio.sleep(0.1)
    time.sleep(d)  # blocks the whole loop
    return d


async def ticker():
    for _ in range(4):
        print(f"ticker at {asyncio.get_running_loop().time():.2f}")
        await asyncio.sleep(0.1)


async def main():
    loop = asyncio.get_running_loop()
    loop.slow_callback_duration = 0.25
    t = asyncio.create_task(ticker())
    print(await loop.create_task(blocking(0.2)))  # under the threshold: nothing logged
    print(await loop.create_task(blocking(0.5)))  # logged as slow
    await t


asyncio.run(main(), debug=True)
