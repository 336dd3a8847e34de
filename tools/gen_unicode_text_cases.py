#!/usr/bin/python3
"""Generate tests/interp/unicode_text_cases.inc: repr(str) and the character properties
str.isspace(), unicodedata.decimal() and str.isprintable() as CPython 3.11 gives them — the
oracle for interp/src/unicode_text.cpp.

    /usr/bin/python3 tools/gen_unicode_text_cases.py > tests/interp/unicode_text_cases.inc

Sections:
  REPR_CASES {text, repr}
  CHAR_CASES {code point, isspace, decimal or -1, isprintable}
"""
import random
import unicodedata

from gen_cases_util import c_str, header, require_311

require_311("gen_unicode_text_cases.py")
rng = random.Random(393)

POOLS = [range(0x20, 0x7F), range(0, 0x20), [0x7F, 0x80, 0x85, 0x9F, 0xA0, 0xAD], range(0xA1, 0x100),
         range(0x400, 0x500), range(0x4E00, 0x4F00), range(0x1F600, 0x1F650), [0x378, 0x200B, 0x2028, 0xD800,
         0xDFFF, 0xE000, 0xFFFE, 0xFFFF, 0xE0001, 0x10FFFF, 0x3000, 0x1680, 0x061C], [0x27, 0x22, 0x5C]]
texts = ["", "a", "'", '"', "'\"", "it's", 'say "hi"', "both ' and \"", "\\", "\t\n\r", "\x00\x01\x1f\x7f", "é",
         "中文", "Українська", "😀", "\u200b", "\ud800", "\U000e0001", "\x85\xa0\xad", "a\u0300", "\U0010ffff",
         "\uffff", "\ue000"]
for _ in range(500):
    texts.append("".join(chr(rng.choice(rng.choice(POOLS))) for _ in range(rng.randint(1, 12))))

chars = set(range(0, 0x3000, 3)) | set(range(0x10000, 0x110000, 997)) | {c for p in POOLS for c in p}
chars |= {rng.randint(0, 0x10FFFF) for _ in range(3000)}
chars |= {c for c in range(0x110000) if chr(c).isspace() or unicodedata.decimal(chr(c), -1) >= 0}

out = [header("gen_unicode_text_cases.py"), "#if defined(REPR_CASES)\n"]
out += ["{%ssv, %ssv},\n" % (c_str(t), c_str(repr(t))) for t in texts]
out.append("#elif defined(CHAR_CASES)\n")
for c in sorted(chars):
    ch = chr(c)
    out.append("{0x%X, %d, %d, %d},\n" % (c, ch.isspace(), unicodedata.decimal(ch, -1), ch.isprintable()))
out.append("#endif\n")
print("".join(out), end="")
