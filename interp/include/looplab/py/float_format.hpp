#pragma once
// float -> text and rounding, bit-identical to CPython 3.11 (Python/pystrtod.c,
// Objects/floatobject.c). Digits come from std::to_chars, which gives the same digits as
// CPython's _Py_dg_dtoa: the shortest round-tripping digits (mode 0) and correctly rounded,
// round-half-even digits for a given precision (modes 2 and 3); the layout rules on top are
// a line-by-line port of format_float_short.
//
// This header also brings in the rest of the numeric primitives: arith.hpp (int/float
// arithmetic with Python's semantics, 64-bit overflow checks) and number_parse.hpp
// (int(str, base) and float(str)).
#include <cstdint>
#include <string>

#include "looplab/py/arith.hpp"
#include "looplab/py/number_parse.hpp"
#include "looplab/py/numeric_errors.hpp"

namespace looplab::py {

// Flags of PyOS_double_to_string (Include/pystrtod.h).
enum DoubleToStringFlags : int {
    kDtsfSign = 0x01,      // always add a sign ('+' for non-negative values)
    kDtsfAddDot0 = 0x02,   // make the result not look like an integer ("1.0")
    kDtsfAlt = 0x04,       // '#' alternate form: keep the decimal point / trailing zeros
    kDtsfNoNeg0 = 0x08,    // 'z': a result that rounds to zero prints without '-'
};

// PyOS_double_to_string: format_code is one of "eEfFgGr"; for 'r' precision must be 0.
// 'e': precision digits after the point; 'f': precision digits after the point;
// 'g': precision significant digits (0 means 1); 'r': repr's shortest digits.
std::string double_to_string(double value, char format_code, int precision, int flags = 0);

// repr(x) and str(x) of a float: '1.0', '0.1', '1e+16', '1e-05', 'inf', '-inf', 'nan', '-0.0'.
std::string float_repr(double x);

// round(x, ndigits) (float___round___impl / double_round): correctly rounded through the
// decimal string, ties to even. NaN and infinities round to themselves. Raises
// OverflowError "rounded value too large to represent" (e.g. round(1.7e308, -308)).
double float_round(double x, int64_t ndigits);
// round(x) with no ndigits: the nearest integer, ties to even, as an int. Raises
// ValueError "cannot convert float NaN to integer", OverflowError "cannot convert float
// infinity to integer", and OverflowError (kIntOverflowMessage) beyond 64 bits.
int64_t float_round_to_int(double x);
// int(x) of a float: truncation toward zero, same errors as float_round_to_int.
int64_t float_to_int(double x);
// round(n, ndigits) of an int (long_round): n itself when ndigits >= 0, else the nearest
// multiple of 10**-ndigits, ties to even.
int64_t int_round(int64_t n, int64_t ndigits);

}  // namespace looplab::py
