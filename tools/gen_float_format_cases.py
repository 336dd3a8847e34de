#!/usr/bin/python3
"""Generate tests/interp/float_format_cases.inc: repr(float), round(x, n), round(x), int(x)
and round(int, n) as CPython 3.11 computes them — the oracle for interp/src/float_format.cpp.

    /usr/bin/python3 tools/gen_float_format_cases.py > tests/interp/float_format_cases.inc

Sections (each a C++ array initializer body, selected by #if on the macro the test defines):
  REPR_CASES      {bits, "repr"}
  ROUND_CASES     {bits, ndigits, result bits, error or nullptr}
  TO_INT_CASES    {bits, round(x), error or nullptr, int(x), error or nullptr}
  INT_ROUND_CASES {n, ndigits, result, error or nullptr}
"""
import math
import random
import struct

from gen_cases_util import (INT64_MAX, INT64_MIN, bits, c_int, c_str, from_bits, header, int_result,
                            outcome, require_311)

require_311("gen_float_format_cases.py")
rng = random.Random(20231122)


def repr_values():
    vals = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 0.5, 1.5, 2.5, 100.0, 1e16, 1e16 - 2,
            1e16 + 2, 9999999999999998.0, 123456789012345678.0, 2e16 + 8, 1e-4, 1e-5, 0.0001,
            0.00001234, 1e22, 1e23, 5e-324, 2.2250738585072014e-308, 2.225073858507201e-308,
            1.7976931348623157e308, float("inf"), float("-inf"), float("nan"), 3.141592653589793,
            2.718281828459045, 1.1, 2.675, 0.1 + 0.2, 9007199254740993.0, 4.35, 0.07, 1234.5678]
    for k in range(-325, 309):
        x = float("1e%d" % k)
        vals += [x, math.nextafter(x, 0), math.nextafter(x, math.inf), -x]
    for k in range(-1074, 1024, 3):
        vals.append(2.0 ** k)
    for n in range(2**53 - 3, 2**53 + 4):
        vals.append(float(n))
    for _ in range(1500):  # any bit pattern: normals, subnormals, a few nans
        vals.append(from_bits(rng.getrandbits(64)))
    for _ in range(600):  # short decimals of every magnitude
        digits = rng.randint(1, 17)
        mant = rng.randint(1, 10**digits - 1)
        vals.append(float("%de%d" % (mant, rng.randint(-330, 300))))
    for _ in range(400):  # subnormals
        vals.append(from_bits(rng.getrandbits(52)))
    for _ in range(300):  # everyday values
        vals.append(round(rng.uniform(-1000, 1000), rng.randint(0, 6)))
    return vals


def round_values():
    vals = [0.0, -0.0, 0.5, 1.5, 2.5, -0.5, -2.5, 0.125, 0.375, 2.675, 1.005, 0.285, 1234.5678, 15.0, 25.0,
            -25.0, 45.0, 1e300, -1e300, 1.7976931348623157e308, 5e-324, 1e-300, 123456789.987654321,
            0.1, 0.05, 0.015, 0.045, 1e16, 9.5, 99.5, 999.5, 4.0, 5.0, 6.0, 51.0, float("inf"),
            float("nan"), 3.14159, 2.5e-5, 7.0e22, 8.5e15]
    for _ in range(60):
        vals.append(rng.uniform(-1e6, 1e6))
    for _ in range(30):
        vals.append(from_bits(rng.getrandbits(63)))
    return vals


NDIGITS = [-400, -309, -308, -307, -300, -30, -22, -16, -5, -3, -2, -1, 0, 1, 2, 3, 4, 5, 8, 10, 15, 16, 17,
           20, 50, 300, 322, 323, 324, 400]

out = [header("gen_float_format_cases.py")]
out.append("#if defined(REPR_CASES)\n")
seen = set()
for x in repr_values():
    key = struct.pack("<d", x)
    if key in seen:
        continue
    seen.add(key)
    out.append("{%s, %s},\n" % (bits(x), c_str(repr(x))))

out.append("#elif defined(ROUND_CASES)\n")
for x in round_values():
    for n in NDIGITS:
        kind, v = outcome(lambda: round(x, n))
        if kind == "ok":
            out.append("{%s, %d, %s, nullptr},\n" % (bits(x), n, bits(v)))
        else:
            out.append("{%s, %d, 0, %s},\n" % (bits(x), n, c_str(v)))

out.append("#elif defined(TO_INT_CASES)\n")
to_int = [0.0, -0.0, 0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 1e18, -1e18, 9.2e18,
          9.223372036854775e18, 9.223372036854776e18, -9.223372036854776e18, -9.223372036854778e18, 1e300,
          float("inf"), float("-inf"), float("nan"), 4503599627370495.5, 4503599627370496.5, 123.999, -123.999]
for _ in range(100):
    to_int.append(rng.uniform(-1e6, 1e6))
for x in to_int:
    parts = []
    for fn in (lambda: round(x), lambda: int(x)):
        kind, v = outcome(fn)
        if kind == "ok":
            kind, v = int_result(v)
        parts.append("%s, nullptr" % c_int(v) if kind == "ok" else "0, %s" % c_str(v))
    out.append("{%s, %s, %s},\n" % (bits(x), parts[0], parts[1]))

out.append("#elif defined(INT_ROUND_CASES)\n")
ints = [0, 1, -1, 5, 15, 25, -25, 35, 45, 50, 149, 150, 151, 250, 1234, 1250, 1350, -1250, 9_999,
        INT64_MAX, INT64_MIN, 9_223_372_036_854_775_000, 5 * 10**18, 4_999_999_999_999_999_999]
for n in ints:
    for nd in (5, 0, -1, -2, -3, -4, -17, -18, -19, -20, -38, -39, -100):
        kind, v = int_result(round(n, nd))
        if kind == "ok":
            out.append("{%s, %d, %s, nullptr},\n" % (c_int(n), nd, c_int(v)))
        else:
            out.append("{%s, %d, 0, %s},\n" % (c_int(n), nd, c_str(v)))
out.append("#endif\n")
print("".join(out), end="")
