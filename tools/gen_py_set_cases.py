#!/usr/bin/python3
"""Generate tests/runtime/py_set_cases.inc: CPython's own set iteration orders, the oracle
for LoopLab's setobject.c emulation (runtime/src/py_set.cpp).

Run with the reference interpreter (CPython 3.11):
    /usr/bin/python3 tools/gen_py_set_cases.py > tests/runtime/py_set_cases.inc

Each case is a sequence of operations on a fresh set of ints (hash(n) == n here):
"+N" adds N, "-N" discards N, "?" records a checkpoint. `expected` holds one group per
checkpoint plus one for the final state, separated by ";", each group being list(s) — the
set's iteration order — as space-separated ints.
"""
import random
import sys

if sys.version_info[:2] != (3, 11):
    sys.exit("gen_py_set_cases.py: run it with CPython 3.11 (/usr/bin/python3)")

MAX_HASH = 2**61 - 2  # hash(n) == n for 0 <= n < 2**61 - 1

cases = []


def case(name, ops):
    s = set()
    groups = []
    for op in ops:
        if op == "?":
            groups.append(list(s))
            continue
        v = int(op[1:])
        assert 0 <= v <= MAX_HASH and hash(v) == v
        if op[0] == "+":
            s.add(v)
        else:
            s.discard(v)
    groups.append(list(s))
    expected = ";".join(" ".join(map(str, g)) for g in groups)
    cases.append((name, " ".join(ops), expected))


def adds(values):
    return ["+%d" % v for v in values]


def discards(values):
    return ["-%d" % v for v in values]


# 1. Sets built from 1..N in order (all_tasks of N live tasks), N = 0..200, and 0..N-1.
for n in range(0, 201):
    case("range 1..%d" % n, adds(range(1, n + 1)))
for n in (1, 5, 6, 19, 20, 77, 78, 100):
    case("range 0..%d" % (n - 1), adds(range(n)))

# 2. Colliding strides: multiples of table sizes pile onto the same slot.
for step in (8, 16, 32, 64, 128, 1024, 2**20, 2**32, 2**40):
    for n in (3, 5, 9, 12, 40):
        case("stride %d x%d" % (step, n), adds(step * k for k in range(n)))

# 3. Shuffled insertions of random ints up to 1000 (seeded); checkpoint halfway.
rng = random.Random(20231)
for k in range(200):
    n = rng.randint(1, 250)
    values = [rng.randint(0, 1000) for _ in range(n)]
    rng.shuffle(values)
    ops = adds(values)
    ops.insert(len(ops) // 2, "?")
    case("shuffled small #%d" % k, ops)

# 4. Random large hashes (perturb matters): up to 2**61 - 2 and up to 2**32.
for k in range(60):
    hi = MAX_HASH if k % 2 else 2**32
    values = [rng.randint(0, hi) for _ in range(rng.randint(1, 150))]
    case("large #%d" % k, adds(values))

# 5. Interleaved add/discard over small ranges (dummies, freeslot reuse, purging resizes),
#    checkpoint every 40 operations.
for k in range(300):
    hi = rng.choice([8, 16, 24, 40, 64, 100, 300, 1000, 2**20] * 3 + [MAX_HASH])
    p_add = rng.choice([0.5, 0.6, 0.75])
    ops = []
    for j in range(rng.randint(1, 250)):
        v = rng.randint(0, hi)
        ops.append(("+%d" if rng.random() < p_add else "-%d") % v)
        if j % 40 == 39:
            ops.append("?")
    case("interleaved #%d" % k, ops)

# 6. Task-creation-number-like sets.
case("tasks {7,8}", adds([7, 8]))
case("tasks {2,3,9}", adds([2, 3, 9]))
case("tasks {9,3,2}", adds([9, 3, 2]))
case("tasks {1..5}", adds(range(1, 6)))
for n in range(1, 7):
    for mask in range(1, 2**n):
        gone = [v for v in range(1, n + 1) if mask >> (v - 1) & 1]
        case("tasks 1..%d minus %s" % (n, gone), adds(range(1, n + 1)) + discards(gone))
for k in range(100):
    n = rng.randint(7, 60)
    gone = rng.sample(range(1, n + 1), rng.randint(1, n))
    case("tasks 1..%d minus %d random" % (n, len(gone)), adds(range(1, n + 1)) + discards(gone))
# A loop's task set over time: each new task added, a finished one (done / collected)
# removed, a checkpoint after every change (asyncio's _all_tasks WeakSet).
for window in (1, 2, 3, 5, 8, 13):
    ops = []
    for t in range(1, 80):
        ops += ["+%d" % t, "?"]
        if t > window:
            ops += ["-%d" % (t - window), "?"]
    case("sliding window %d" % window, ops)
for k in range(60):
    live, ops, nxt = [], [], 1
    for _ in range(rng.randint(5, 150)):
        if live and rng.random() < 0.45:
            ops.append("-%d" % live.pop(rng.randrange(len(live))))
        else:
            live.append(nxt)
            ops.append("+%d" % nxt)
            nxt += 1
        ops.append("?")
    case("task churn #%d" % k, ops)

# 7. Resize corner cases.
case("one element churn", sum((["+%d" % v, "-%d" % v, "?"] for v in range(1, 40)), []))
case("same element churn", ["+5", "-5", "?"] * 20 + ["+5"])
case("shrink after discards", adds(range(1, 101)) + discards(range(1, 96)) + ["?"] + adds(range(200, 211)))
case("regrow after discard all", adds(range(1, 51)) + discards(range(1, 51)) + ["?"] + adds(range(51, 70)))
case("rediscover after dummy", adds([0, 8, 16, 24]) + discards([8]) + ["?"] + adds([24, 8, 32]))
case("re-add discarded", adds(range(1, 20)) + discards(range(1, 20, 2)) + ["?"] + adds(range(19, 0, -1)))

# 8. The live-task sets of tests/runtime/py_set_test.cpp's real runs (looked up by name), in
#    the order the tasks are handed to python_set_order.
case("run: tasks 1,8,9,10", adds([1, 8, 9, 10]))
case("run: tasks 10,9,8,1", adds([10, 9, 8, 1]))
case("run: tasks 1,100..139", adds([1] + list(range(100, 140))))
case("run: tasks 139..100,1", adds(list(range(139, 99, -1)) + [1]))

out = sys.stdout
out.write("// Generated by tools/gen_py_set_cases.py with CPython %s; do not edit.\n" % sys.version.split()[0])
out.write("// {name, ops, expected}: see the generator for the format.\n")
for name, ops, expected in cases:
    out.write('{"%s",\n "%s",\n "%s"},\n' % (name, ops, expected))
sys.stderr.write("%d cases\n" % len(cases))
