# From: tutorials/002_0b10f73f7bace513.txt — 第十二章 队列 (当队列中顾客为空时,使用 get_nowait 就会发生错误: QueueEmpty, exit 1)
import asyncio
from asyncio import Queue


async def cashier(queue: Queue, number: int):
    while not queue.empty():
        await asyncio.sleep(0.5)          # another cashier runs here
        customer = queue.get_nowait()     # ... and may have taken the last customer
        print(f'收营员 {number} 结账客户 {customer}')
        queue.task_done()


async def main():
    queue = Queue()
    for i in range(3):
        queue.put_nowait(i)
    await asyncio.gather(*[cashier(queue, n) for n in range(2)])


asyncio.run(main())
