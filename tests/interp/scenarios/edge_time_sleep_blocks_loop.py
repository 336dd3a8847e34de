# time.sleep inside a coroutine blocks every task (virtual time still advances), asyncio.sleep does not.
import asyncio
import time


async def blocker(name):
    print(f"{time.perf_counter():.1f} {name} start")
    time.sleep(1)
    print(f"{time.perf_counter():.1f} {name} end")


async def cooperative(name):
    print(f"{time.perf_counter():.1f} {name} start")
    await asyncio.sleep(1)
    print(f"{time.perf_counter():.1f} {name} end")


async def main():
    start = time.perf_counter()
    await asyncio.gather(*[blocker(f"b{i}") for i in range(3)])
    print(f"blocking took {time.perf_counter() - start:.1f}")
    start = time.perf_counter()
    await asyncio.gather(*[cooperative(f"c{i}") for i in range(3)])
    print(f"cooperative took {time.perf_counter() - start:.1f}")


asyncio.run(main())
