"""memory: N tasks all blocked on one asyncio.Event (one op = one task; also bytes per pending task).

Twin of bench/python/memory.py; see switch.py for how N and the timing work. The timed
pass creates the tasks and lets each start and block. Under CPython a second pass with
tracemalloc prints bytes_per_task; LoopLab has no tracemalloc, so there the pass is
skipped and py_compare.py estimates bytes per task from the process's peak RSS instead.
"""
import asyncio
import sys
import time

N = 30_000  # py_compare.py rewrites this line

if "--uvloop" in sys.argv:
    import uvloop
    uvloop.install()

try:
    import gc
    import tracemalloc
except ImportError:
    tracemalloc = None


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
    event.set()
    await asyncio.gather(*tasks)
    return (after - before) / n


async def main(n):
    seconds = await timed_phase(n)
    if tracemalloc is None:
        return seconds, ""
    return seconds, f" bytes_per_task={await memory_phase(n):.1f}"


seconds, extra = asyncio.run(main(N))
print(f"memory N={N} seconds={seconds:.6f} per_op_ns={seconds / N * 1e9:.1f}{extra}")
