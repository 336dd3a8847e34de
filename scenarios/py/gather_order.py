# Tutorial 004 (Ukrainian), "Для чого використовується gather()?", and tutorial 002
# (Chinese), chapter 4, "gather的一个好处": results come back in the order the awaitables
# were passed, whatever order they finish in.
import asyncio
import time


async def task(name: str, seconds: int) -> str:
    await asyncio.sleep(seconds)
    print(f'{name} finished at t={time.perf_counter():.1f}')
    return f'{name} done'


async def main():
    results = await asyncio.gather(task('slow', 3), task('fast', 1), task('medium', 2))
    print(results)


asyncio.run(main())  # ['slow done', 'fast done', 'medium done']
