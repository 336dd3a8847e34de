"""compute: N integer additions in a `for` loop (one op = one `s += i`), default N = 10 million.

No asyncio: this is the interpreter's bare speed on integer arithmetic and loop dispatch.
See switch.py for how N and the timing work.
"""
import time

N = 10_000_000  # py_compare.py rewrites this line


def add_up(n):
    s = 0
    for i in range(n):
        s += i
    return s


t0 = time.perf_counter()
total = add_up(N)
seconds = time.perf_counter() - t0
assert total == N * (N - 1) // 2
print(f"compute N={N} seconds={seconds:.6f} per_op_ns={seconds / N * 1e9:.1f}")
