#!/usr/bin/python3
"""switch: 100 tasks each doing `await asyncio.sleep(0)` N/100 times.

One op = one switch (one sleep(0) of one task).  N is rounded down to a
multiple of 100 (the line reports the N actually run).

Usage: switch.py N [--uvloop]
Prints: switch N=<n> seconds=<s> per_op_ns=<x>     (per_op = seconds / N)
"""
import asyncio
import sys
import time

WORKLOAD = "switch"
TASKS = 100


def parse_args(argv):
    use_uvloop = "--uvloop" in argv
    rest = [a for a in argv if a != "--uvloop"]
    if len(rest) != 1:
        sys.exit(f"usage: {WORKLOAD}.py N [--uvloop]")
    n = int(rest[0])
    if n < TASKS:
        sys.exit(f"N must be at least {TASKS}")
    return n, use_uvloop


async def worker(iters):
    sleep = asyncio.sleep
    for _ in range(iters):
        await sleep(0)


async def main(n):
    iters = n // TASKS
    t0 = time.perf_counter()
    tasks = [asyncio.create_task(worker(iters)) for _ in range(TASKS)]
    await asyncio.gather(*tasks)
    return time.perf_counter() - t0


if __name__ == "__main__":
    n, use_uvloop = parse_args(sys.argv[1:])
    n = (n // TASKS) * TASKS
    if use_uvloop:
        import uvloop
        uvloop.install()
    seconds = asyncio.run(main(n))
    print(f"{WORKLOAD} N={n} seconds={seconds:.6f} per_op_ns={seconds / n * 1e9:.1f}", flush=True)
