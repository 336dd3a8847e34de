# Tutorial 004 (Ukrainian), "Для чого використовується asyncio.create_task(...)?": an
# exception in a task does not stop the other tasks; it is raised at `await task`. Not
# handled there, it ends asyncio.run (which cancels what is left) and the program (exit 1).
import asyncio
import time


async def parse(text: str) -> int:
    await asyncio.sleep(1)
    if not text.isdigit():
        raise ValueError(f"invalid literal for int() with base 10: '{text}'")
    return int(text)


async def ticker():
    try:
        while True:
            await asyncio.sleep(0.75)
            print(f'tick at t={time.perf_counter():.2f}')
    except asyncio.CancelledError:
        print(f'ticker cancelled at t={time.perf_counter():.2f}')
        raise


async def main():
    asyncio.create_task(ticker())
    good = asyncio.create_task(parse('42'))
    bad = asyncio.create_task(parse('abc'))
    print(f'good -> {await good}')
    await asyncio.sleep(1)
    print('now awaiting the bad one')
    print(f'bad -> {await bad}')


asyncio.run(main())
