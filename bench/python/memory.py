#!/usr/bin/python3
"""memory: N tasks pending on one asyncio.Event.

Two phases, so tracemalloc's overhead does not pollute the timing:
  1. timed (tracemalloc off): create N tasks that `await event.wait()`, run one
     `await asyncio.sleep(0)` so every task starts and blocks; seconds = time
     for that create+start.  Then set the event and gather.
  2. measured (tracemalloc on): same again with a fresh event; bytes_per_task
     = (traced current after the sleep(0) - traced current before creating
     the tasks) / N.  Then set the event and gather.

Under uvloop, tracemalloc sees every Python-object allocation (tasks,
coroutines, futures, handles) but not libuv's own malloc()s; with no I/O and
no timers here that is nothing per task.

Usage: memory.py N [--uvloop]
Prints: memory N=<n> seconds=<s> per_op_ns=<x> bytes_per_task=<b>
"""
import asyncio
import gc
import sys
import time
import tracemalloc

WORKLOAD = "memory"


def parse_args(argv):
    use_uvloop = "--uvloop" in argv
    rest = [a for a in argv if a != "--uvloop"]
    if len(rest) != 1:
        sys.exit(f"usage: {WORKLOAD}.py N [--uvloop]")
    n = int(rest[0])
    if n <= 0:
        sys.exit("N must be positive")
    return n, use_uvloop


async def waiter(event):
    await event.wait()


async def timed_phase(n):
    event = asyncio.Event()
    t0 = time.perf_counter()
    tasks = [asyncio.create_task(waiter(event)) for _ in range(n)]
    await asyncio.sleep(0)  # every task runs to event.wait() and blocks
    seconds = time.perf_counter() - t0
    assert all(not t.done() for t in tasks)
    event.set()
    await asyncio.gather(*tasks)
    return seconds


async def memory_phase(n):
    event = asyncio.Event()
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tasks = [asyncio.create_task(waiter(event)) for _ in range(n)]
        await asyncio.sleep(0)
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert all(not t.done() for t in tasks)
    event.set()
    await asyncio.gather(*tasks)
    return (after - before) / n


async def main(n):
    seconds = await timed_phase(n)
    bytes_per_task = await memory_phase(n)
    return seconds, bytes_per_task


if __name__ == "__main__":
    n, use_uvloop = parse_args(sys.argv[1:])
    if use_uvloop:
        import uvloop
        uvloop.install()
    seconds, bpt = asyncio.run(main(n))
    print(f"{WORKLOAD} N={n} seconds={seconds:.6f} per_op_ns={seconds / n * 1e9:.1f} "
          f"bytes_per_task={bpt:.1f}", flush=True)
