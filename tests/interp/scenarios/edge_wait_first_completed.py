# wait(FIRST_COMPLETED) returns as soon as one finishes; two finishing at the same time are both done.
import asyncio


async def job(name, d):
    await asyncio.sleep(d)
    return name


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(n, d), name=n) for n, d in (("a", 2), ("b", 1), ("c", 1), ("d", 3))]
    pending = set(tasks)
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        print(f"t={loop.time()} done={sorted(t.result() for t in done)} pending={len(pending)}")


asyncio.run(main())
