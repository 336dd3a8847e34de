// The `math` module (CPython Modules/mathmodule.c): the libm functions with CPython's
// error rules (math_1: a NaN from a non-NaN argument is "math domain error", an infinity
// from a finite one "math range error" or a domain error), fsum's exact partials, the
// integer functions on LoopLab's 64-bit ints (overflow is an OverflowError, SPEC 2).
#include <algorithm>
#include <cfloat>
#include <cmath>

#include "looplab/py/float_format.hpp"
#include "native_args.hpp"
#include "stdlib_modules.hpp"

namespace looplab::py::stdlib {

namespace {

using argbind::bind_args;
using argbind::index_arg;
using argbind::Sig;

[[noreturn]] void domain_error() { raise_value_error("math domain error"); }
[[noreturn]] void range_error() { raise(exc_types().OverflowError, "math range error"); }
[[noreturn]] void int_overflow() { raise(exc_types().OverflowError, kIntOverflowMessage); }

const Value& one_arg(const CallArgs& a, const char* name) {
    Value unused[1];
    bind_args(a, 0, name, std::string("math.") + name, Sig::one, 1, 1, unused);
    return a[0];
}

// math_1: func(x) with CPython's checks of the result.
double math_1(Interp& in, const CallArgs& a, const char* name, double (*f)(double), bool can_overflow) {
    double x = float_arg(in, one_arg(a, name));
    double r = f(x);
    if (std::isnan(r) && !std::isnan(x)) domain_error();
    if (std::isinf(r) && std::isfinite(x)) {
        if (can_overflow) range_error();
        domain_error();
    }
    return r;
}

#define MATH_1(pyname, cfunc, overflow)                                                   \
    Value m_##pyname(Interp& in, const CallArgs& a) {                                   \
        return Value::floating(math_1(in, a, #pyname, [](double x) { return cfunc(x); }, overflow)); \
    }
MATH_1(sqrt, std::sqrt, false)
MATH_1(exp, std::exp, true)
MATH_1(exp2, std::exp2, true)
MATH_1(expm1, std::expm1, true)
MATH_1(sin, std::sin, false)
MATH_1(cos, std::cos, false)
MATH_1(tan, std::tan, false)
MATH_1(asin, std::asin, false)
MATH_1(acos, std::acos, false)
MATH_1(atan, std::atan, false)
MATH_1(sinh, std::sinh, true)
MATH_1(cosh, std::cosh, true)
MATH_1(tanh, std::tanh, false)
MATH_1(asinh, std::asinh, false)
MATH_1(acosh, std::acosh, false)
MATH_1(atanh, std::atanh, false)
MATH_1(fabs, std::fabs, false)
MATH_1(erf, std::erf, false)
MATH_1(erfc, std::erfc, false)
MATH_1(cbrt, std::cbrt, false)
#undef MATH_1

// m_tgamma / m_lgamma: CPython's own Lanczos approximation (not libm's), so results are
// bit-identical to CPython's.
constexpr int kLanczosN = 13;
constexpr double kLanczosG = 6.024680040776729583740234375;
constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
const double kLanczosNum[kLanczosN] = {
    23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
const double kLanczosDen[kLanczosN] = {0.0,       39916800.0, 120543840.0, 150917976.0, 105258076.0,
                                       45995730.0, 13339535.0, 2637558.0,   357423.0,    32670.0,
                                       1925.0,     66.0,       1.0};
const double kGammaIntegral[23] = {1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0,
                                   39916800.0, 479001600.0, 6227020800.0, 87178291200.0, 1307674368000.0,
                                   20922789888000.0, 355687428096000.0, 6402373705728000.0, 121645100408832000.0,
                                   2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0};
double lanczos_sum(double x) {
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = kLanczosN; --i >= 0;) {
            num = num * x + kLanczosNum[i];
            den = den * x + kLanczosDen[i];
        }
    } else {
        for (int i = 0; i < kLanczosN; i++) {
            num = num / x + kLanczosNum[i];
            den = den / x + kLanczosDen[i];
        }
    }
    return num / den;
}
double sinpi(double x) {
    double y = std::fmod(std::fabs(x), 2.0), r;
    switch (int(std::round(2.0 * y))) {
        case 0: r = std::sin(M_PI * y); break;
        case 1: r = std::cos(M_PI * (y - 0.5)); break;
        case 2: r = std::sin(M_PI * (1.0 - y)); break;
        case 3: r = -std::cos(M_PI * (y - 1.5)); break;
        default: r = std::sin(M_PI * (y - 2.0)); break;
    }
    return std::copysign(1.0, x) * r;
}
Value m_gamma(Interp& in, const CallArgs& a) {
    double x = float_arg(in, one_arg(a, "gamma"));
    if (!std::isfinite(x)) {
        if (std::isnan(x) || x > 0.0) return Value::floating(x);
        domain_error();
    }
    if (x == 0.0) domain_error();
    if (x == std::floor(x)) {
        if (x < 0.0) domain_error();
        if (x <= 23) return Value::floating(kGammaIntegral[int(x) - 1]);
    }
    double absx = std::fabs(x), r;
    if (absx < 1e-20) {
        r = 1.0 / x;
        if (std::isinf(r)) range_error();
        return Value::floating(r);
    }
    if (absx > 200.0) {
        if (x < 0.0) return Value::floating(0.0 / sinpi(x));
        range_error();
    }
    double y = absx + kLanczosGMinusHalf, z;
    if (absx > kLanczosGMinusHalf) {
        double q = y - absx;
        z = q - kLanczosGMinusHalf;
    } else {
        double q = y - kLanczosGMinusHalf;
        z = q - absx;
    }
    z = z * kLanczosG / y;
    if (x < 0.0) {
        r = -M_PI / sinpi(absx) / absx * std::exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= std::pow(y, absx - 0.5);
        } else {
            double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / std::exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= std::pow(y, absx - 0.5);
        } else {
            double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (std::isinf(r)) range_error();
    return Value::floating(r);
}
Value m_lgamma(Interp& in, const CallArgs& a) {
    double x = float_arg(in, one_arg(a, "lgamma"));
    if (!std::isfinite(x)) return Value::floating(std::isnan(x) ? x : HUGE_VAL);
    if (x == std::floor(x) && x <= 2.0) {
        if (x <= 0.0) domain_error();
        return Value::floating(0.0);
    }
    double absx = std::fabs(x);
    if (absx < 1e-20) return Value::floating(-std::log(absx));
    double r = std::log(lanczos_sum(absx)) - kLanczosG;
    r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
    if (x < 0.0) r = 1.144729885849400174143427351353058711647 - std::log(std::fabs(sinpi(absx))) - std::log(absx) - r;
    if (std::isinf(r)) range_error();
    return Value::floating(r);
}

Value m_degrees(Interp& in, const CallArgs& a) {
    return Value::floating(float_arg(in, one_arg(a, "degrees")) * (180.0 / M_PI));
}
Value m_radians(Interp& in, const CallArgs& a) {
    return Value::floating(float_arg(in, one_arg(a, "radians")) * (M_PI / 180.0));
}

// m_log / loghelper: x <= 0 is a domain error (ints too).
double log_of(Interp& in, const Value& v, double (*f)(double)) {
    double x = float_arg(in, v);
    if (std::isnan(x)) return x;
    if (x <= 0) domain_error();
    if (std::isinf(x)) return x;
    return f(x);
}
Value m_log(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, "log", "log", Sig::parsetuple, 1, 2, v);
    double num = log_of(in, v[0], [](double x) { return std::log(x); });
    if (v[1].is_undefined()) return Value::floating(num);
    double den = log_of(in, v[1], [](double x) { return std::log(x); });
    if (den == 0) raise(exc_types().ZeroDivisionError, "float division by zero");
    return Value::floating(num / den);
}
Value m_log2(Interp& in, const CallArgs& a) {
    return Value::floating(log_of(in, one_arg(a, "log2"), [](double x) { return std::log2(x); }));
}
Value m_log10(Interp& in, const CallArgs& a) {
    return Value::floating(log_of(in, one_arg(a, "log10"), [](double x) { return std::log10(x); }));
}
Value m_log1p(Interp& in, const CallArgs& a) {
    double x = float_arg(in, one_arg(a, "log1p"));
    if (x <= -1.0) domain_error();
    return Value::floating(std::log1p(x));
}

// Two-argument functions (math_2).
std::pair<double, double> two(Interp& in, const CallArgs& a, const char* name) {
    Value v[2];
    bind_args(a, 0, name, name, Sig::checkpos, 2, 2, v);
    return {float_arg(in, v[0]), float_arg(in, v[1])};
}
Value m_atan2(Interp& in, const CallArgs& a) {
    auto [y, x] = two(in, a, "atan2");
    return Value::floating(std::atan2(y, x));
}
Value m_copysign(Interp& in, const CallArgs& a) {
    auto [x, y] = two(in, a, "copysign");
    return Value::floating(std::copysign(x, y));
}
Value m_fmod(Interp& in, const CallArgs& a) {
    auto [x, y] = two(in, a, "fmod");
    if (std::isinf(y) && std::isfinite(x)) return Value::floating(x);
    double r = std::fmod(x, y);
    if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) domain_error();
    return Value::floating(r);
}
Value m_remainder(Interp& in, const CallArgs& a) {
    auto [x, y] = two(in, a, "remainder");
    double r = std::remainder(x, y);
    if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) domain_error();
    return Value::floating(r);
}
Value m_nextafter(Interp& in, const CallArgs& a) {
    auto [x, y] = two(in, a, "nextafter");
    return Value::floating(std::nextafter(x, y));
}
Value m_ulp(Interp& in, const CallArgs& a) {
    double x = std::fabs(float_arg(in, one_arg(a, "ulp")));
    if (std::isnan(x) || std::isinf(x)) return Value::floating(x);
    double x2 = std::nextafter(x, INFINITY);
    if (std::isinf(x2)) return Value::floating(x - std::nextafter(x, -INFINITY));
    return Value::floating(x2 - x);
}

