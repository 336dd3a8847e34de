# Lesson 01 · From: tutorials/002 — calling a coroutine function only makes a coroutine object
import asyncio


async def coroutine_add_one(number: int) -> int:
    print(f'adding one to {number}')
    return number + 1


async def main():
    coro = coroutine_add_one(1)          # nothing runs yet
    print(f'called it, got a {type(coro).__name__}')
    result = await coro                  # now the body runs
    print(f'awaited it, got {result}')


asyncio.run(main())
