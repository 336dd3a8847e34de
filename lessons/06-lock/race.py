# Lesson 06 · From: tutorials/004 — common mistakes: race conditions, and the Lock that fixes them
import asyncio

counter = 0


async def unsafe_increment():
    global counter
    value = counter
    await asyncio.sleep(0.01)  # another coroutine runs here
    counter = value + 1


async def safe_increment(lock):
    global counter
    async with lock:
        value = counter
        await asyncio.sleep(0.01)
        counter = value + 1


async def main():
    global counter
    await asyncio.gather(*[unsafe_increment() for _ in range(10)])
    print(f"without a lock: counter = {counter}")
    counter = 0
    lock = asyncio.Lock()
    await asyncio.gather(*[safe_increment(lock) for _ in range(10)])
    print(f"with a lock: counter = {counter}")


asyncio.run(main())
