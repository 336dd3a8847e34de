// int and float arithmetic as CPython 3.11 (Objects/longobject.c, Objects/floatobject.c),
// with 64-bit ints whose overflow is an error (SPEC 2).
#include "looplab/py/arith.hpp"

#include <cerrno>
#include <cmath>

namespace looplab::py {

namespace {

[[noreturn]] void overflow() { throw OverflowError(kIntOverflowMessage); }

constexpr double kTwo63 = 9223372036854775808.0;  // 2**63, exact

// DOUBLE_IS_ODD_INTEGER (floatobject.c): x is finite and an odd integer.
bool double_is_odd_integer(double x) { return std::fmod(std::fabs(x), 2.0) == 1.0; }

}  // namespace

// ---- int ------------------------------------------------------------------------------

int64_t int_add(int64_t a, int64_t b) {
    int64_t r;
    if (__builtin_add_overflow(a, b, &r)) overflow();
    return r;
}

int64_t int_sub(int64_t a, int64_t b) {
    int64_t r;
    if (__builtin_sub_overflow(a, b, &r)) overflow();
    return r;
}

int64_t int_mul(int64_t a, int64_t b) {
    int64_t r;
    if (__builtin_mul_overflow(a, b, &r)) overflow();
    return r;
}

int64_t int_neg(int64_t a) {
    if (a == INT64_MIN) overflow();
    return -a;
}

int64_t int_abs(int64_t a) { return a < 0 ? int_neg(a) : a; }

IntDivmod int_divmod(int64_t a, int64_t b) {
    if (b == 0) throw ZeroDivisionError("integer division or modulo by zero");
    if (b == -1) return {int_neg(a), 0};  // also avoids INT64_MIN / -1, which C leaves undefined
    // l_divmod: C truncates toward zero; Python floors, so the remainder takes b's sign.
    int64_t q = a / b, r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) {
        r += b;
        q -= 1;
    }
    return {q, r};
}

int64_t int_floordiv(int64_t a, int64_t b) { return int_divmod(a, b).quotient; }

int64_t int_mod(int64_t a, int64_t b) {
    // long_mod has its own message in 3.11 (divmod and // share the other one).
    if (b == 0) throw ZeroDivisionError("integer modulo by zero");
    if (b == -1) return 0;
    return int_divmod(a, b).remainder;
}

double int_truediv(int64_t a, int64_t b) {
    if (b == 0) throw ZeroDivisionError("division by zero");
    constexpr int64_t kExact = int64_t(1) << 53;
    if (a > -kExact && a < kExact && b > -kExact && b < kExact) {
        // Both exact as doubles: one correctly rounded division (0 / -5 gives -0.0, as in
        // long_true_divide's fast path).
        return static_cast<double>(a) / static_cast<double>(b);
    }
    // long_true_divide's exact path, in 128-bit arithmetic: take a quotient of at least 62
    // bits, fold the remainder into a sticky bit, and let the one conversion round.
    const bool negative = (a < 0) != (b < 0);
    const unsigned __int128 ua = a < 0 ? -static_cast<unsigned __int128>(a) : static_cast<unsigned __int128>(a);
    const unsigned __int128 ub = b < 0 ? -static_cast<unsigned __int128>(b) : static_cast<unsigned __int128>(b);
    if (ua == 0) return negative ? -0.0 : 0.0;
    int bits = 0;
    for (unsigned __int128 t = ua; t != 0; t >>= 1) ++bits;
    const int shift = 127 - bits;  // ua << shift < 2**127
    const unsigned __int128 n = ua << shift;
    unsigned __int128 q = n / ub;
    if (n % ub != 0) q |= 1;  // q >= 2**62: the sticky bit lies below the rounding bit
    const double result = std::ldexp(static_cast<double>(q), -shift);
    return negative ? -result : result;
}

int64_t int_pow(int64_t a, int64_t b) {
    if (b < 0) throw ValueError("int_pow: negative exponent (use int_pow_float)");
    int64_t result = 1;
    int64_t base = a;
    while (b != 0) {
        if (b & 1) result = int_mul(result, base);
        b >>= 1;
        // Squaring only when a higher bit needs it: if it overflows, so would the result
        // (|base| >= 2 here; -1, 0 and 1 never overflow).
        if (b != 0) base = int_mul(base, base);
    }
    return result;
}

double int_pow_float(int64_t a, int64_t b) {
    // long_pow hands a negative exponent to float_pow.
    return float_pow(static_cast<double>(a), static_cast<double>(b));
}

int64_t int_lshift(int64_t a, int64_t b) {
    if (b < 0) throw ValueError("negative shift count");
    if (a == 0) return 0;
    if (b >= 64) overflow();
    const __int128 r = static_cast<__int128>(a) * (static_cast<__int128>(1) << b);
    if (r > INT64_MAX || r < INT64_MIN) overflow();
    return static_cast<int64_t>(r);
}

int64_t int_rshift(int64_t a, int64_t b) {
    if (b < 0) throw ValueError("negative shift count");
    if (b >= 64) return a < 0 ? -1 : 0;
    return a >> b;  // arithmetic shift = floor division by 2**b (GCC defines it)
}

