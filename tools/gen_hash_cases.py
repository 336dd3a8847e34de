#!/usr/bin/python3
"""Generate tests/interp/hash_cases.inc: hash() of ints, floats, strs and tuples as CPython
3.11 computes it with PYTHONHASHSEED=0 — the oracle for interp/src/hash.cpp.

    /usr/bin/python3 tools/gen_hash_cases.py > tests/interp/hash_cases.inc

(The script re-runs itself with PYTHONHASHSEED=0 when needed.)
Sections:
  INT_HASH_CASES   {n, hash}
  FLOAT_HASH_CASES {bits, hash}
  STR_HASH_CASES   {text, hash}
  TUPLE_HASH_CASES {count, {item hashes...}, hash}
  NONE_HASH        hash(None)
"""
import os
import random
import sys

if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, PYTHONHASHSEED="0"))

from gen_cases_util import INT64_MAX, INT64_MIN, bits, c_int, c_str, from_bits, header, require_311  # noqa: E402

require_311("gen_hash_cases.py")
rng = random.Random(61)
P = 2**61 - 1

ints = [0, 1, -1, -2, 2, 1000, -1000, P - 1, P, P + 1, -P, -P - 1, -P + 1, 2 * P, 2 * P - 1, -2 * P + 1, 2**61,
        -(2**61), 2**62, INT64_MAX, INT64_MIN, INT64_MIN + 1, 4 * P - 1, -(4 * P) + 1]
ints += [rng.randint(INT64_MIN, INT64_MAX) for _ in range(300)]
ints += [rng.randint(-1000, 1000) for _ in range(50)]

floats = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.0**61, 2.0**62, -(2.0**61), 2.0**-1, 2.0**-60, 1e300, -1e300,
          5e-324, 1.7976931348623157e308, float("inf"), float("-inf"), 0.1, 3.14159, -2.0, 2.0**61 - 2**9,
          float(P), 1e16, 123456789.125]
floats += [from_bits(rng.getrandbits(64)) for _ in range(300)]
floats += [rng.uniform(-1e6, 1e6) for _ in range(100)]
floats = [x for x in floats if x == x]  # a NaN hashes by identity

strs = ["", "a", "abc", "hello world", "é", "ÿ", "café", "中文", "Українська", "😀", "a😀", "é中", "\x00", "\x00\x00",
        "Task-1", "Task-2", "worker", "\ud800", "\uffff", "\U0010ffff", "ǅ", "\u0100", "\u00ff\u0100"]
for n in range(1, 41):  # every tail length of siphash13, in each PEP 393 width
    strs.append("".join(chr(rng.randint(32, 126)) for _ in range(n)))
    strs.append("".join(chr(rng.randint(128, 255)) for _ in range(n)))
    strs.append("".join(chr(rng.randint(0x100, 0xD7FF)) for _ in range(n)))
    strs.append("".join(chr(rng.randint(0x10000, 0x10FFFF)) for _ in range(n)))
for _ in range(100):
    strs.append("".join(chr(rng.choice([rng.randint(32, 126), rng.randint(0x400, 0x4FF), rng.randint(0x4E00, 0x9FFF)]))
                        for _ in range(rng.randint(1, 30))))

tuples = [(), (1,), (1, 2), (1, 2, 3), ("a", 1), (None,), (True, False), (0.5, -1), ((1, 2), (3,)), ((),),
          ("Task-1", 2, 3.5), tuple(range(20)), (-1,), (-2,), (P,), ("中", "😀")]
for _ in range(100):
    tuples.append(tuple(rng.choice([rng.randint(-10**18, 10**18), rng.random(), "s%d" % rng.randint(0, 99), None,
                                    (rng.randint(0, 9), "x")]) for _ in range(rng.randint(0, 8))))

out = [header("gen_hash_cases.py")]
out.append("#if defined(INT_HASH_CASES)\n")
out += ["{%s, %s},\n" % (c_int(n), c_int(hash(n))) for n in ints]
out.append("#elif defined(FLOAT_HASH_CASES)\n")
out += ["{%s, %s},\n" % (bits(x), c_int(hash(x))) for x in floats]
out.append("#elif defined(STR_HASH_CASES)\n")
out += ["{%ssv, %s},\n" % (c_str(s), c_int(hash(s))) for s in strs]
out.append("#elif defined(TUPLE_HASH_CASES)\n")
for t in tuples:
    assert len(t) <= 20
    out.append("{%d, {%s}, %s},\n" % (len(t), ", ".join(c_int(hash(x)) for x in t), c_int(hash(t))))
out.append("#elif defined(NONE_HASH)\n")
out.append("%s\n" % c_int(hash(None)))
out.append("#endif\n")
print("".join(out), end="")
