# f-string format specs: precision, width, alignment, fill, sign, thousands, %, e, x/o/b, nested specs.
import time

x = 3.14159265
n = 42
s = "hi"
print(f"{x:.4f}|{x:.0f}|{x:10.2f}|{x:<10.3f}|{x:^10.1f}|{x:+.2f}|{-x:.2f}")
print(f"{n:>5}|{n:<5}|{n:^5}|{n:05d}|{n:*^9}|{n:+d}|{-n:d}|{n: d}")
print(f"{s:>5}|{s:<5}|{s:^6}|{s:_>4}|{s!r:>6}")
print(f"{1234567:,}|{1234567.891:,.2f}|{1234567:_}|{0.25:.1%}|{12345.678:e}|{0.000123:.2e}")
print(f"{255:x}|{255:X}|{255:#x}|{8:o}|{5:b}|{5:08b}")
print(f"{2.5:g}|{1e20:g}|{1e-7:g}|{100000.0:g}|{1234567.0:g}|{0.0001:g}")
width, prec = 12, 3
print(f"[{x:{width}.{prec}f}]", f"[{s:>{width}}]")
print(f"{True}|{None}|{True:>6}|{[1, 2]}|{(1, 'a')}")
print(f"{{literal braces}} {n}")
print(f"{time.perf_counter():.1f} {time.time():.1f}")
print(f"{'nested ' + s.upper()}", f"{n * 2 if n > 40 else 0}", f"{len(s)=}")
print("{:.3f} {:>4} {!r}".format(x, n, s), format(x, ".2f"), format(n, "04d"))