// math_pow_impl's special cases, then libm pow with CPython's error rules.
Value m_pow(Interp& in, const CallArgs& a) {
    auto [x, y] = two(in, a, "pow");
    double r;
    if (!std::isfinite(x) || !std::isfinite(y)) {
        if (std::isnan(x)) r = y == 0.0 ? 1.0 : x;
        else if (std::isnan(y)) r = x == 1.0 ? 1.0 : y;
        else if (std::isinf(x)) {
            bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
            if (y > 0.) r = odd_y ? x : std::fabs(x);
            else if (y == 0.) r = 1.;
            else r = odd_y ? std::copysign(0., x) : 0.;
        } else {
            if (std::fabs(x) == 1.0) r = 1.;
            else if (y > 0. && std::fabs(x) > 1.0) r = y;
            else if (y < 0. && std::fabs(x) < 1.0) r = -y;
            else r = 0.;
        }
        return Value::floating(r);
    }
    if (x == 0.0 && y < 0.0) domain_error();
    if (x < 0.0 && y != std::floor(y)) domain_error();
    r = std::pow(x, y);
    if (std::isinf(r)) range_error();
    return Value::floating(r);
}

// floor/ceil/trunc: ints unchanged, floats to int, else the __floor__/__ceil__/__trunc__.
Value rounding(Interp& in, const CallArgs& a, const char* name, const char* dunder, double (*f)(double)) {
    const Value& x = one_arg(a, name);
    if (x.is_intlike()) return Value::integer(x.as_int());
    if (x.is_float()) return Value::integer(float_to_int(f(x.as_float())));
    Value m = lookup_special(x, dunder);
    if (!m.is_undefined()) return call(in, m, std::vector<Value>{x});
    if (std::string(name) == "trunc") raise_type_error("type " + type_name(x) + " doesn't define __trunc__ method");
    return Value::integer(float_to_int(f(float_arg(in, x))));
}
Value m_floor(Interp& in, const CallArgs& a) { return rounding(in, a, "floor", "__floor__", [](double x) { return std::floor(x); }); }
Value m_ceil(Interp& in, const CallArgs& a) { return rounding(in, a, "ceil", "__ceil__", [](double x) { return std::ceil(x); }); }
Value m_trunc(Interp& in, const CallArgs& a) { return rounding(in, a, "trunc", "__trunc__", [](double x) { return std::trunc(x); }); }

