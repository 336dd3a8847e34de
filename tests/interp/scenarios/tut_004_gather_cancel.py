# From: tutorials/004_1b2e1f106161893f.txt — Для чого використовується gather()? (cancelling gather() cancels its unfinished awaitables)
import asyncio


async def task(name, delay):
    try:
        await asyncio.sleep(delay)
        print(f'{name} done')
        return name
    except asyncio.CancelledError:
        print(f'{name} cancelled')
        raise


async def main():
    gathering = asyncio.gather(task('one', 1), task('two', 2), task('three', 3))
    await asyncio.sleep(1.5)
    gathering.cancel()
    try:
        await gathering
    except asyncio.CancelledError:
        print('gather was cancelled')

asyncio.run(main())
