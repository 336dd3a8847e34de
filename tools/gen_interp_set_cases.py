#!/usr/bin/python3
"""Generate tests/interp/set_cases.inc: CPython 3.11's iteration order for sets built by
sequences of set operations, the oracle for interp/src/set.cpp and set_methods.cpp.

Run with the reference interpreter (CPython 3.11) and PYTHONHASHSEED=0 (str hashes):
    PYTHONHASHSEED=0 /usr/bin/python3 tools/gen_interp_set_cases.py > tests/interp/set_cases.inc

A case is a program of operations, one per ';', on sets named by single letters:
  new a              a = set()
  add a V            a.add(V)            discard a V    a.discard(V)
  pop a              record a.pop()
  list a V V ...     a = set([V, V, ...])
  frozen a V V ...   a = frozenset([V, V, ...])
  const a V V ...    a = {V, V, ...}     (a display of 3+ constants: folded into a frozenset)
  copy a b           a = b.copy()
  op a b X c         a = b X c           (X one of | & - ^)
  iop a X b          a X= b
  meth a b NAME c    a = b.NAME(c)       (union, intersection, difference,
                                          symmetric_difference with a set argument)
  methl a b NAME V.. a = b.NAME([V, ...]) (the same with a list argument)
  upd a NAME V ...   a.NAME([V, ...])    (update, intersection_update, difference_update,
                                          symmetric_difference_update)
  dict a V V ...     a = set({V: None, ...})   (set_update_internal's dict path)
  show a             record list(a)
Values: ints, or s:TEXT for the str TEXT. `expected` is the records, each a
space-separated list of values, separated by ';'.
"""
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_cases_util import header, require_311  # noqa: E402

require_311("gen_interp_set_cases.py")
if os.environ.get("PYTHONHASHSEED") != "0":
    sys.exit("gen_interp_set_cases.py: run it with PYTHONHASHSEED=0")


NAME_LIKE = re.compile(r"[A-Za-z0-9_]*")
KEEP_INTERNED = []


def val(tok):
    return tok[2:] if tok.startswith("s:") else int(tok)


def enc(v):
    return "s:" + v if isinstance(v, str) else str(v)


def run(program):
    sets, records = {}, []
    for op in program:
        t = op.split()
        k = t[0]
        if k == "new":
            sets[t[1]] = set()
        elif k == "add":
            sets[t[1]].add(val(t[2]))
        elif k == "discard":
            sets[t[1]].discard(val(t[2]))
        elif k == "pop":
            records.append([sets[t[1]].pop()])
        elif k == "list":
            sets[t[1]] = set([val(x) for x in t[2:]])
        elif k == "frozen":
            sets[t[1]] = frozenset([val(x) for x in t[2:]])
        elif k == "const":
            # Built by real source so the compiler's constant folding is what is measured.
            # Interning every name-like str first makes intern_string_constants replace it
            # (and rebuild the frozenset once more) exactly when the case has one; the C++
            # side passes reinterned = "has a name-like str of 2+ characters". Single
            # characters and "" are interned singletons, so displays avoid them.
            items = [val(x) for x in t[2:]]
            assert len(items) >= 3 and not any(isinstance(v, str) and len(v) < 2 for v in items)
            for v in items:
                if isinstance(v, str) and NAME_LIKE.fullmatch(v):
                    KEEP_INTERNED.append(sys.intern("".join(["", v])))  # mortal until kept
            sets[t[1]] = eval("{" + ", ".join(repr(v) for v in items) + "}")
        elif k == "copy":
            sets[t[1]] = sets[t[2]].copy()
        elif k == "op":
            b, x, c = sets[t[2]], t[3], sets[t[4]]
            sets[t[1]] = {"|": b | c, "&": b & c, "-": b - c, "^": b ^ c}[x]
        elif k == "iop":
            a, x, b = sets[t[1]], t[2], sets[t[3]]
            if x == "|":
                a |= b
            elif x == "&":
                a &= b
            elif x == "-":
                a -= b
            else:
                a ^= b
            sets[t[1]] = a
        elif k == "meth":
            sets[t[1]] = getattr(sets[t[2]], t[3])(sets[t[4]])
        elif k == "methl":
            sets[t[1]] = getattr(sets[t[2]], t[3])([val(x) for x in t[4:]])
        elif k == "upd":
            getattr(sets[t[1]], t[2])([val(x) for x in t[3:]])
        elif k == "dict":
            sets[t[1]] = set({val(x): None for x in t[2:]})
        elif k == "show":
            records.append(list(sets[t[1]]))
        else:
            raise ValueError(op)
    return ";".join(" ".join(enc(v) for v in r) for r in records)


cases = []


def case(name, program):
    cases.append((name, "; ".join(program), run(program)))


