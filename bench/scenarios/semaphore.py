"""semaphore: N tasks on one asyncio.Semaphore(10), each holding it across one sleep(0) (one op = one task).

Twin of bench/python/semaphore.py; see switch.py for how N and the timing work.
"""
import asyncio
import sys
import time

N = 50_000  # py_compare.py rewrites this line
PERMITS = 10

if "--uvloop" in sys.argv:
    import uvloop
    uvloop.install()


async def child(sem):
    async with sem:
        await asyncio.sleep(0)


async def main(n):
    t0 = time.perf_counter()
    sem = asyncio.Semaphore(PERMITS)
    tasks = [asyncio.create_task(child(sem)) for _ in range(n)]
    await asyncio.gather(*tasks)
    return time.perf_counter() - t0


seconds = asyncio.run(main(N))
print(f"semaphore N={N} seconds={seconds:.6f} per_op_ns={seconds / N * 1e9:.1f}")
