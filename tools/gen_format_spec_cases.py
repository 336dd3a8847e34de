#!/usr/bin/python3
"""Generate tests/interp/format_spec_cases.inc: format(value, spec) and `fmt % args` as
CPython 3.11 computes them — the oracle for interp/src/format_spec.cpp and
interp/src/percent_format.cpp.

    /usr/bin/python3 tools/gen_format_spec_cases.py > tests/interp/format_spec_cases.inc

Sections:
  FORMAT_CASES  {kind, int value, float bits, str value, spec, result, error or nullptr}
                kind: 'i' int, 'b' bool, 'f' float, 's' str
  PERCENT_CASES {fmt, mode, nargs, {args...}, result, error or nullptr}
                mode: 't' tuple, '1' a single non-tuple argument, 'd' dict (args carry keys),
                'l' a single list [1, 2] (a mapping in PyMapping_Check's sense);
                arg: {kind, int, float bits, str, key}, kind 'i' int, 'b' bool, 'f' float,
                's' str, 'n' None
"""
import random

from gen_cases_util import INT64_MAX, INT64_MIN, bits, c_int, c_str, header, outcome, require_311

require_311("gen_format_spec_cases.py")
rng = random.Random(3101)

INTS = [0, 1, -1, 7, 42, -42, 255, -255, 1234567, -1234567, 65, 0x1F600, 1114111, 1114112, 10**15,
        INT64_MAX, INT64_MIN, 4096, -65536]
FLOATS = [0.0, -0.0, 1.5, -1.5, 3.14159, 1234567.891, -1234567.891, 1e-7, 1e16, 1e300, float("inf"),
          float("-inf"), float("nan"), 0.5, 2.5, 123456789.0, 5e-324, 0.1, -0.001, 9.999999, 1e22, 0.000123456,
          -0.0000001, 99.995, 1.0, 100.0, 12345.6789e10]
STRS = ["", "a", "hello", "héllo", "中文字", "😀x", "Українська", "tab\tnl\n", "ab" * 12]
BOOLS = [True, False]

FILL_ALIGN = ["", "<", ">", "^", "=", "*<", "*>", "*^", "*=", "0<", "0>", "0=", "0^", "x^", "é>", "😀<", " >",
              "{<", "<<", "=^", ".<"]
SIGNS = ["", "+", "-", " "]
WIDTHS = ["", "0", "1", "5", "8", "13", "20", "٣"]
GROUPS = ["", ",", "_"]
PRECS = ["", ".0", ".1", ".2", ".3", ".6", ".12", ".17", ".25", ".٢"]
TYPES = {
    "i": ["", "d", "b", "o", "x", "X", "c", "n", "e", "E", "f", "F", "g", "G", "%", "s", "r", "a", "é"],
    "b": ["", "d", "x", "c", "f", "s", "n"],
    "f": ["", "e", "E", "f", "F", "g", "G", "n", "%", "d", "s", "x", "c"],
    "s": ["", "s", "d", "r", "f"],
}
ERROR_SPECS = ["abc", ".", ".x", ",_", "_,", ",,", "__", "10.", "%%", "\x01", "1" * 25, ".1" + "1" * 25,
               "z", "#", "+", " ", "=", "0", "z#", "é", ",s", "_c", "_n", ",n", "^^^", "<10.2ff"]


VALID_TYPES = {"i": "dboxXcn" + "eEfFgG%" + "ddd", "b": "dxfn", "f": "eEfFgGn%" + "   ", "s": "s   "}


def random_spec(kind):
    # Mostly valid specs (so most cases format something), some invalid combinations.
    t = rng.choice(VALID_TYPES[kind]).strip() if rng.random() < 0.85 else rng.choice(TYPES[kind])
    numeric = kind == "f" or t in "eEfFgG%" and t
    prec = rng.choice(PRECS) if (numeric or kind == "s" or rng.random() < 0.1) else ""
    sign = rng.choice(SIGNS) if kind != "s" or rng.random() < 0.1 else ""
    group = rng.choice(GROUPS) if rng.random() < 0.4 else ""
    parts = [rng.choice(FILL_ALIGN), sign, "z" if rng.random() < 0.15 else "", "#" if rng.random() < 0.2 else "",
             "0" if rng.random() < 0.25 else "", rng.choice(WIDTHS), group, prec, t]
    return "".join(parts)


