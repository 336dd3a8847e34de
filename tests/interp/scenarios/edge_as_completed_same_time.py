# as_completed with ties: futures finishing at the same virtual time come out in completion order.
import asyncio


async def job(name, d):
    await asyncio.sleep(d)
    return name


async def main():
    tasks = [asyncio.create_task(job(n, d)) for n, d in (("x", 1), ("y", 0.5), ("z", 1), ("w", 0.5))]
    order = []
    for fut in asyncio.as_completed(tasks):
        order.append(await fut)
    print(order, asyncio.get_running_loop().time())


asyncio.run(main())