int int_bit_length(int64_t a) {
    const uint64_t u = a < 0 ? 0 - static_cast<uint64_t>(a) : static_cast<uint64_t>(a);
    return u == 0 ? 0 : 64 - __builtin_clzll(u);
}

// ---- float ----------------------------------------------------------------------------

double float_truediv(double a, double b) {
    if (b == 0.0) throw ZeroDivisionError("float division by zero");
    return a / b;
}

namespace {

// _float_div_mod (floatobject.c).
FloatDivmod float_div_mod(double vx, double wx) {
    double mod = std::fmod(vx, wx);
    // fmod is exact, so vx - mod is mathematically a multiple of wx; the division may still
    // be inexact, hence the snapping below.
    double div = (vx - mod) / wx;
    if (mod != 0) {
        // The remainder takes the sign of the denominator.
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        // A zero remainder: platforms disagree on its sign, so take the denominator's.
        mod = std::copysign(0.0, wx);
    }
    double floordiv;
    if (div != 0) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
        // A zero quotient gets the sign of the true quotient.
        floordiv = std::copysign(0.0, vx / wx);
    }
    return {floordiv, mod};
}

}  // namespace

double float_floordiv(double a, double b) {
    if (b == 0.0) throw ZeroDivisionError("float floor division by zero");
    return float_div_mod(a, b).quotient;
}

double float_mod(double a, double b) {
    if (b == 0.0) throw ZeroDivisionError("float modulo");
    // float_rem: same sign rules as _float_div_mod, without the quotient.
    double mod = std::fmod(a, b);
    if (mod != 0) {
        if ((b < 0) != (mod < 0)) mod += b;
    } else {
        mod = std::copysign(0.0, b);
    }
    return mod;
}

FloatDivmod float_divmod(double a, double b) {
    if (b == 0.0) throw ZeroDivisionError("float divmod()");
    return float_div_mod(a, b);
}

double float_pow(double iv, double iw) {
    // float_pow: the special cases are sorted out by hand rather than trusting libm.
    if (iw == 0) return 1.0;                 // v**0 is 1, even 0**0 and nan**0
    if (std::isnan(iv)) return iv;           // nan**w = nan unless w == 0
    if (std::isnan(iw)) return iv == 1.0 ? 1.0 : iw;  // 1**nan = 1
    if (std::isinf(iw)) {
        // v**inf: 0 if |v| < 1, 1 if |v| == 1, inf if |v| > 1; v**-inf the reverse.
        iv = std::fabs(iv);
        if (iv == 1.0) return 1.0;
        if ((iw > 0.0) == (iv > 1.0)) return std::fabs(iw);
        return 0.0;
    }
    if (std::isinf(iv)) {
        // (+-inf)**w: inf for w > 0, 0 for w < 0, with v's sign when w is an odd integer.
        const bool odd = double_is_odd_integer(iw);
        if (iw > 0.0) return odd ? iv : std::fabs(iv);
        return odd ? std::copysign(0.0, iv) : 0.0;
    }
    if (iv == 0.0) {
        const bool odd = double_is_odd_integer(iw);
        if (iw < 0.0) throw ZeroDivisionError("0.0 cannot be raised to a negative power");
        return odd ? iv : 0.0;  // keeps the sign of -0.0 for odd w
    }
    bool negate_result = false;
    if (iv < 0.0) {
        if (iw != std::floor(iw)) {
            // CPython returns a complex number here (complex_pow).
            throw ValueError(kComplexPowMessage);
        }
        // iw is an exact (maybe huge) integer: use |v| and fix the sign for odd w.
        iv = -iv;
        negate_result = double_is_odd_integer(iw);
    }
    if (iv == 1.0) return negate_result ? -1.0 : 1.0;  // (-1)**huge is exact, whatever libm says
    errno = 0;
    double ix = std::pow(iv, iw);
    // _Py_ADJUST_ERANGE1: an infinite result is an overflow; underflow to 0 is fine.
    if (errno == 0 && std::isinf(ix)) errno = ERANGE;
    else if (errno == ERANGE && ix == 0.0) errno = 0;
    if (negate_result) ix = -ix;
    if (errno == ERANGE) throw OverflowError("(34, 'Numerical result out of range')");
    if (errno != 0) throw ValueError("(33, 'Numerical argument out of domain')");
    return ix;
}

// ---- mixed ----------------------------------------------------------------------------

int compare_int_float(int64_t n, double x, bool* unordered) {
    if (unordered) *unordered = false;
    if (std::isnan(x)) {
        if (unordered) *unordered = true;
        return 0;
    }
    // float_richcompare compares exactly; every double >= 2**53 is an integer, so an
    // int64 comparison on floor(x) plus the fraction decides.
    if (x >= kTwo63) return -1;
    if (x < -kTwo63) return 1;
    const double fx = std::floor(x);
    const int64_t i = static_cast<int64_t>(fx);
    if (n < i) return -1;
    if (n > i) return 1;
    return x > fx ? -1 : 0;
}

}  // namespace looplab::py