Value m_isfinite(Interp& in, const CallArgs& a) { return Value::boolean(std::isfinite(float_arg(in, one_arg(a, "isfinite")))); }
Value m_isinf(Interp& in, const CallArgs& a) { return Value::boolean(std::isinf(float_arg(in, one_arg(a, "isinf")))); }
Value m_isnan(Interp& in, const CallArgs& a) { return Value::boolean(std::isnan(float_arg(in, one_arg(a, "isnan")))); }

Value m_isclose(Interp& in, const CallArgs& a) {
    Value v[4];
    bind_args(a, 0, "isclose", "isclose", Sig::clinic, 2, 2, v, {"a", "b", "rel_tol", "abs_tol"});
    double x = float_arg(in, v[0]), y = float_arg(in, v[1]);
    double rel_tol = v[2].is_undefined() ? 1e-09 : float_arg(in, v[2]);
    double abs_tol = v[3].is_undefined() ? 0.0 : float_arg(in, v[3]);
    if (rel_tol < 0.0 || abs_tol < 0.0) raise_value_error("tolerances must be non-negative");
    if (x == y) return Value::boolean(true);
    if (std::isinf(x) || std::isinf(y)) return Value::boolean(false);
    double diff = std::fabs(y - x);
    return Value::boolean(diff <= std::fabs(rel_tol * y) || diff <= std::fabs(rel_tol * x) || diff <= abs_tol);
}

