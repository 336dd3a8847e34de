#!/usr/bin/python3
"""Generate tests/interp/random_cases.inc: what CPython 3.11's random module produces after
random.seed(n) — the oracle for interp/src/random.cpp.

    /usr/bin/python3 tools/gen_random_cases.py > tests/interp/random_cases.inc

Sections:
  SEED_STATES  {seed, {625 words of getstate()[1]}}       the state right after seed(seed)
  RANDOM_OPS   {seed index, op, a, b, c, "expected"}      replayed in order on one generator
  FINAL_STATES {seed index, {625 words}}                  the state after the ops
Ops: 'r' random(), 'g' getrandbits(a), 'R' randrange(a) / 'T' randrange(a, b, c),
'i' randint(a, b), 'u' uniform(a bits, b bits), 'c' choice(range(a)), 's' shuffle(list(range(a))),
'S' sample(range(a), b), 'z' seed(a), 'F' seed(float a bits).
Expected texts: ints in decimal, floats as 0x bit patterns, lists space-separated, errors as
"Type: message".
"""
import random

from gen_cases_util import INT64_MAX, INT64_MIN, OVERFLOW, bits, c_int, c_str, from_bits, header, require_311

require_311("gen_random_cases.py")
SEEDS = [0, 1, 42, 2**40, -5, 2**32, 2**32 - 1, 123456789, INT64_MAX, INT64_MIN]
script = random.Random(1234)  # chooses the operations; never the generator under test


def text(v):
    if isinstance(v, float):
        return bits(v)
    if isinstance(v, list):
        return " ".join(str(x) for x in v)
    return str(v)


def run(gen, op, a=0, b=0, c=0):
    try:
        if op == "r":
            v = gen.random()
        elif op == "g":
            v = gen.getrandbits(a)
            if not INT64_MIN <= v <= INT64_MAX:
                return OVERFLOW
        elif op == "R":
            v = gen.randrange(a)
        elif op == "T":
            v = gen.randrange(a, b, c)
        elif op == "i":
            v = gen.randint(a, b)
        elif op == "u":
            v = gen.uniform(from_bits(a), from_bits(b))
        elif op == "c":
            v = gen.choice(range(a))
        elif op == "s":
            v = list(range(a))
            gen.shuffle(v)
        elif op == "S":
            v = gen.sample(range(a), b)
        elif op == "z":
            gen.seed(a)
            v = ""
        elif op == "F":
            gen.seed(from_bits(a))
            v = ""
        return text(v)
    except Exception as e:  # noqa: BLE001
        return "%s: %s" % (type(e).__name__, e)


def random_op():
    kind = script.choice("rrggRTTiiuccsSSS")
    if kind == "r":
        return ("r",)
    if kind == "g":
        return ("g", script.choice([0, 1, 2, 5, 8, 16, 31, 32, 33, 52, 53, 62, 63, 64, 65, 100]))
    if kind == "R":
        return ("R", script.choice([1, 2, 3, 6, 10, 100, 1000, 2**31, 2**32 + 1, 2**53, 2**62 + 3, INT64_MAX]))
    if kind == "T":
        start = script.choice([0, 1, -10, 5, -2**40, INT64_MIN, 2**62])
        width = script.choice([1, 2, 7, 100, 2**33, 2**63])
        step = script.choice([1, 1, 2, 3, -1, -3, 7, 2**20])
        stop = start + width if step > 0 else start - width
        stop = max(INT64_MIN, min(INT64_MAX, stop))
        return ("T", start, stop, step)
    if kind == "i":
        a = script.choice([0, 1, -5, 10, -2**62, INT64_MIN, 2**40])
        return ("i", a, min(INT64_MAX, a + script.choice([0, 1, 5, 99, 2**31, 2**63])))
    if kind == "u":
        return ("u", struct_bits(script.choice([0.0, 1.0, -2.5, 1e6])), struct_bits(script.choice([1.0, 10.0, -1.0, 3.5])))
    if kind == "c":
        return ("c", script.choice([1, 2, 3, 5, 10, 26, 1000]))
    if kind == "s":
        return ("s", script.choice([0, 1, 2, 3, 5, 10, 52]))
    n = script.choice([1, 5, 10, 20, 21, 22, 50, 100, 300, 1000, 10**6])
    return ("S", n, script.choice([0, 1, 3, 5, 6, min(n, 10), min(n, 30), n // 2, n][:9 if n < 500 else 6]))


def struct_bits(x):
    return int(bits(x)[2:-3], 16)


ERROR_OPS = [("g", -1), ("R", 0), ("R", -5), ("T", 5, 5, 1), ("T", 5, 1, 0), ("T", 5, 5, 2), ("T", 1, 5, -1),
             ("i", 3, 1), ("c", 0), ("S", 3, 4), ("S", 3, -1),
             # the widest ranges: randint over all of int64 draws 65 bits
             ("i", INT64_MIN, INT64_MAX), ("i", INT64_MIN, INT64_MAX), ("T", INT64_MIN, INT64_MAX, 1),
             ("T", INT64_MAX, INT64_MIN, -1), ("T", INT64_MIN, INT64_MAX, 2**62)]

ops_out, states_out, finals_out = [], [], []
for si, seed in enumerate(SEEDS):
    gen = random.Random(seed)
    states_out.append("{%s, {%s}},\n" % (c_int(seed), ", ".join("%dU" % w for w in gen.getstate()[1])))
    ops = [random_op() for _ in range(150)] + ERROR_OPS + [random_op() for _ in range(50)]
    if si == 2:  # re-seeding mid-run
        ops += [("z", 7), ("r",), ("F", struct_bits(2.5)), ("r",), ("F", struct_bits(-1.5)), ("r",), ("z", -7), ("r",)]
    for op in ops:
        args = list(op[1:]) + [0] * (3 - len(op[1:]))
        expected = run(gen, op[0], *args)
        ops_out.append("{%d, '%s', %s, %s, %s, %ssv},\n" % (si, op[0], c_int(args[0]) if op[0] not in "uF" else
                       "(int64_t)%dULL" % args[0], c_int(args[1]) if op[0] != "u" else "(int64_t)%dULL" % args[1],
                       c_int(args[2]), c_str(expected)))
    finals_out.append("{%d, {%s}},\n" % (si, ", ".join("%dU" % w for w in gen.getstate()[1])))

print(header("gen_random_cases.py") + "#if defined(SEED_STATES)\n" + "".join(states_out) +
      "#elif defined(RANDOM_OPS)\n" + "".join(ops_out) + "#elif defined(FINAL_STATES)\n" + "".join(finals_out) +
      "#endif", end="\n")
