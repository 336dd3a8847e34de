# sleep(0) yields exactly one loop iteration: tasks interleave round-robin in FIFO order.
import asyncio


async def worker(name, steps):
    for i in range(steps):
        print(f"{name} step {i}")
        await asyncio.sleep(0)
    print(f"{name} done")


async def main():
    tasks = [asyncio.create_task(worker(n, s)) for n, s in (("A", 3), ("B", 1), ("C", 2))]
    print("main before first await")
    await asyncio.sleep(0)
    print("main after one sleep(0)")
    await asyncio.gather(*tasks)
    print("all done")


asyncio.run(main())
