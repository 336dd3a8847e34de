# join() waits until task_done() was called for every item; too many task_done() calls raise ValueError.
import asyncio


async def worker(q, name):
    while True:
        item = await q.get()
        await asyncio.sleep(item)
        print(f"{asyncio.get_running_loop().time()} {name} finished {item}")
        q.task_done()


async def main():
    q = asyncio.Queue()
    for d in (1, 0.5, 2, 0.25):
        q.put_nowait(d)
    workers = [asyncio.create_task(worker(q, f"worker{i}")) for i in range(2)]
    await q.join()
    print("join returned at", asyncio.get_running_loop().time())
    for w in workers:
        w.cancel()
    results = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in results])
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    await q.join()
    print("join on a finished queue returns at once")


asyncio.run(main())