rng = random.Random(311)
WORDS = ["a", "b", "c", "x", "y", "z", "spam", "eggs", "Task-1", "Task-2", "done", "pending",
         "worker", "queue", "lock", "\u4e2d\u6587", "\u0443\u043a\u0440", "", "ab", "ba"]


def rint(hi=100):
    return str(rng.randint(-hi, hi))


def rval(mix):
    if mix == "int":
        return rint(rng.choice([10, 100, 2**40]))
    if mix == "str":
        return "s:" + rng.choice(WORDS) + rng.choice(["", "", str(rng.randint(0, 50))])
    return rval(rng.choice(["int", "str"]))


def values(n, mix):
    return [rval(mix) for _ in range(n)]


# 1. Displays of constants (frozenset folding), against the same values added one by one.
for vs in (["5", "3", "17", "33", "1"], ["1", "2", "3"], ["-1", "-2", "0"], ["s:ab", "s:bc", "s:cd"],
           ["8", "16", "24", "32", "40", "48"], ["s:xx", "1", "s:y-y", "2"]):
    case("display {%s}" % ", ".join(vs), ["const a " + " ".join(vs), "show a",
                                         "list b " + " ".join(vs), "show b"])
for k in range(60):
    mix = rng.choice(["int", "str", "mixed"])
    vs = [v for v in values(rng.randint(3, 30), mix) if not v.startswith("s:") or len(v) >= 4]
    while len(vs) < 3:
        vs.append(rint())
    case("display #%d" % k, ["const a " + " ".join(vs), "show a", "add a " + rval(mix), "show a"])

# 2. Negative ints (hash(-1) == -2), strs and mixtures added and discarded, with pops.
for k in range(120):
    mix = rng.choice(["int", "str", "mixed"])
    prog = ["new a"]
    pool = values(rng.randint(1, 40), mix)
    for j in range(rng.randint(1, 120)):
        r = rng.random()
        if r < 0.6:
            prog.append("add a " + rng.choice(pool))
        elif r < 0.85:
            prog.append("discard a " + rng.choice(pool))
        elif r < 0.92:
            prog += ["show a"]
        else:
            prog += ["add a " + rng.choice(pool), "pop a"]
    prog.append("show a")
    case("churn %s #%d" % (mix, k), prog)

# 3. pop order (the finger) on its own.
for k in range(30):
    vs = values(rng.randint(1, 40), "mixed")
    prog = ["list a " + " ".join(vs)] + ["pop a"] * rng.randint(1, len(set(map(val, vs))))
    prog += ["add a " + rval("int"), "show a"]
    case("pops #%d" % k, prog)

# 4. Set algebra: operators, in-place operators, methods, copies, dict updates.
for k in range(250):
    mix = rng.choice(["int", "int", "str", "mixed"])
    n1, n2 = rng.choice([(2, 3), (5, 5), (1, 20), (20, 1), (10, 40), (40, 3), (60, 60), (3, 100)])
    p = values(n1, mix)
    q = values(n2, mix) + rng.sample(p, min(len(p), rng.randint(0, 5)))
    prog = ["list b " + " ".join(p), "list c " + " ".join(q)]
    if rng.random() < 0.3:
        prog.append("discard b " + rng.choice(p))
    kind = rng.randrange(7)
    if kind == 0:
        x = rng.choice("|&-^")
        prog += ["op a b %s c" % x, "show a", "op d c %s b" % x, "show d"]
    elif kind == 1:
        x = rng.choice("|&-^")
        prog += ["iop b %s c" % x, "show b"]
    elif kind == 2:
        m = rng.choice(["union", "intersection", "difference", "symmetric_difference"])
        prog += ["meth a b %s c" % m, "show a", "methl d b %s %s" % (m, " ".join(q)), "show d"]
    elif kind == 3:
        m = rng.choice(["update", "intersection_update", "difference_update",
                        "symmetric_difference_update"])
        prog += ["upd b %s %s" % (m, " ".join(q)), "show b"]
    elif kind == 4:
        prog += ["copy a b", "show a", "add a " + rval(mix), "show a"]
    elif kind == 5:
        prog += ["dict a " + " ".join(p), "show a", "iop a | c", "show a"]
    else:
        prog += ["frozen f " + " ".join(p), "op a f | c", "show a", "op d c & f", "show d"]
    case("algebra %s #%d" % (mix, k), prog)

out = sys.stdout
out.write(header("gen_interp_set_cases.py"))
out.write("// {name, program, expected}: see the generator for the format.\n")
for name, program, expected in cases:
    out.write("{%s,\n %s,\n %s},\n" % tuple(
        '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"' for s in (name, program, expected)))
sys.stderr.write("%d cases\n" % len(cases))
