"""timers: N tasks, each `await asyncio.sleep(d)`, d from random.Random(42).random() (one op = one task).

Twin of bench/python/timers.py; see switch.py for how N and the timing work. Under
`looplab run` the sleeps are virtual (the clock jumps), so there is no ~1 s floor; the
external timing also includes drawing the N delays (a few ms).
"""
import asyncio
import random
import sys
import time

N = 50_000  # py_compare.py rewrites this line
SEED = 42

if "--uvloop" in sys.argv:
    import uvloop
    uvloop.install()


async def main(n):
    rng = random.Random(SEED)
    delays = [rng.random() for _ in range(n)]  # drawn before timing starts
    sleep = asyncio.sleep
    t0 = time.perf_counter()
    tasks = [asyncio.create_task(sleep(d)) for d in delays]
    await asyncio.gather(*tasks)
    return time.perf_counter() - t0


seconds = asyncio.run(main(N))
print(f"timers N={N} seconds={seconds:.6f} per_op_ns={seconds / N * 1e9:.1f}")
