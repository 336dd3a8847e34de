# Tutorial 004 (Ukrainian), "Типові помилки": "Взаємне блокування (Deadlocks) - coroutines
# wait for resources held by each other". Two workers take two locks in opposite order.
import asyncio


async def worker(name: str, first: asyncio.Lock, second: asyncio.Lock):
    async with first:
        print(f'{name} holds its first lock')
        await asyncio.sleep(1)
        print(f'{name} waits for its second lock')
        async with second:
            print('never printed')


async def main():
    a, b = asyncio.Lock(), asyncio.Lock()
    await asyncio.gather(worker('one', a, b), worker('two', b, a))


asyncio.run(main())
