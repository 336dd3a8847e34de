#!/usr/bin/python3
"""timers: N tasks each `await asyncio.sleep(d)` with d drawn from
random.Random(42).random() (uniform [0, 1) seconds).

Real asyncio really sleeps, so the wall time is about one second plus the
timer-heap / scheduling overhead; per_op = seconds / N is therefore dominated
by the 1 s floor at small N (a simulator with virtual time has no such floor).

Usage: timers.py N [--uvloop]
Prints: timers N=<n> seconds=<s> per_op_ns=<x>     (per_op = seconds / N)
"""
import asyncio
import random
import sys
import time

WORKLOAD = "timers"
SEED = 42


def parse_args(argv):
    use_uvloop = "--uvloop" in argv
    rest = [a for a in argv if a != "--uvloop"]
    if len(rest) != 1:
        sys.exit(f"usage: {WORKLOAD}.py N [--uvloop]")
    n = int(rest[0])
    if n <= 0:
        sys.exit("N must be positive")
    return n, use_uvloop


async def main(n):
    rng = random.Random(SEED)
    delays = [rng.random() for _ in range(n)]  # drawn before timing starts
    sleep = asyncio.sleep
    t0 = time.perf_counter()
    tasks = [asyncio.create_task(sleep(d)) for d in delays]
    await asyncio.gather(*tasks)
    return time.perf_counter() - t0


if __name__ == "__main__":
    n, use_uvloop = parse_args(sys.argv[1:])
    if use_uvloop:
        import uvloop
        uvloop.install()
    seconds = asyncio.run(main(n))
    print(f"{WORKLOAD} N={n} seconds={seconds:.6f} per_op_ns={seconds / n * 1e9:.1f}", flush=True)
