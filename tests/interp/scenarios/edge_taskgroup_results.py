# TaskGroup tasks: names, results after the block, create_task after close raises RuntimeError.
import asyncio


async def square(x):
    await asyncio.sleep(x / 10)
    return x * x


async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(square(i), name=f"sq{i}") for i in range(4)]
        extra = tg.create_task(square(9))
    print([t.result() for t in tasks], extra.get_name(), extra.result())
    coro = square(1)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()


asyncio.run(main())
