#pragma once
// int(str, base) and float(str) with CPython 3.11's accepted syntax and error messages
// (Objects/longobject.c PyLong_FromUnicodeObject / PyLong_FromString, Objects/floatobject.c
// PyFloat_FromString, Python/pystrtod.c, Python/dtoa.c _Py_dg_strtod).
//
// Accepted like CPython: surrounding whitespace (any Unicode whitespace, but the ASCII
// separators \x1c-\x1f are not skipped), Unicode decimal digits ('١٢٣' is 123), one
// underscore between digits, a sign, 0x/0o/0b prefixes (base 0, or the matching base),
// "inf"/"infinity"/"nan" in any case for float. Errors: ValueError
// "invalid literal for int() with base 10: 'x'" (repr cut to 200 characters),
// "could not convert string to float: 'x'", "int() base must be >= 2 and <= 36, or 0",
// CPython's 4300-digit limit message for longer decimal strings, and
// OverflowError(kIntOverflowMessage) for a valid int literal beyond 64 bits.
#include <cstdint>
#include <string_view>

namespace looplab::py {

// int(text, base); base 10 is what int(text) uses.
int64_t int_from_string(std::string_view utf8, int base = 10);
// float(text).
double float_from_string(std::string_view utf8);

}  // namespace looplab::py
