# Acquiring a Semaphore that is never released: deadlock (exit 3).
import asyncio


async def greedy(sem, name):
    await sem.acquire()
    print(f"{name} acquired; never releases")


async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*[greedy(sem, f"g{i}") for i in range(3)])


asyncio.run(main())
