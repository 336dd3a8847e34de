# Tutorial 002 (Chinese), chapter 12, "队列" (blocking put/get): a producer and a consumer
# joined by Queue(maxsize=1), so the producer waits in put() until the consumer takes the
# previous item. None tells the consumer to stop.
import asyncio
import time
from asyncio import Queue


async def producer(queue: Queue, n: int):
    for i in range(n):
        print(f'producer: putting {i} at t={time.perf_counter():.1f}')
        await queue.put(i)
        print(f'producer: put {i}, qsize()={queue.qsize()}')
    await queue.put(None)
    print('producer: done')


async def consumer(queue: Queue):
    while True:
        item = await queue.get()
        if item is None:
            break
        print(f'consumer: got {item} at t={time.perf_counter():.1f}')
        await asyncio.sleep(1)
        queue.task_done()
    print(f'consumer: done at t={time.perf_counter():.1f}')


async def main():
    queue = Queue(maxsize=1)
    await asyncio.gather(producer(queue, 4), consumer(queue))
    print(f'full()={queue.full()} empty()={queue.empty()}')


asyncio.run(main())
