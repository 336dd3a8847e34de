#pragma once
// int and float arithmetic with CPython 3.11's semantics (Objects/longobject.c,
// Objects/floatobject.c), for LoopLab's 64-bit ints (SPEC 2: overflow is an error, never
// wraparound). Every function throws the Python exception CPython would raise, with its
// exact message; an int result that does not fit in 64 bits throws
// OverflowError(kIntOverflowMessage).
#include <cstdint>

#include "looplab/py/numeric_errors.hpp"

namespace looplab::py {

inline constexpr const char* kIntOverflowMessage = "integer overflow: LoopLab ints are 64-bit";

// ---- int ------------------------------------------------------------------------------
int64_t int_add(int64_t a, int64_t b);
int64_t int_sub(int64_t a, int64_t b);
int64_t int_mul(int64_t a, int64_t b);
int64_t int_neg(int64_t a);
int64_t int_abs(int64_t a);
// a // b and a % b: floor division, the remainder has the sign of b (long_divmod).
// ZeroDivisionError "integer division or modulo by zero" / "integer modulo by zero".
int64_t int_floordiv(int64_t a, int64_t b);
int64_t int_mod(int64_t a, int64_t b);
struct IntDivmod {
    int64_t quotient, remainder;
};
IntDivmod int_divmod(int64_t a, int64_t b);  // divmod(a, b)
// a / b: a correctly rounded float even when a or b exceed 2**53 (long_true_divide).
// ZeroDivisionError "division by zero".
double int_truediv(int64_t a, int64_t b);
// a ** b for b >= 0. (A negative exponent gives a float: use int_pow_float.)
int64_t int_pow(int64_t a, int64_t b);
// True when int ** int gives a float (negative exponent), as long_pow decides.
inline bool int_pow_is_float(int64_t exponent) { return exponent < 0; }
// a ** b with b < 0: float(a) ** float(b) (long_pow), "0.0 cannot be raised to a negative
// power" for a == 0.
double int_pow_float(int64_t a, int64_t b);
// a << b, a >> b: ValueError "negative shift count"; >> floors (arithmetic shift).
int64_t int_lshift(int64_t a, int64_t b);
int64_t int_rshift(int64_t a, int64_t b);
// int.bit_length().
int int_bit_length(int64_t a);

// ---- float ----------------------------------------------------------------------------
// ZeroDivisionError "float division by zero".
double float_truediv(double a, double b);
// a // b, a % b, divmod(a, b) (float_floor_div / float_rem / float_divmod: the remainder has
// the sign of b, zero results carry the right sign, the quotient is snapped to an integer).
double float_floordiv(double a, double b);
double float_mod(double a, double b);
struct FloatDivmod {
    double quotient, remainder;
};
FloatDivmod float_divmod(double a, double b);
// a ** b (float_pow): special cases of C99 Annex F done by hand as CPython does;
// ZeroDivisionError "0.0 cannot be raised to a negative power"; OverflowError
// "(34, 'Numerical result out of range')" when the result overflows. A negative base with
// a non-integer exponent gives a complex number in CPython; LoopLab has no complex type,
// so that raises ValueError (kComplexPowMessage).
double float_pow(double a, double b);
inline constexpr const char* kComplexPowMessage =
    "negative number raised to a fractional power gives a complex number, "
    "which LoopLab does not support";

// ---- mixed ----------------------------------------------------------------------------
// float(n) of an int (PyLong_AsDouble): correctly rounded, ties to even.
inline double int_to_float(int64_t n) { return static_cast<double>(n); }
// Exact comparison of an int and a float, as float_richcompare does (no rounding of the
// int): -1, 0 or 1; `unordered` is set (and 0 returned) when x is NaN.
int compare_int_float(int64_t n, double x, bool* unordered = nullptr);

}  // namespace looplab::py
