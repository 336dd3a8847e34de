# join() on a queue whose items are never marked task_done(): deadlock (exit 3).
import asyncio


async def main():
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    while not q.empty():
        print("took", q.get_nowait())
    q.task_done()
    print("waiting for join with 2 unfinished items")
    await q.join()


asyncio.run(main())
