#!/usr/bin/python3
"""pingpong: two tasks exchange N items over two asyncio.Queue(maxsize=1).

A puts on q1, B gets from q1 and puts on q2, A gets from q2: one round trip
per item, N round trips.

Usage: pingpong.py N [--uvloop]
Prints: pingpong N=<n> seconds=<s> per_op_ns=<x>   (per_op = seconds / N)
"""
import asyncio
import sys
import time

WORKLOAD = "pingpong"


def parse_args(argv):
    use_uvloop = "--uvloop" in argv
    rest = [a for a in argv if a != "--uvloop"]
    if len(rest) != 1:
        sys.exit(f"usage: {WORKLOAD}.py N [--uvloop]")
    n = int(rest[0])
    if n <= 0:
        sys.exit("N must be positive")
    return n, use_uvloop


async def ping(n, q1, q2):
    for i in range(n):
        await q1.put(i)
        got = await q2.get()
        if got != i:
            raise RuntimeError(f"pingpong: sent {i}, got back {got}")


async def pong(n, q1, q2):
    for _ in range(n):
        item = await q1.get()
        await q2.put(item)


async def main(n):
    t0 = time.perf_counter()
    q1 = asyncio.Queue(maxsize=1)
    q2 = asyncio.Queue(maxsize=1)
    a = asyncio.create_task(ping(n, q1, q2))
    b = asyncio.create_task(pong(n, q1, q2))
    await asyncio.gather(a, b)
    return time.perf_counter() - t0


if __name__ == "__main__":
    n, use_uvloop = parse_args(sys.argv[1:])
    if use_uvloop:
        import uvloop
        uvloop.install()
    seconds = asyncio.run(main(n))
    print(f"{WORKLOAD} N={n} seconds={seconds:.6f} per_op_ns={seconds / n * 1e9:.1f}", flush=True)
