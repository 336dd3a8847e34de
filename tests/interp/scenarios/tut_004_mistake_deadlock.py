# From: tutorials/004_1b2e1f106161893f.txt — Типові помилки при роботі з asyncio (Взаємне блокування / Deadlocks: exit 3)
import asyncio


async def first(lock_a, lock_b):
    async with lock_a:
        print("first holds lock_a")
        await asyncio.sleep(1)
        async with lock_b:
            print("first got both locks")


async def second(lock_a, lock_b):
    async with lock_b:
        print("second holds lock_b")
        await asyncio.sleep(1)
        async with lock_a:
            print("second got both locks")


async def main():
    lock_a = asyncio.Lock()
    lock_b = asyncio.Lock()
    await asyncio.gather(first(lock_a, lock_b), second(lock_a, lock_b))

asyncio.run(main())
