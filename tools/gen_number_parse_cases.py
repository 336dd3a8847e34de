#!/usr/bin/python3
"""Generate tests/interp/number_parse_cases.inc: int(s, base) and float(s) as CPython 3.11
parses them — the oracle for interp/src/number_parse.cpp (and, through the error messages,
for repr(str) in interp/src/unicode_text.cpp).

    /usr/bin/python3 tools/gen_number_parse_cases.py > tests/interp/number_parse_cases.inc

Sections:
  INT_PARSE_CASES   {text, base, result, error or nullptr}
  FLOAT_PARSE_CASES {text, result bits, error or nullptr}
Texts are written with the sv suffix: some hold NUL characters.
"""
import random

from gen_cases_util import bits, c_int, c_str, header, int_result, outcome, require_311

require_311("gen_number_parse_cases.py")
rng = random.Random(4300)

INT_TEXTS = {
    10: ["0", "123", "-123", "+5", " 42 ", "\t\n42\x0b\x0c\r", "1_000", "1__0", "_1", "1_", "00012", "٣",
         "１２３", "\u00a042\u2003", "42\x1c", "\x1c42", "1\x00", "\x001", "", " ", "-", "+-1", "- 1", "1e5",
         "1.0", "0x10", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
         "-9223372036854775809", "99999999999999999999999", "1" * 4300, "1" * 4301, "1_" * 4300 + "1",
         "x" * 300, "ab", "١٢٣", "12\u0663", "1\u00e9", "é", "'", "\"'", "a\\b", "\x7f1", "1 2",
         "18446744073709551616", "-0", "+0", "0_0", "1_2_3", " \u30001\u3000 ", "١_٢", "\U0001D7D9",
         "12\U0001F600", "\ud800", "\u2028", "9" * 19, "-" + "9" * 19],
    0: ["0x1F", "0X1f", "0o17", "0b101", "0_7", "010", "00", "0_0", "0x_1", "0x__1", "0x", "0b2", "0o8",
        " 0x10 ", "-0x10", "0B1_0", "7", "0", "-0", "08", "0_", "0x7fffffffffffffff", "0x8000000000000000",
        "-0x8000000000000000", "0b" + "1" * 64, "1_000", "0o_7", "00x1"],
    16: ["ff", "0xff", "FF", "0xG", "-0x_f", "0x", "0X_FF", "fF_fF", "0o7", "0b1", "g", "7fffffffffffffff",
         "ffffffffffffffff"],
    2: ["101", "0b101", "0B_1", "102", "2", "-1" + "0" * 63, "1" * 63],
    8: ["777", "0o777", "8", "0O_7", "-17"],
    36: ["zz", "ZZ", "z_z", "Python", "0x10", "1" * 13],
    3: ["210", "3", "1" * 4301],
}
for base in (2, 5, 7, 8, 10, 16, 36, 0):
    for _ in range(60):
        n = rng.randint(-2**63, 2**63 - 1) >> rng.randint(0, 62)
        b = base or rng.choice((2, 8, 10, 16))
        digits = ""
        m = abs(n)
        while True:
            digits = "0123456789abcdefghijklmnopqrstuvwxyz"[m % b] + digits
            m //= b
            if m == 0:
                break
        if rng.random() < 0.3 and len(digits) > 2:
            i = rng.randint(1, len(digits) - 1)
            digits = digits[:i] + "_" + digits[i:]
        if rng.random() < 0.3:
            digits = digits.upper()
        prefix = {2: "0b", 8: "0o", 16: "0x"}.get(b, "") if (base == 0 or rng.random() < 0.3) else ""
        if base == 0 and b == 10 and digits != "0":
            digits = digits.lstrip("0") or "0"
        text = ("-" if n < 0 else rng.choice(["", "+"])) + prefix + digits
        if rng.random() < 0.2:
            text = rng.choice([" ", "\t", "\n "]) + text + rng.choice([" ", "", "\r\n"])
        INT_TEXTS.setdefault(base, []).append(text)

FLOAT_TEXTS = ["1.5", " -2.5e-3 ", "inf", "-Infinity", "nAn", "+nan", "-nan", "infinit", "infinityy", "1e", "1e+",
               "1e+5", ".5", "5.", ".", "e5", "1_000.000_1", "1__0", "1_e5", "0x10", "1e400", "-1e400", "1e-400",
               "-1e-400", "4.9e-324", "2.4703282292062328e-324", "2.4703282292062327e-324",
               "1.7976931348623157e308", "1.7976931348623159e308", "0" * 500 + "1", "0." + "0" * 400 + "1e400",
               "1" * 400 + "e-400", "١٢.٥", "\u2003 1.5 \u3000", "1.5\x00", "1_0\x00abc", "1.5 x", "in f", "",
               "  ", "+", "-", "++1", "1e5.5", "1.2.3", "１.５", "1_0e1_0", "1e1_0", "1.5E+3", "1.5e-3_0",
               "_1.0", "1.0_", "1._0", "1_.0", "0_0.0_0", "Inf", "INFINITY", "+inFinity", "nan1", "1\u00a0",
               "\x1c1.5", "1.5\x1f", "0e999999999999999999", "1e-99999999999999999999",
               "1e99999999999999999999", "-0", "-0.0", "0.0000", "3.14159265358979323846264338327950288",
               "9007199254740993", "9007199254740992.5", "123456789012345678901234567890", ".e1", "1.e1",
               "-.5", "+.5e-1", "1e+-1", "١e٣", "12'", "é"]
for _ in range(400):
    x = rng.choice([rng.uniform(-1e6, 1e6), rng.random() * 10 ** rng.randint(-320, 308),
                    rng.getrandbits(53) * 2.0 ** rng.randint(-1100, 970)])
    FLOAT_TEXTS.append(rng.choice([repr(x), "%.20e" % x, "%.25g" % x, "%f" % x, "%.0f" % x]))
for _ in range(100):  # long decimal strings: correctly rounded parsing
    FLOAT_TEXTS.append("%d.%de%d" % (rng.getrandbits(120), rng.getrandbits(100), rng.randint(-360, 330)))

out = [header("gen_number_parse_cases.py")]
out.append("#if defined(INT_PARSE_CASES)\n")
for base, texts in INT_TEXTS.items():
    for text in texts:
        kind, v = outcome(lambda: int(text, base))
        if kind == "ok":
            kind, v = int_result(v)
        if kind == "ok":
            out.append("{%ssv, %d, %s, nullptr},\n" % (c_str(text), base, c_int(v)))
        else:
            out.append("{%ssv, %d, 0, %s},\n" % (c_str(text), base, c_str(v)))
for base in (1, -1, 37, 100):
    kind, v = outcome(lambda: int("1", base))
    out.append("{%ssv, %d, 0, %s},\n" % (c_str("1"), base, c_str(v)))
out.append("#elif defined(FLOAT_PARSE_CASES)\n")
for text in FLOAT_TEXTS:
    kind, v = outcome(lambda: float(text))
    if kind == "ok":
        out.append("{%ssv, %s, nullptr},\n" % (c_str(text), bits(v)))
    else:
        out.append("{%ssv, 0, %s},\n" % (c_str(text), c_str(v)))
out.append("#endif\n")
print("".join(out), end="")