cases = []


def add(kind, value, spec):
    kind_, v = outcome(lambda: format(value, spec))
    cases.append((kind, value, spec, kind_, v))


for kind, values in (("i", INTS), ("b", BOOLS), ("f", FLOATS), ("s", STRS)):
    for spec in ERROR_SPECS + [""]:
        for value in values[:4]:
            add(kind, value, spec)
    for t in TYPES[kind]:
        for value in values:
            add(kind, value, t)
    for _ in range({"i": 1100, "b": 150, "f": 1600, "s": 400}[kind]):
        spec = random_spec(kind)
        for value in rng.sample(values, 2):
            add(kind, value, spec)

out = [header("gen_format_spec_cases.py")]
out.append("#if defined(FORMAT_CASES)\n")
for kind, value, spec, k, v in cases:
    ival = c_int(int(value)) if kind in "ib" else "0"
    fbits = bits(value) if kind == "f" else "0"
    sval = c_str(value) if kind == "s" else '""'
    res = "%ssv, nullptr" % c_str(v) if k == "ok" else '""sv, %s' % c_str(v)
    out.append("{'%s', %s, %s, %s, %s, %s},\n" % (kind, ival, fbits, sval, c_str(spec), res))

# ---- printf-style ---------------------------------------------------------------------
ARG_VALUES = [("i", 5), ("i", -42), ("i", 255), ("i", 0), ("i", INT64_MIN), ("i", 0x1F600), ("i", 1114112),
              ("b", True), ("f", 3.14159), ("f", -0.5), ("f", 1e15), ("f", float("nan")), ("f", float("-inf")),
              ("f", 2.5), ("s", "abc"), ("s", "é"), ("s", "x'y"), ("s", "中文"), ("s", ""), ("n", None)]


def c_arg(a, key=""):
    kind, v = a
    return "{'%s', %s, %s, %s, %s}" % (kind, c_int(int(v)) if kind in "ib" else "0",
                                        bits(v) if kind == "f" else "0", c_str(v) if kind == "s" else '""',
                                        c_str(key))


percent = []


def add_percent(fmt, mode, args, keys=None):
    pyargs = [v for _, v in args]
    if mode == "t":
        rhs = tuple(pyargs)
    elif mode == "1":
        rhs = pyargs[0]
    elif mode == "d":
        rhs = dict(zip(keys, pyargs))
    else:
        rhs = [1, 2]
    k, v = outcome(lambda: fmt % rhs)
    percent.append((fmt, mode, args, keys or [""] * len(args), k, v))


