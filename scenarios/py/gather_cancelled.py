# Tutorial 004 (Ukrainian), "Для чого використовується gather()?": "if gather() is
# cancelled, all its awaitables that have not finished yet are cancelled too". The outer
# future then holds the CancelledError as its exception (CPython issue 32684).
import asyncio
import time


async def worker(name: str, seconds: int) -> str:
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError as e:
        print(f'{name} cancelled at t={time.perf_counter():.1f}: {e!r}')
        raise
    print(f'{name} finished at t={time.perf_counter():.1f}')
    return name


async def main():
    tasks = [asyncio.create_task(worker(name, s)) for name, s in (('a', 1), ('b', 3), ('c', 5))]
    group = asyncio.gather(*tasks)
    await asyncio.sleep(2)
    print(f'gather.cancel() -> {group.cancel("stop")}')
    try:
        await group
    except asyncio.CancelledError as e:
        print(f'awaiting the gather raised {e!r} at t={time.perf_counter():.1f}')
    print(f'gather done={group.done()} cancelled={group.cancelled()}')
    for t in tasks:
        print(f'{t.get_name()}: cancelled={t.cancelled()}')


asyncio.run(main())
