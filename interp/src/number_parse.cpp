// int(str, base) and float(str) as CPython 3.11; see number_parse.hpp.
#include "looplab/py/number_parse.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include "looplab/py/arith.hpp"
#include "looplab/py/numeric_errors.hpp"
#include "looplab/py/unicode_text.hpp"

namespace looplab::py {

namespace {

// _PyUnicode_TransformDecimalAndSpaceToASCII: ASCII stays, Unicode whitespace becomes ' ',
// Unicode decimal digits become '0'..'9'; anything else becomes '?' and ends the string.
std::string transform_decimal_and_space(std::string_view utf8) {
    bool ascii = true;
    for (char c : utf8) ascii &= static_cast<unsigned char>(c) < 0x80;
    if (ascii) return std::string(utf8);
    std::string out;
    for (char32_t c : utf8_decode(utf8)) {
        if (c < 127) {
            out += static_cast<char>(c);
        } else if (unicode_isspace(c)) {
            out += ' ';
        } else if (int d = unicode_todecimal(c); d >= 0) {
            out += static_cast<char>('0' + d);
        } else {
            out += '?';
            break;
        }
    }
    return out;
}

// Py_ISSPACE: the C locale's whitespace, nothing else.
bool ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// _PyLong_DigitValue: 0-9, a-z/A-Z as 10-35, everything else 37.
int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 37;
}

[[noreturn]] void invalid_int_literal(std::string_view original, int base) {
    throw ValueError("invalid literal for int() with base " + std::to_string(base) + ": " +
                     str_repr_truncated(original, 200));
}

[[noreturn]] void invalid_float(std::string_view original) {
    throw ValueError("could not convert string to float: " + str_repr(original));
}

// sys.int_info.default_max_str_digits (CPython 3.11's limit for non-power-of-two bases).
constexpr int64_t kMaxStrDigits = 4300;

// _Py_dg_strtod followed by _Py_parse_inf_or_nan: parses a prefix of s, returning how many
// chars it used (0 when none form a number).
size_t parse_double_prefix(std::string_view s, double& out) {
    size_t p = 0;
    bool negative = false;
    if (p < s.size() && (s[p] == '+' || s[p] == '-')) negative = s[p++] == '-';
    const size_t mant_start = p;
    size_t ndigits = 0;
    while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p, ++ndigits;
    if (p < s.size() && s[p] == '.') {
        ++p;
        while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p, ++ndigits;
    }
    if (ndigits == 0) {
        // Not a decimal number: maybe inf / infinity / nan, case-insensitively.
        auto match = [&](size_t at, std::string_view word) {
            if (s.size() - at < word.size()) return false;
            for (size_t i = 0; i < word.size(); ++i)
                if ((s[at + i] | 0x20) != word[i]) return false;
            return true;
        };
        size_t q = mant_start;
        if (match(q, "inf")) {
            q += 3;
            if (match(q, "inity")) q += 5;
            out = negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
            return q;
        }
        if (match(q, "nan")) {
            out = std::copysign(std::numeric_limits<double>::quiet_NaN(), negative ? -1.0 : 1.0);
            return q + 3;
        }
        return 0;
    }
    const size_t mant_end = p;
    // An exponent counts only when digits follow "e", "e+" or "e-".
    if (p < s.size() && (s[p] == 'e' || s[p] == 'E')) {
        size_t q = p + 1;
        if (q < s.size() && (s[q] == '+' || s[q] == '-')) ++q;
        if (q < s.size() && s[q] >= '0' && s[q] <= '9') {
            while (q < s.size() && s[q] >= '0' && s[q] <= '9') ++q;
            p = q;
        }
    }
    const char* first = s.data() + mant_start;
    const char* last = s.data() + p;
    double v = 0;
    auto res = std::from_chars(first, last, v, std::chars_format::general);
    if (res.ec == std::errc::result_out_of_range) {
        // Overflow gives inf, underflow 0 (dtoa's ERANGE results): decide by the decimal
        // exponent of the first nonzero digit.
        int64_t lead = -1, pos = 0, point = -1;
        for (const char* c = first; c != s.data() + mant_end; ++c) {
            if (*c == '.') { point = pos; continue; }
            if (lead < 0 && *c != '0') lead = pos;
            ++pos;
        }
        if (point < 0) point = pos;
        int64_t exp = 0;
        if (mant_end != p) {
            const char* e = s.data() + mant_end + 1;
            bool eneg = *e == '-';
            if (*e == '+' || *e == '-') ++e;
            for (; e != last; ++e) exp = std::min<int64_t>(exp * 10 + (*e - '0'), int64_t(1) << 40);
            if (eneg) exp = -exp;
        }
        v = exp + (point - lead) > 0 ? std::numeric_limits<double>::infinity() : 0.0;
    } else if (res.ptr != last) {
        return 0;  // cannot happen: the grammar above is from_chars' own
    }
    out = negative ? -v : v;
    return p;
}

double float_from_string_inner(std::string_view s, std::string_view original) {
    size_t b = 0, e = s.size();
    while (b < e && ascii_space(s[b])) ++b;
    if (b == e) invalid_float(original);
    while (e - b > 1 && ascii_space(s[e - 1])) --e;
    s = s.substr(b, e - b);
    double x = 0;
    if (parse_double_prefix(s, x) != s.size()) invalid_float(original);
    return x;
}

}  // namespace

