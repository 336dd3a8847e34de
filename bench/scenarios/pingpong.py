"""pingpong: two tasks exchange N items over two asyncio.Queue(maxsize=1) (one op = one round trip).

Twin of bench/python/pingpong.py; see switch.py for how N and the timing work.
"""
import asyncio
import sys
import time

N = 50_000  # py_compare.py rewrites this line

if "--uvloop" in sys.argv:
    import uvloop
    uvloop.install()


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


seconds = asyncio.run(main(N))
print(f"pingpong N={N} seconds={seconds:.6f} per_op_ns={seconds / N * 1e9:.1f}")
