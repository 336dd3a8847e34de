#!/usr/bin/python3
"""Generate tests/interp/arith_cases.inc: int and float arithmetic as CPython 3.11 computes
it — the oracle for interp/src/arith.cpp. An int result outside 64 bits is LoopLab's
OverflowError (SPEC 2); a complex result of ** is LoopLab's ValueError.

    /usr/bin/python3 tools/gen_arith_cases.py > tests/interp/arith_cases.inc

Sections:
  INT_CASES       {op, a, b, result, error or nullptr}        int op int -> int
  INT_FLOAT_CASES {op, a, b, result bits, error or nullptr}   int op int -> float (/, ** < 0)
  FLOAT_CASES     {op, a bits, b bits, result bits, error or nullptr}
  COMPARE_CASES   {n, x bits, -1/0/1, unordered}
"""
from gen_cases_util import (COMPLEX, INT64_MAX, INT64_MIN, bits, c_int, c_str, header, int_result,
                            outcome, require_311)

require_311("gen_arith_cases.py")

INTS = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, 12345, -12345, 2**31, -2**31, 2**32 + 5, -(2**32) - 5, 2**53 - 1,
        2**53 + 1, -(2**53) - 1, 3**39, -(3**39), 2**62, -(2**62), INT64_MAX, INT64_MIN, INT64_MAX - 1,
        INT64_MIN + 1, 1234567890123456789, -987654321987654321]
EXPONENTS = [0, 1, 2, 3, 5, 10, 31, 32, 39, 40, 62, 63, 64, 100, -1, -2, -3, -10]
SHIFTS = [0, 1, 2, 10, 31, 32, 33, 61, 62, 63, 64, 65, 100, 1000, -1]
FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, -3.5, 7.0, -7.0, 0.1, 1e16, -1e16, 1e300, -1e300,
          1.7976931348623157e308, 5e-324, -5e-324, 1e-300, float("inf"), float("-inf"), float("nan"), 2.5,
          -2.5, 1 / 3, 100.0, 1e22, 0.7, -1.1, 37.5, 1e-5]

out = [header("gen_arith_cases.py")]


def emit_int(op, a, b, fn):
    kind, v = outcome(fn)
    if kind == "ok":
        kind, v = int_result(v)
    if kind == "ok":
        out.append("{'%s', %s, %s, %s, nullptr},\n" % (op, c_int(a), c_int(b), c_int(v)))
    else:
        out.append("{'%s', %s, %s, 0, %s},\n" % (op, c_int(a), c_int(b), c_str(v)))


def float_outcome(fn, a=None, b=None):
    # CPython hands a negative finite base with a finite non-integer exponent to complex
    # pow (whose result, or overflow, LoopLab cannot give): LoopLab's ValueError instead.
    if (a is not None and isinstance(b, float) and -float("inf") < a < 0 and b == b
            and abs(b) != float("inf") and b != int(b)):
        return ("err", COMPLEX)
    kind, v = outcome(fn)
    if kind == "ok" and isinstance(v, complex):
        return ("err", COMPLEX)
    return (kind, v)


out.append("#if defined(INT_CASES)\n")
for a in INTS:
    for b in INTS:
        emit_int('+', a, b, lambda: a + b)
        emit_int('-', a, b, lambda: a - b)
        emit_int('*', a, b, lambda: a * b)
        emit_int('/', a, b, lambda: a // b)  # '/' stands for floor division here
        emit_int('%', a, b, lambda: a % b)
        # divmod's quotient and remainder (its own error message); LoopLab's divmod fails
        # when either does not fit in 64 bits.
        emit_int('d', a, b, lambda: divmod(a, b)[0])
        emit_int('m', a, b, lambda: divmod(a, b)[1] if int_result(divmod(a, b)[0])[0] == "ok" else 2**64)
    for e in EXPONENTS:
        if e >= 0:
            # Python would build huge ints; LoopLab overflows exactly when the result does.
            emit_int('^', a, e, lambda: a ** e if abs(a) < 2 or e < 64 else 2**64)  # 2**64: overflows
    for s in SHIFTS:
        emit_int('<', a, s, lambda: a << s)
        emit_int('>', a, s, lambda: a >> s)
out.append("#elif defined(INT_FLOAT_CASES)\n")
for a in INTS:
    for b in INTS + EXPONENTS:
        for op, fn in (('/', lambda: a / b), ('^', lambda: a ** b)):
            if op == '^' and b >= 0:
                continue
            kind, v = float_outcome(fn)
            if kind == "ok":
                out.append("{'%s', %s, %s, %s, nullptr},\n" % (op, c_int(a), c_int(b), bits(v)))
            else:
                out.append("{'%s', %s, %s, 0, %s},\n" % (op, c_int(a), c_int(b), c_str(v)))
out.append("#elif defined(FLOAT_CASES)\n")
for a in FLOATS:
    for b in FLOATS:
        for op, fn in (('/', lambda: a / b), ('f', lambda: a // b), ('%', lambda: a % b),
                       ('d', lambda: divmod(a, b)[0]), ('m', lambda: divmod(a, b)[1]), ('^', lambda: a ** b)):
            kind, v = float_outcome(fn, a, b) if op == '^' else float_outcome(fn)
            if kind == "ok":
                out.append("{'%s', %s, %s, %s, nullptr},\n" % (op, bits(a), bits(b), bits(v)))
            else:
                out.append("{'%s', %s, %s, 0, %s},\n" % (op, bits(a), bits(b), c_str(v)))
out.append("#elif defined(COMPARE_CASES)\n")
for n in INTS + [2**53 + 2, 2**63 - 512, -(2**63) + 1024]:
    for x in FLOATS + [float(n), float(n) + 0.5, 9.223372036854775807e18, -9.223372036854775808e18,
                       9007199254740993.0, 9007199254740992.0]:
        unordered = x != x
        c = 0 if unordered else (n > x) - (n < x)
        out.append("{%s, %s, %d, %s},\n" % (c_int(n), bits(x), c, "true" if unordered else "false"))
out.append("#endif\n")
print("".join(out), end="")
