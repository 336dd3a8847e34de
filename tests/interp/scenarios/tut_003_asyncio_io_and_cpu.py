# From: tutorials/003_ee8c2947773cf311.txt — 实际示例 (plain asyncio: I/O and CPU work mixed in 30 tasks)
import asyncio
import random
import time
from aiohttp import ClientSession

import sim


def cpu_bound(n: int) -> int:
    result = 0
    # for i in range(n*100_000):
    #     result += 1
    sim.cpu(n * 0.0035)
    result = n * 100_000
    return result


async def invoke_remote(url: str) -> int:
    await asyncio.sleep(random.uniform(0.2, 0.7))
    async with ClientSession() as session:
        async with session.get(url) as response:
            status = response.status
            result = cpu_bound(status)
            return result


async def main():
    start = time.monotonic()
    tasks = [asyncio.create_task(invoke_remote("https://www.example.com"))
             for _ in range(30)]
    await asyncio.gather(*tasks)
    print(f"All jobs done in {time.monotonic() - start} seconds")

if __name__ == "__main__":
    asyncio.run(main())