int64_t int_from_string(std::string_view utf8, int base) {
    if ((base != 0 && base < 2) || base > 36) throw ValueError("int() base must be >= 2 and <= 36, or 0");
    const std::string buf = transform_decimal_and_space(utf8);
    const std::string_view s = buf;
    const int orig_base = base;  // the message names the base the caller passed
    size_t p = 0;
    auto at = [&](size_t i) { return i < s.size() ? s[i] : '\0'; };
    while (p < s.size() && ascii_space(s[p])) ++p;
    bool negative = false;
    if (at(p) == '+') ++p;
    else if (at(p) == '-') ++p, negative = true;
    bool error_if_nonzero = false;
    if (base == 0) {
        const char c1 = static_cast<char>(at(p + 1) | 0x20);
        if (at(p) != '0') base = 10;
        else if (c1 == 'x') base = 16;
        else if (c1 == 'o') base = 8;
        else if (c1 == 'b') base = 2;
        else {
            // A C-style octal literal "010" is invalid; it may still be zero ("000").
            error_if_nonzero = true;
            base = 10;
        }
    }
    if (at(p) == '0') {
        const char c1 = static_cast<char>(at(p + 1) | 0x20);
        if ((base == 16 && c1 == 'x') || (base == 8 && c1 == 'o') || (base == 2 && c1 == 'b')) {
            p += 2;
            if (at(p) == '_') ++p;  // one underscore may follow the prefix
        }
    }
    if (at(p) == '_') invalid_int_literal(utf8, orig_base);
    const size_t start = p;
    unsigned __int128 value = 0;
    bool too_big = false;
    int64_t ndigits = 0;
    char prev = 0;
    while (p < s.size() && (digit_value(s[p]) < base || s[p] == '_')) {
        if (s[p] == '_') {
            if (prev == '_') invalid_int_literal(utf8, orig_base);  // only one underscore
        } else {
            ++ndigits;
            value = value * base + digit_value(s[p]);
            if (value > (static_cast<unsigned __int128>(1) << 64)) {
                too_big = true;
                value = static_cast<unsigned __int128>(1) << 64;  // stays "too big"
            }
        }
        prev = s[p++];
    }
    if (prev == '_') invalid_int_literal(utf8, orig_base);  // no trailing underscore
    if ((base & (base - 1)) != 0 && ndigits > kMaxStrDigits) {
        throw ValueError("Exceeds the limit (4300 digits) for integer string conversion: value has " +
                         std::to_string(ndigits) + " digits; use sys.set_int_max_str_digits() to increase the limit");
    }
    if (error_if_nonzero && value != 0) invalid_int_literal(utf8, orig_base);
    if (p == start) invalid_int_literal(utf8, orig_base);
    while (p < s.size() && ascii_space(s[p])) ++p;
    if (p != s.size()) invalid_int_literal(utf8, orig_base);
    // A valid literal; now the 64-bit limit (SPEC 2).
    const unsigned __int128 limit = negative ? (static_cast<unsigned __int128>(1) << 63)
                                             : (static_cast<unsigned __int128>(1) << 63) - 1;
    if (too_big || value > limit) throw OverflowError(kIntOverflowMessage);
    return negative ? static_cast<int64_t>(0 - static_cast<uint64_t>(value)) : static_cast<int64_t>(value);
}

double float_from_string(std::string_view utf8) {
    const std::string buf = transform_decimal_and_space(utf8);
    // _Py_string_to_number_with_underscores: underscores only between digits.
    if (buf.find('_') == std::string::npos) return float_from_string_inner(buf, utf8);
    std::string dup;
    char prev = 0;
    for (size_t i = 0; i < buf.size(); ++i) {
        const char c = buf[i];
        if (c == '_') {
            if (!(prev >= '0' && prev <= '9')) invalid_float(utf8);
        } else {
            dup += c;
            if (prev == '_' && !(c >= '0' && c <= '9')) invalid_float(utf8);
        }
        prev = c;
    }
    if (prev == '_') invalid_float(utf8);
    return float_from_string_inner(dup, utf8);
}

}  // namespace looplab::py
