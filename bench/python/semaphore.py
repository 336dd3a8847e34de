#!/usr/bin/python3
"""semaphore: N tasks contend on asyncio.Semaphore(10); each holds it across
one `await asyncio.sleep(0)`.

Usage: semaphore.py N [--uvloop]
Prints: semaphore N=<n> seconds=<s> per_op_ns=<x>  (per_op = seconds / N)
"""
import asyncio
import sys
import time

WORKLOAD = "semaphore"
PERMITS = 10


def parse_args(argv):
    use_uvloop = "--uvloop" in argv
    rest = [a for a in argv if a != "--uvloop"]
    if len(rest) != 1:
        sys.exit(f"usage: {WORKLOAD}.py N [--uvloop]")
    n = int(rest[0])
    if n <= 0:
        sys.exit("N must be positive")
    return n, use_uvloop


async def child(sem):
    async with sem:
        await asyncio.sleep(0)


async def main(n):
    t0 = time.perf_counter()
    sem = asyncio.Semaphore(PERMITS)
    tasks = [asyncio.create_task(child(sem)) for _ in range(n)]
    await asyncio.gather(*tasks)
    return time.perf_counter() - t0


if __name__ == "__main__":
    n, use_uvloop = parse_args(sys.argv[1:])
    if use_uvloop:
        import uvloop
        uvloop.install()
    seconds = asyncio.run(main(n))
    print(f"{WORKLOAD} N={n} seconds={seconds:.6f} per_op_ns={seconds / n * 1e9:.1f}", flush=True)
