#!/usr/bin/python3
"""spawn: create N tasks that each `await asyncio.sleep(0)` once, then gather them.

Usage: spawn.py N [--uvloop]
Prints: spawn N=<n> seconds=<s> per_op_ns=<x>      (per_op = seconds / N)
"""
import asyncio
import sys
import time

WORKLOAD = "spawn"


def parse_args(argv):
    use_uvloop = "--uvloop" in argv
    rest = [a for a in argv if a != "--uvloop"]
    if len(rest) != 1:
        sys.exit(f"usage: {WORKLOAD}.py N [--uvloop]")
    n = int(rest[0])
    if n <= 0:
        sys.exit("N must be positive")
    return n, use_uvloop


async def child():
    await asyncio.sleep(0)


async def main(n):
    t0 = time.perf_counter()
    tasks = [asyncio.create_task(child()) for _ in range(n)]
    await asyncio.gather(*tasks)
    return time.perf_counter() - t0


if __name__ == "__main__":
    n, use_uvloop = parse_args(sys.argv[1:])
    if use_uvloop:
        import uvloop
        uvloop.install()
    seconds = asyncio.run(main(n))
    print(f"{WORKLOAD} N={n} seconds={seconds:.6f} per_op_ns={seconds / n * 1e9:.1f}", flush=True)
