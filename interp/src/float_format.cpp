// float -> text and rounding as CPython 3.11: Python/pystrtod.c (PyOS_double_to_string,
// format_float_short) and Objects/floatobject.c (float___round___impl, double_round).
#include "looplab/py/float_format.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <string_view>

namespace looplab::py {

namespace {

// What _Py_dg_dtoa returns: the value is 0.DIGITS x 10**decpt, DIGITS without trailing
// zeros. Zero is "0" with decpt 1; a nonzero value that mode 3 rounds to zero is "" with
// decpt = -ndigits.
struct Digits {
    std::string digits;
    int decpt = 0;
    bool negative = false;
};

void strip_trailing_zeros(std::string& d) {
    size_t end = d.find_last_not_of('0');
    d.resize(end == std::string::npos ? 0 : end + 1);
}

// Splits to_chars' scientific output "d.ddde+XX" (sign already removed) into Digits.
Digits from_scientific(std::string_view text) {
    Digits r;
    size_t e = text.find('e');
    for (char c : text.substr(0, e))
        if (c != '.') r.digits += c;
    int exp = 0;
    std::string_view es = text.substr(e + 1);
    if (es[0] == '+') es.remove_prefix(1);
    std::from_chars(es.data(), es.data() + es.size(), exp);
    r.decpt = exp + 1;
    strip_trailing_zeros(r.digits);
    if (r.digits.empty()) {  // the value zero
        r.digits = "0";
        r.decpt = 1;
    }
    return r;
}

std::string to_chars_string(double x, std::chars_format fmt, int precision) {
    // Scientific needs precision + ~10 chars; fixed needs up to 309 integer digits more.
    std::string buf(static_cast<size_t>(precision) + 330, '\0');
    auto res = precision < 0 ? std::to_chars(buf.data(), buf.data() + buf.size(), x, fmt)
                             : std::to_chars(buf.data(), buf.data() + buf.size(), x, fmt, precision);
    buf.resize(res.ptr - buf.data());
    return buf;
}

// _Py_dg_dtoa mode 0: the shortest digits that round-trip.
Digits dtoa_shortest(double x) {
    Digits r = from_scientific(to_chars_string(std::fabs(x), std::chars_format::scientific, -1));
    r.negative = std::signbit(x);
    return r;
}

// _Py_dg_dtoa mode 2: max(1, ndigits) significant digits, correctly rounded.
Digits dtoa_significant(double x, int ndigits) {
    if (ndigits < 1) ndigits = 1;
    Digits r = from_scientific(to_chars_string(std::fabs(x), std::chars_format::scientific, ndigits - 1));
    r.negative = std::signbit(x);
    return r;
}

// _Py_dg_dtoa mode 3: digits up to 10**-ndigits (ndigits may be negative), correctly
// rounded, ties to even.
Digits dtoa_fixed(double x, int ndigits) {
    Digits r;
    r.negative = std::signbit(x);
    const double ax = std::fabs(x);
    if (ax == 0) {
        r.digits = "0";
        r.decpt = 1;
        return r;
    }
    std::string all;  // the kept digits, as a decimal integer string
    int int_len;      // how many of them are before the decimal point
    if (ndigits >= 0) {
        std::string text = to_chars_string(ax, std::chars_format::fixed, ndigits);
        size_t dot = text.find('.');
        int_len = static_cast<int>(dot == std::string::npos ? text.size() : dot);
        for (char c : text)
            if (c != '.') all += c;
    } else {
        // Round the exact integer part at 10**-ndigits; a nonzero fraction only breaks ties.
        double ipart;
        const bool sticky = std::modf(ax, &ipart) != 0;
        std::string digits = ipart == 0 ? "" : to_chars_string(ipart, std::chars_format::fixed, 0);
        const size_t drop = static_cast<size_t>(-static_cast<int64_t>(ndigits));
        std::string kept, dropped;
        if (digits.size() > drop) {
            kept = digits.substr(0, digits.size() - drop);
            dropped = digits.substr(digits.size() - drop);
        } else {
            dropped = std::string(drop - digits.size(), '0') + digits;
        }
        bool rest_nonzero = sticky || dropped.find_first_not_of('0', 1) != std::string::npos;
        const char first = dropped[0];
        const bool last_odd = !kept.empty() && (kept.back() - '0') % 2 == 1;
        if (first > '5' || (first == '5' && (rest_nonzero || last_odd))) {
            size_t i = kept.size();  // add one at the last kept digit
            while (i > 0 && kept[i - 1] == '9') kept[--i] = '0';
            if (i == 0) kept.insert(kept.begin(), '1');
            else ++kept[i - 1];
        }
        int_len = static_cast<int>(kept.size()) + static_cast<int>(drop);
        all = kept;
    }
    size_t lead = all.find_first_not_of('0');
    if (lead == std::string::npos) {  // rounded to zero
        r.digits.clear();
        r.decpt = -ndigits;
        return r;
    }
    r.digits = all.substr(lead);
    r.decpt = int_len - static_cast<int>(lead);
    strip_trailing_zeros(r.digits);
    return r;
}

// format_float_short (pystrtod.c), line by line.
std::string format_float_short(double d, char format_code, int mode, int precision,
                               bool always_add_sign, bool add_dot_0_if_integer,
                               bool use_alt_formatting, bool no_negative_zero, bool upper) {
    std::string out;
    if (std::isnan(d) || std::isinf(d)) {
        // Gay's code gives "Infinity"/"NaN"; the sign of a nan is ignored.
        const bool sign = std::isinf(d) && std::signbit(d);
        if (sign) out += '-';
        else if (always_add_sign) out += '+';
        out += std::isinf(d) ? (upper ? "INF" : "inf") : (upper ? "NAN" : "nan");
        return out;
    }
    Digits dg = mode == 0 ? dtoa_shortest(d) : mode == 2 ? dtoa_significant(d, precision) : dtoa_fixed(d, precision);
    bool sign = dg.negative;
    const std::string& digits = dg.digits;
    const int64_t digits_len = static_cast<int64_t>(digits.size());
    int64_t decpt = dg.decpt;
    // 'z' (PEP 682): a result whose digits are all zero loses its '-'.
    if (no_negative_zero && sign && (digits_len == 0 || (digits_len == 1 && digits[0] == '0'))) sign = false;

    int64_t vdigits_end = digits_len;
    bool use_exp = false;
    switch (format_code) {
    case 'e':
        use_exp = true;
        vdigits_end = precision;
        break;
    case 'f':
        vdigits_end = decpt + precision;
        break;
    case 'g':
        if (decpt <= -4 || decpt > (add_dot_0_if_integer ? precision - 1 : precision)) use_exp = true;
        if (use_alt_formatting) vdigits_end = precision;
        break;
    case 'r':
        // Exponent form from 1e16 on (repr(2e16+8) must not pad bogus zeros).
        if (decpt <= -4 || decpt > 16) use_exp = true;
        break;
    }
    int64_t exp = 0;
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    // vdigits_start < decpt <= vdigits_end (strictly < when adding ".0" and no exponent).
    const int64_t vdigits_start = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && add_dot_0_if_integer)
        vdigits_end = vdigits_end > decpt ? vdigits_end : decpt + 1;
    else
        vdigits_end = vdigits_end > decpt ? vdigits_end : decpt;

