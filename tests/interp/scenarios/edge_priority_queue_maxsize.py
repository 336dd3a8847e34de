# PriorityQueue with maxsize: items come out smallest first; ties on the first field compare the second.
import asyncio


async def main():
    pq = asyncio.PriorityQueue(maxsize=3)
    for item in [(2, "b"), (1, "z"), (2, "a")]:
        pq.put_nowait(item)
    print("full:", pq.full())

    async def late_put():
        await pq.put((0, "urgent"))
        print("late put done at", asyncio.get_running_loop().time())

    t = asyncio.create_task(late_put())
    await asyncio.sleep(1)
    print(await pq.get())
    await t
    while not pq.empty():
        print(pq.get_nowait())
    nums = asyncio.PriorityQueue()
    for n in [5, 3, 9, 1, 3]:
        nums.put_nowait(n)
    print([nums.get_nowait() for _ in range(nums.qsize())])


asyncio.run(main())