HAND = [("%s", "t", [("i", 5)]), ("%d%%", "1", [("i", 50)]), ("%5%", "t", []), ("%5%", "t", [("s", "x")]),
        ("%z", "1", [("i", 1)]), ("%z", "t", []), ("abc", "l", []), ("abc", "1", [("i", 5)]), ("%", "1", [("i", 5)]),
        ("%d", "1", [("s", "x")]), ("%x", "1", [("f", 1.5)]), ("%f", "1", [("s", "x")]), ("%c", "1", [("f", 1.5)]),
        ("%c", "1", [("s", "ab")]), ("%c", "1", [("s", "é")]), ("%d", "1", [("f", float("nan"))]),
        ("%d", "1", [("f", float("inf"))]), ("%d", "1", [("f", -3.9)]), ("%(a)s", "1", [("i", 5)]),
        ("%#X", "1", [("i", 255)]), ("%#010x", "1", [("i", 255)]), ("%-#10o|", "1", [("i", 8)]),
        ("%+05d", "1", [("i", 3)]), ("% 05.1f", "1", [("f", 3.0)]), ("%s %s", "t", [("i", 1)]),
        ("%s", "t", [("i", 1), ("i", 2)]), ("%*d", "t", [("i", 5), ("i", 42)]), ("%-*d|", "t", [("i", -6), ("i", 42)]),
        ("%.*f", "t", [("i", 2), ("f", 3.14159)]), ("%.*f", "t", [("i", -2), ("f", 3.14159)]),
        ("%*d", "t", [("s", "x"), ("i", 42)]), ("%.*s", "t", [("i", 2), ("s", "abcdef")]), ("%ld %hd %Li", "t",
        [("i", 1), ("i", 2), ("i", 3)]), ("%r", "1", [("s", "x'y")]), ("%a", "1", [("s", "é😀")]),
        ("%-5c|", "1", [("i", 65)]), ("%5c|", "1", [("s", "中")]), ("%.1c", "1", [("i", 66)]), ("%\x01", "1", [("i", 1)]),
        ("%é", "1", [("i", 1)]), ("é%s中", "1", [("s", "文")]), ("%5", "1", [("i", 1)]), ("%.", "1", [("i", 1)]),
        ("%(", "d", [("i", 1)], ["a"]), ("%(a", "d", [("i", 1)], ["a"]), ("%(a)s %(b)d", "d", [("s", "x"), ("i", 7)], ["a", "b"]),
        ("%(a)s %s", "d", [("i", 1)], ["a"]), ("%(a(b))s", "d", [("i", 1)], ["a(b)"]), ("%(x)s", "d", [("i", 1)], ["a"]),
        ("%s", "d", [("i", 1)], ["a"]), ("abc", "d", [("i", 1)], ["a"]), ("%(a)-5d|", "d", [("i", 3)], ["a"]),
        ("%(a)*d", "d", [("i", 3)], ["a"]), ("%s", "l", []), ("%(a)s", "l", []), ("%d", "1", [("n", None)]),
        ("%o", "1", [("b", True)]), ("%e", "1", [("i", 12345)]), ("%#g|%#.0f|%#.0e", "t", [("f", 1.0)] * 3),
        ("%g %G %e %E %f %F", "t", [("f", 1e-5), ("f", 1e20), ("f", 0.5), ("f", float("inf")), ("f", float("nan")),
        ("f", -0.0)]), ("%x %X %o", "t", [("i", -255), ("i", -255), ("i", -8)]), ("%.3d|%.3x|%#.3o", "t",
        [("i", -5), ("i", 10), ("i", 8)]), ("%08.3f|%-8.3e|%+.2g", "t", [("f", -3.14159), ("f", 3.14159), ("f", 3.14159)])]
for h in HAND:
    add_percent(*h)
FLAGS = ["", "-", "+", " ", "#", "0", "-0", "+0", " #", "#0", "-+ #0"]
for _ in range(1500):
    conv = rng.choice("sdiuoxXeEfFgGcra")
    spec = "%" + rng.choice(FLAGS) + rng.choice(["", "5", "12", "*", "0"]) + rng.choice(["", ".2", ".0", ".*", ".10"]) \
        + rng.choice(["", "", "", "l"]) + conv
    args = []
    fmt = rng.choice(["", "x=", "é "]) + spec + rng.choice(["", "|", " end"])
    if "*" in spec:
        args += [("i", rng.choice([-7, 0, 3, 9]))] * spec.count("*")
    args.append(rng.choice(ARG_VALUES))
    add_percent(fmt, "t", args)

out.append("#elif defined(PERCENT_CASES)\n")
for fmt, mode, args, keys, k, v in percent:
    arg_text = ", ".join(c_arg(a, key) for a, key in zip(args, keys)) or "{}"
    res = "%ssv, nullptr" % c_str(v) if k == "ok" else '""sv, %s' % c_str(v)
    out.append("{%s, '%s', %d, {%s}, %s},\n" % (c_str(fmt), mode, len(args), arg_text, res))
out.append("#endif\n")
print("".join(out), end="")