    if (sign) out += '-';
    else if (always_add_sign) out += '+';
    // Exactly one of the three branches below writes the decimal point.
    if (decpt <= 0) {
        out.append(static_cast<size_t>(decpt - vdigits_start), '0');
        out += '.';
        out.append(static_cast<size_t>(-decpt), '0');
    } else {
        out.append(static_cast<size_t>(-vdigits_start), '0');
    }
    if (0 < decpt && decpt <= digits_len) {
        out.append(digits, 0, static_cast<size_t>(decpt));
        out += '.';
        out.append(digits, static_cast<size_t>(decpt), std::string::npos);
    } else {
        out += digits;
    }
    if (digits_len < decpt) {
        out.append(static_cast<size_t>(decpt - digits_len), '0');
        out += '.';
        out.append(static_cast<size_t>(vdigits_end - decpt), '0');
    } else {
        out.append(static_cast<size_t>(vdigits_end - digits_len), '0');
    }
    if (out.back() == '.' && !use_alt_formatting) out.pop_back();
    if (use_exp) {
        // sprintf("%+.02d", exp): a sign and at least two digits.
        out += upper ? 'E' : 'e';
        out += exp < 0 ? '-' : '+';
        const int64_t a = exp < 0 ? -exp : exp;
        if (a < 10) out += '0';
        out += std::to_string(a);
    }
    return out;
}

}  // namespace

