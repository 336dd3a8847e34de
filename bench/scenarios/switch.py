"""switch: 100 tasks, each doing `await asyncio.sleep(0)` N/100 times (one op = one switch).

A LoopLab scenario twin of bench/python/switch.py. N is the line below (py_compare.py
rewrites it). Under CPython the printed seconds are real (time.perf_counter around the
asyncio work); under `looplab run` perf_counter is the virtual clock, so py_compare.py
times the process from outside instead (bench/README.md, "Python scenarios").
"""
import asyncio
import sys
import time

N = 500_000  # py_compare.py rewrites this line
TASKS = 100

if "--uvloop" in sys.argv:
    import uvloop
    uvloop.install()


async def worker(iters):
    sleep = asyncio.sleep
    for _ in range(iters):
        await sleep(0)


async def main(n):
    t0 = time.perf_counter()
    tasks = [asyncio.create_task(worker(n // TASKS)) for _ in range(TASKS)]
    await asyncio.gather(*tasks)
    return time.perf_counter() - t0


n = N // TASKS * TASKS
seconds = asyncio.run(main(n))
print(f"switch N={n} seconds={seconds:.6f} per_op_ns={seconds / n * 1e9:.1f}")