Value m_modf(Interp& in, const CallArgs& a) {
    double x = float_arg(in, one_arg(a, "modf"));
    if (std::isinf(x)) return make_tuple({Value::floating(std::copysign(0., x)), Value::floating(x)});
    double ip;
    double fp = std::modf(x, &ip);
    return make_tuple({Value::floating(fp), Value::floating(ip)});
}
Value m_frexp(Interp& in, const CallArgs& a) {
    double x = float_arg(in, one_arg(a, "frexp"));
    int e = 0;
    double m = (std::isnan(x) || std::isinf(x) || x == 0) ? x : std::frexp(x, &e);
    return make_tuple({Value::floating(m), Value::integer(e)});
}
Value m_ldexp(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, "ldexp", "ldexp", Sig::checkpos, 2, 2, v);
    double x = float_arg(in, v[0]);
    if (!v[1].is_intlike()) raise_type_error("Expected an int as second argument to ldexp.");
    int64_t e = v[1].as_int();
    if (x == 0 || !std::isfinite(x)) return Value::floating(x);
    double r = std::ldexp(x, int(std::clamp<int64_t>(e, -100000, 100000)));
    if (std::isinf(r)) range_error();
    return Value::floating(r);
}

// ---- integers -----------------------------------------------------------------------------
int64_t int_arg(Interp& in, const Value& v) { return index_arg(in, v); }

Value m_factorial(Interp& in, const CallArgs& a) {
    const Value& x = one_arg(a, "factorial");
    if (x.is_float()) raise_type_error("'float' object cannot be interpreted as an integer");
    int64_t n = int_arg(in, x);
    if (n < 0) raise_value_error("factorial() not defined for negative values");
    int64_t r = 1;
    for (int64_t i = 2; i <= n; ++i) {
        if (__builtin_mul_overflow(r, i, &r)) int_overflow();
    }
    return Value::integer(r);
}

