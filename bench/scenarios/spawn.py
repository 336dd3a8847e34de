"""spawn: create N tasks that each `await asyncio.sleep(0)` once, then gather them (one op = one task).

Twin of bench/python/spawn.py; see switch.py for how N and the timing work.
"""
import asyncio
import sys
import time

N = 50_000  # py_compare.py rewrites this line

if "--uvloop" in sys.argv:
    import uvloop
    uvloop.install()


async def child():
    await asyncio.sleep(0)


async def main(n):
    t0 = time.perf_counter()
    tasks = [asyncio.create_task(child()) for _ in range(n)]
    await asyncio.gather(*tasks)
    return time.perf_counter() - t0


seconds = asyncio.run(main(N))
print(f"spawn N={N} seconds={seconds:.6f} per_op_ns={seconds / N * 1e9:.1f}")
