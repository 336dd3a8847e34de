# Tutorial 002 (Chinese), chapter 12, "优先级队列": a PriorityQueue hands out the smallest
# item first -- tuples by their first element, and a @dataclass(order=True) whose data
# field is compare=False, where equal priorities come out in heapq's order.
import asyncio
from asyncio import PriorityQueue, Queue
from dataclasses import dataclass, field


@dataclass(order=True)
class WorkItem:
    priority: int
    data: str = field(compare=False)


async def worker(queue: Queue):
    while not queue.empty():
        work_item = await queue.get()
        print(f'Processing work item {work_item}')
        queue.task_done()


async def main():
    priority_queue = PriorityQueue()
    work_items = [(3, 'Lowest priority'), (2, 'Medium priority'), (1, 'High priority')]
    worker_task = asyncio.create_task(worker(priority_queue))
    for work in work_items:
        priority_queue.put_nowait(work)
    await asyncio.gather(priority_queue.join(), worker_task)

    priority_queue = PriorityQueue()
    work_items = [WorkItem(3, 'Lowest priority'), WorkItem(2, 'Medium priority'),
                  WorkItem(1, 'High priority'), WorkItem(2, 'Medium priority, second'),
                  WorkItem(1, 'High priority, second'), WorkItem(2, 'Medium priority, third')]
    worker_task = asyncio.create_task(worker(priority_queue))
    for work in work_items:
        priority_queue.put_nowait(work)
    await asyncio.gather(priority_queue.join(), worker_task)


asyncio.run(main())
