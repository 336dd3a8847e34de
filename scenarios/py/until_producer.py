# looplab-args: --until 10
# Tutorial 002 (Chinese), chapter 12, "队列": the customer generator runs forever
# (`while True`), as tutorial servers and producers do; `--until 10` stops the run at
# virtual time 10 (exit 0) with LoopLab's time-limit message.
import asyncio
import time


async def producer(items: list):
    n = 0
    while True:
        await asyncio.sleep(1.5)
        n += 1
        items.append(n)
        print(f'produced item {n} at t={time.perf_counter():.1f}')


async def consumer(items: list):
    while True:
        await asyncio.sleep(4)
        print(f'consumed {len(items)} items at t={time.perf_counter():.1f}')
        items.clear()


async def main():
    items = []
    await asyncio.gather(producer(items), consumer(items))


asyncio.run(main())