int64_t gcd2(int64_t x, int64_t y) {
    uint64_t a = x < 0 ? 0 - uint64_t(x) : uint64_t(x), b = y < 0 ? 0 - uint64_t(y) : uint64_t(y);
    while (b) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    if (a > uint64_t(INT64_MAX)) int_overflow();
    return int64_t(a);
}
Value m_gcd(Interp& in, const CallArgs& a) {
    check_args(a, "gcd", 0, SIZE_MAX);
    int64_t g = 0;
    for (size_t i = 0; i < a.nargs; ++i) g = gcd2(g, int_arg(in, a[i]));
    return Value::integer(g);
}
Value m_lcm(Interp& in, const CallArgs& a) {
    check_args(a, "lcm", 0, SIZE_MAX);
    int64_t l = 1;
    for (size_t i = 0; i < a.nargs; ++i) {
        int64_t x = int_arg(in, a[i]);
        if (l == 0 || x == 0) {
            l = 0;
            continue;
        }
        int64_t g = gcd2(l, x);
        int64_t r;
        if (__builtin_mul_overflow(l / g, x < 0 ? -x : x, &r)) int_overflow();
        l = r < 0 ? -r : r;
    }
    return Value::integer(l);
}
Value m_isqrt(Interp& in, const CallArgs& a) {
    int64_t n = int_arg(in, one_arg(a, "isqrt"));
    if (n < 0) raise_value_error("isqrt() argument must be nonnegative");
    uint64_t r = uint64_t(std::sqrt(double(n)));
    while (r * r > uint64_t(n)) --r;
    while ((r + 1) * (r + 1) <= uint64_t(n)) ++r;
    return Value::integer(int64_t(r));
}
Value m_comb(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, "comb", "comb", Sig::checkpos, 2, 2, v);
    int64_t n = int_arg(in, v[0]), k = int_arg(in, v[1]);
    if (n < 0) raise_value_error("n must be a non-negative integer");
    if (k < 0) raise_value_error("k must be a non-negative integer");
    if (k > n) return Value::integer(0);
    k = std::min(k, n - k);
    __int128 r = 1;
    for (int64_t i = 0; i < k; ++i) {
        r = r * (n - i) / (i + 1);
        if (r > INT64_MAX) int_overflow();
    }
    return Value::integer(int64_t(r));
}
Value m_perm(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, "perm", "perm", Sig::checkpos, 1, 2, v);
    int64_t n = int_arg(in, v[0]);
    int64_t k = (v[1].is_undefined() || v[1].is_none()) ? n : int_arg(in, v[1]);
    if (n < 0) raise_value_error("n must be a non-negative integer");
    if (k < 0) raise_value_error("k must be a non-negative integer");
    if (k > n) return Value::integer(0);
    int64_t r = 1;
    for (int64_t i = 0; i < k; ++i)
        if (__builtin_mul_overflow(r, n - i, &r)) int_overflow();
    return Value::integer(r);
}

// prod(iterable, *, start=1): Python multiplication from `start`.
Value m_prod(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, "prod", "prod", Sig::clinic, 1, 1, v, {"iterable", "start"});
    Value acc = v[1].is_undefined() ? Value::integer(1) : v[1];
    Value it = iter(in, v[0]);
    for (Value x = next(in, it); !x.is_undefined(); x = next(in, it)) acc = binary_op(in, acc, x, ast::Operator::Mult);
    return acc;
}

// math_fsum: Shewchuk's exact partial sums, as mathmodule.c (msum).
Value m_fsum(Interp& in, const CallArgs& a) {
    const Value& seq = one_arg(a, "fsum");
    std::vector<double> p;
    double special_sum = 0.0, inf_sum = 0.0, lo = 0.0;
    Value it = iter(in, seq);
    for (Value item = next(in, it); !item.is_undefined(); item = next(in, it)) {
        double x = float_arg(in, item), xsave = x;
        size_t i = 0;
        for (size_t j = 0; j < p.size(); ++j) {
            double y = p[j];
            if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
            double hi = x + y, yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        p.resize(i);
        if (x != 0.0) {
            if (!std::isfinite(x)) {
                if (std::isfinite(xsave)) raise(exc_types().OverflowError, "intermediate overflow in fsum");
                if (std::isinf(xsave)) inf_sum += xsave;
                special_sum += xsave;
                p.clear();
            } else {
                p.push_back(x);
            }
        }
    }
    if (special_sum != 0.0) {
        if (std::isnan(inf_sum)) raise_value_error("-inf + inf in fsum");
        return Value::floating(special_sum);
    }
    double hi = 0.0;
    size_t n = p.size();
    if (n > 0) {
        hi = p[--n];
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0, x = hi + y, yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    return Value::floating(hi);
}

// vector_norm (3.11): the scaled, compensated sum of squares hypot() and dist() use.
double vector_norm(std::vector<double>& vec, double max, bool found_nan) {
    if (std::isinf(max)) return max;
    if (found_nan) return NAN;
    if (max == 0.0 || vec.size() <= 1) return max;
    int max_e;
    std::frexp(max, &max_e);
    if (max_e < -1023) {
        for (double& x : vec) x /= DBL_MIN;
        return DBL_MIN * vector_norm(vec, max / DBL_MIN, found_nan);
    }
    double scale = std::ldexp(1.0, -max_e);
    double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    for (double x : vec) {
        x *= scale;
        double pr_hi = x * x, pr_lo = std::fma(x, x, -pr_hi);
        double sm_hi = csum + pr_hi, sm_lo = (csum - sm_hi) + pr_hi;
        csum = sm_hi;
        frac1 += pr_lo;
        frac2 += sm_lo;
    }
    double h = std::sqrt(csum - 1.0 + (frac1 + frac2));
    double pr_hi = -h * h, pr_lo = std::fma(-h, h, -pr_hi);
    double sm_hi = csum + pr_hi, sm_lo = (csum - sm_hi) + pr_hi;
    csum = sm_hi;
    frac1 += pr_lo;
    frac2 += sm_lo;
    double x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    return h / scale;
}
Value m_hypot(Interp& in, const CallArgs& a) {
    check_args(a, "hypot", 0, SIZE_MAX);
    std::vector<double> vec;
    double max = 0.0;
    bool found_nan = false;
    for (size_t i = 0; i < a.nargs; ++i) {
        double x = std::fabs(float_arg(in, a[i]));
        vec.push_back(x);
        found_nan |= std::isnan(x);
        if (x > max) max = x;
    }
    return Value::floating(vector_norm(vec, max, found_nan));
}
Value m_dist(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, "dist", "dist", Sig::checkpos, 2, 2, v);
    std::vector<Value> p = to_vector(in, v[0]), q = to_vector(in, v[1]);
    if (p.size() != q.size()) raise_value_error("both points must have the same number of dimensions");
    std::vector<double> vec;
    double max = 0.0;
    bool found_nan = false;
    for (size_t i = 0; i < p.size(); ++i) {
        double x = std::fabs(float_arg(in, p[i]) - float_arg(in, q[i]));
        vec.push_back(x);
        found_nan |= std::isnan(x);
        if (x > max) max = x;
    }
    return Value::floating(vector_norm(vec, max, found_nan));
}

}  // namespace