std::string double_to_string(double value, char format_code, int precision, int flags) {
    bool upper = false;
    int mode = 0;
    switch (format_code) {
    case 'E':
        upper = true;
        format_code = 'e';
        [[fallthrough]];
    case 'e':
        mode = 2;
        ++precision;
        break;
    case 'F':
        upper = true;
        format_code = 'f';
        [[fallthrough]];
    case 'f':
        mode = 3;
        break;
    case 'G':
        upper = true;
        format_code = 'g';
        [[fallthrough]];
    case 'g':
        mode = 2;
        if (precision == 0) precision = 1;  // precision 0 makes no sense for 'g'
        break;
    case 'r':
        mode = 0;
        precision = 0;
        break;
    default:
        throw RuntimeError("double_to_string: bad format code");
    }
    return format_float_short(value, format_code, mode, precision, flags & kDtsfSign,
                              flags & kDtsfAddDot0, flags & kDtsfAlt, flags & kDtsfNoNeg0, upper);
}

std::string float_repr(double x) { return double_to_string(x, 'r', 0, kDtsfAddDot0); }

double float_round(double x, int64_t ndigits) {
    if (!std::isfinite(x)) return x;
    // For ndigits > NDIGITS_MAX x rounds to itself; below NDIGITS_MIN to +-0.0
    // (0.30103 bounds log10(2)).
    constexpr int kNdigitsMax = static_cast<int>((std::numeric_limits<double>::digits -
                                                  std::numeric_limits<double>::min_exponent) * 0.30103);
    constexpr int kNdigitsMin = -static_cast<int>((std::numeric_limits<double>::max_exponent + 1) * 0.30103);
    if (ndigits > kNdigitsMax) return x;
    if (ndigits < kNdigitsMin) return 0.0 * x;
    // double_round: round to a decimal string, then convert "[-]0DIGITSeEXP" back.
    Digits dg = dtoa_fixed(x, static_cast<int>(ndigits));
    std::string text = "0" + dg.digits + "e" + std::to_string(dg.decpt - static_cast<int>(dg.digits.size()));
    double rounded = 0;
    auto res = std::from_chars(text.data(), text.data() + text.size(), rounded);
    if (res.ec == std::errc::result_out_of_range) {
        // Only overflow is possible: the decimal value is a rounding of a double.
        throw OverflowError("rounded value too large to represent");
    }
    return dg.negative ? -rounded : rounded;
}

int64_t float_to_int(double x) {
    // PyLong_FromDouble, restricted to 64 bits.
    if (std::isnan(x)) throw ValueError("cannot convert float NaN to integer");
    if (std::isinf(x)) throw OverflowError("cannot convert float infinity to integer");
    const double t = std::trunc(x);
    // [-2**63, 2**63) is exactly representable at both ends.
    if (t < -9223372036854775808.0 || t >= 9223372036854775808.0) throw OverflowError(kIntOverflowMessage);
    return static_cast<int64_t>(t);
}

int64_t float_round_to_int(double x) {
    // float___round___impl with ndigits None: round half to even.
    double rounded = std::round(x);
    if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);
    return float_to_int(rounded);
}

int64_t int_round(int64_t n, int64_t ndigits) {
    // long_round: n itself for ndigits >= 0, else _PyLong_DivmodNear(n, 10**-ndigits).
    if (ndigits >= 0) return n;
    if (ndigits < -38) return 0;  // 10**39 > 2 * 2**63: every int rounds to 0
    __int128 pow10 = 1;
    for (int64_t i = 0; i < -ndigits; ++i) pow10 *= 10;
    const __int128 v = n;
    __int128 q = v / pow10, r = v % pow10;
    if (r < 0) {  // floor division
        r += pow10;
        --q;
    }
    // Round half to even: compare r with pow10 - r (2r could overflow for 10**38).
    if (r > pow10 - r || (r == pow10 - r && (q & 1) != 0)) ++q;
    const __int128 result = q * pow10;
    if (result > INT64_MAX || result < INT64_MIN) throw OverflowError(kIntOverflowMessage);
    return static_cast<int64_t>(result);
}

}  // namespace looplab::py
