# Tutorial 002 (Chinese), chapter 12, "队列", with a classic mistake: the consumer forgets
# queue.task_done() for one item, so queue.join() never returns while the consumer waits
# for more items. LoopLab reports the deadlock (exit 3).
import asyncio


async def consumer(queue: asyncio.Queue):
    while True:
        item = await queue.get()
        print(f'consumer got {item}')
        if item != 2:
            queue.task_done()


async def main():
    queue = asyncio.Queue()
    asyncio.create_task(consumer(queue))
    for i in range(4):
        queue.put_nowait(i)
    await queue.join()
    print('never printed')


asyncio.run(main())