void init_math(Interp& in, Module& m) {
    (void)in;
    const struct {
        const char* name;
        NativeFn fn;
    } fns[] = {
        {"sqrt", m_sqrt},       {"exp", m_exp},           {"exp2", m_exp2},       {"expm1", m_expm1},
        {"sin", m_sin},         {"cos", m_cos},           {"tan", m_tan},         {"asin", m_asin},
        {"acos", m_acos},       {"atan", m_atan},         {"sinh", m_sinh},       {"cosh", m_cosh},
        {"tanh", m_tanh},       {"asinh", m_asinh},       {"acosh", m_acosh},     {"atanh", m_atanh},
        {"fabs", m_fabs},       {"erf", m_erf},           {"erfc", m_erfc},       {"cbrt", m_cbrt},
        {"gamma", m_gamma},     {"lgamma", m_lgamma},     {"degrees", m_degrees}, {"radians", m_radians},
        {"log", m_log},         {"log2", m_log2},         {"log10", m_log10},     {"log1p", m_log1p},
        {"atan2", m_atan2},     {"copysign", m_copysign}, {"fmod", m_fmod},       {"remainder", m_remainder},
        {"nextafter", m_nextafter}, {"ulp", m_ulp},       {"pow", m_pow},         {"floor", m_floor},
        {"ceil", m_ceil},       {"trunc", m_trunc},       {"isfinite", m_isfinite}, {"isinf", m_isinf},
        {"isnan", m_isnan},     {"isclose", m_isclose},   {"modf", m_modf},       {"frexp", m_frexp},
        {"ldexp", m_ldexp},     {"factorial", m_factorial}, {"gcd", m_gcd},       {"lcm", m_lcm},
        {"isqrt", m_isqrt},     {"comb", m_comb},         {"perm", m_perm},       {"prod", m_prod},
        {"fsum", m_fsum},       {"hypot", m_hypot},       {"dist", m_dist},
    };
    for (const auto& f : fns) def(m, f.name, f.fn);
    m.dict->set_str("pi", Value::floating(M_PI));
    m.dict->set_str("e", Value::floating(M_E));
    m.dict->set_str("tau", Value::floating(2 * M_PI));
    m.dict->set_str("inf", Value::floating(INFINITY));
    m.dict->set_str("nan", Value::floating(NAN));
}

}  // namespace looplab::py::stdlib
