// The format-spec mini-language as CPython 3.11's Python/formatter_unicode.c.
#include "looplab/py/format_spec.hpp"

#include <algorithm>
#include <climits>
#include <cstdio>

#include "looplab/py/float_format.hpp"
#include "looplab/py/unicode_text.hpp"

namespace looplab::py {

namespace {

bool is_alignment_token(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }
bool is_sign_element(char32_t c) { return c == ' ' || c == '+' || c == '-'; }

// "'%c'" for a printable ASCII presentation type, "'\x%x'" otherwise (CPython's two cases).
std::string quoted_type(char32_t type) {
    if (type > 32 && type < 128) return std::string("'") + static_cast<char>(type) + "'";
    char buf[32];
    std::snprintf(buf, sizeof buf, "'\\x%x'", static_cast<unsigned>(type));
    return buf;
}

[[noreturn]] void unknown_presentation_type(char32_t type, std::string_view type_name) {
    throw ValueError("Unknown format code " + quoted_type(type) + " for object of type '" +
                     std::string(type_name.substr(0, 200)) + "'");
}

// get_integer: Unicode decimal digits; returns the number consumed.
int get_integer(const std::u32string& s, size_t& pos, int64_t& result) {
    int64_t acc = 0;
    int n = 0;
    for (; pos < s.size(); ++pos, ++n) {
        const int d = unicode_todecimal(s[pos]);
        if (d < 0) break;
        if (acc > (INT64_MAX - d) / 10) throw ValueError("Too many decimal digits in format string");
        acc = acc * 10 + d;
    }
    result = acc;
    return n;
}

// _PyUnicode_InsertThousandsGrouping: groups `digits` from the right, padding with zeros up
// to min_width (the '0' fill with '=' alignment pads inside the grouping: '00,001,234').
std::string insert_grouping(std::string_view digits, int64_t min_width, int group, char sep) {
    min_width = std::max<int64_t>(0, min_width);
    int64_t remaining = static_cast<int64_t>(digits.size());
    size_t digits_pos = digits.size();
    std::string rev;  // the result, built right to left
    bool use_separator = false;
    bool loop_broken = false;
    auto fill = [&](int64_t n_chars, int64_t n_zeros) {
        if (use_separator) rev += sep;
        for (int64_t i = 0; i < n_chars; ++i) rev += digits[--digits_pos];
        rev.append(static_cast<size_t>(n_zeros), '0');
    };
    // GroupGenerator over "\3" (or "\4") repeats forever; with no grouping it yields nothing.
    while (group > 0) {
        const int64_t len = std::min<int64_t>(group, std::max<int64_t>(std::max(remaining, min_width), 1));
        const int64_t n_zeros = std::max<int64_t>(0, len - remaining);
        const int64_t n_chars = std::max<int64_t>(0, std::min(remaining, len));
        fill(n_chars, n_zeros);
        use_separator = true;
        remaining -= n_chars;
        min_width -= len;
        if (remaining <= 0 && min_width <= 0) {
            loop_broken = true;
            break;
        }
        min_width -= 1;  // the separator's length
    }
    if (!loop_broken) {
        const int64_t len = std::max<int64_t>(std::max(remaining, min_width), 1);
        const int64_t n_zeros = std::max<int64_t>(0, len - remaining);
        const int64_t n_chars = std::max<int64_t>(0, std::min(remaining, len));
        fill(n_chars, n_zeros);
    }
    return std::string(rev.rbegin(), rev.rend());
}

void append_fill(std::string& out, char32_t fill, int64_t n) {
    if (n <= 0) return;
    std::string one;
    utf8_append(one, fill);
    for (int64_t i = 0; i < n; ++i) out += one;
}

// A number split the way calc_number_widths sees it:
// <sign><prefix><digits>[<decimal>]<remainder>. Everything but `remainder` is ASCII.
struct NumberParts {
    char32_t sign_char = 0;   // '-' or 0
    std::string prefix;       // "0x", "0X", "0o", "0b" or ""
    std::string digits;       // the integer digits, to be grouped
    bool has_decimal = false; // a '.' follows the digits
    std::string remainder;    // what follows the decimal point (or the 'c' character)
    int64_t remainder_len = 0;  // in code points
};

// calc_number_widths + fill_number.
std::string fill_number(const FormatSpec& f, const NumberParts& p, Grouping grouping) {
    int64_t n_sign = 0;
    char32_t sign = 0;
    switch (f.sign) {
    case '+':
        n_sign = 1;
        sign = p.sign_char == '-' ? '-' : '+';
        break;
    case ' ':
        n_sign = 1;
        sign = p.sign_char == '-' ? '-' : ' ';
        break;
    default:
        if (p.sign_char == '-') {
            n_sign = 1;
            sign = '-';
        }
    }
    const int64_t n_prefix = static_cast<int64_t>(p.prefix.size());
    const int64_t n_decimal = p.has_decimal ? 1 : 0;
    const int64_t n_non_digit_non_padding = n_sign + n_prefix + n_decimal + p.remainder_len;
    // min_width may go negative; width -1 means "don't care".
    const int64_t n_min_width = (f.fill == '0' && f.align == '=') ? f.width - n_non_digit_non_padding : 0;
    std::string grouped;
    if (!p.digits.empty()) {  // empty only for 'c', which the grouping code cannot take
        const int group = grouping == Grouping::None ? 0 : grouping == Grouping::Underscore4 ? 4 : 3;
        grouped = insert_grouping(p.digits, n_min_width, group, grouping == Grouping::Comma ? ',' : '_');
    }
    const int64_t n_padding = f.width - (n_non_digit_non_padding + static_cast<int64_t>(grouped.size()));
    int64_t lpad = 0, spad = 0, rpad = 0;
    if (n_padding > 0) {
        switch (f.align) {
        case '<': rpad = n_padding; break;
        case '^':
            lpad = n_padding / 2;
            rpad = n_padding - lpad;
            break;
        case '=': spad = n_padding; break;
        default: lpad = n_padding; break;
        }
    }
    std::string out;
    append_fill(out, f.fill, lpad);
    if (n_sign) out += static_cast<char>(sign);
    out += p.prefix;
    append_fill(out, f.fill, spad);
    out += grouped;
    if (p.has_decimal) out += '.';
    out += p.remainder;
    append_fill(out, f.fill, rpad);
    return out;
}

std::string to_base(uint64_t v, int base, bool upper) {
    if (v == 0) return "0";
    const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    std::string s;
    for (; v != 0; v /= static_cast<uint64_t>(base)) s += digits[v % static_cast<uint64_t>(base)];
    return std::string(s.rbegin(), s.rend());
}

std::string format_float_internal(double val, const FormatSpec& f);

// format_long_internal.
std::string format_long_internal(int64_t v, const FormatSpec& f) {
    if (f.precision != -1) throw ValueError("Precision not allowed in integer format specifier");
    if (f.no_neg_0) throw ValueError("Negative zero coercion (z) not allowed in integer format specifier");
    NumberParts p;
    if (f.type == 'c') {
        if (f.sign != 0) throw ValueError("Sign not allowed with integer format specifier 'c'");
        if (f.alternate) throw ValueError("Alternate form (#) not allowed with integer format specifier 'c'");
        if (v < 0 || v > 0x10FFFF) throw OverflowError("%c arg not in range(0x110000)");
        // The character goes in as "remainder": copied, never grouped.
        utf8_append(p.remainder, static_cast<char32_t>(v));
        p.remainder_len = 1;
        return fill_number(f, p, Grouping::None);
    }
    int base = 10;
    const char* prefix = "";
    switch (f.type) {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    default: break;
    }
    if (f.alternate) p.prefix = prefix;
    const uint64_t magnitude = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    p.digits = to_base(magnitude, base, f.type == 'X');
    p.sign_char = v < 0 ? '-' : 0;
    // 'n' groups by the current locale: LC_NUMERIC is "C" in CPython unless the program
    // calls locale.setlocale, and the C locale has no grouping.
    return fill_number(f, p, f.type == 'n' ? Grouping::None : f.grouping);
}

// format_float_internal.
std::string format_float_internal(double val, const FormatSpec& f) {
    if (f.precision > INT_MAX) throw ValueError("precision too big");
    int precision = static_cast<int>(f.precision);
    int default_precision = 6;
    int flags = 0;
    if (f.alternate) flags |= kDtsfAlt;
    if (f.no_neg_0) flags |= kDtsfNoNeg0;
    char32_t type = f.type;
    if (type == 0) {
        // No type: like repr without a precision, else like 'g' with at least one digit
        // after the point.
        flags |= kDtsfAddDot0;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n') type = 'g';  // 'n' is 'g' in the (C) locale
    bool add_pct = false;
    if (type == '%') {
        type = 'f';
        val *= 100;
        add_pct = true;
    }
    if (precision < 0) precision = default_precision;
    else if (type == 'r') type = 'g';
    std::string buf = double_to_string(val, static_cast<char>(type), precision, flags);
    if (add_pct) buf += '%';
    NumberParts p;
    size_t i = 0;
    if (buf[0] == '-') {
        p.sign_char = '-';
        i = 1;
    }
    // parse_number: digits, then an optional '.', then the rest.
    size_t d = i;
    while (d < buf.size() && buf[d] >= '0' && buf[d] <= '9') ++d;
    p.digits = buf.substr(i, d - i);
    p.has_decimal = d < buf.size() && buf[d] == '.';
    p.remainder = buf.substr(p.has_decimal ? d + 1 : d);
    p.remainder_len = static_cast<int64_t>(p.remainder.size());
    return fill_number(f, p, f.type == 'n' ? Grouping::None : f.grouping);
}

std::string format_integer_object(int64_t v, std::string_view spec, std::string_view type_name) {
    const FormatSpec f = parse_format_spec(spec, type_name, 'd', '>');
    switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        return format_long_internal(v, f);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
        return format_float_internal(static_cast<double>(v), f);
    default:
        unknown_presentation_type(f.type, type_name);
    }
}

}  // namespace

FormatSpec parse_format_spec(std::string_view spec_utf8, std::string_view type_name, char32_t default_type,
                             char32_t default_align) {
    const std::u32string spec = utf8_decode(spec_utf8);
    const size_t end = spec.size();
    size_t pos = 0;
    FormatSpec f;
    f.align = default_align;
    f.type = default_type;
    bool align_specified = false, fill_char_specified = false;
    // A fill character counts only when an alignment token follows it.
    if (end - pos >= 2 && is_alignment_token(spec[pos + 1])) {
        f.align = spec[pos + 1];
        f.fill = spec[pos];
        fill_char_specified = align_specified = true;
        pos += 2;
    } else if (end - pos >= 1 && is_alignment_token(spec[pos])) {
        f.align = spec[pos];
        align_specified = true;
        ++pos;
    }
    if (end - pos >= 1 && is_sign_element(spec[pos])) f.sign = spec[pos++];
    if (end - pos >= 1 && spec[pos] == 'z') {
        f.no_neg_0 = true;
        ++pos;
    }
    if (end - pos >= 1 && spec[pos] == '#') {
        f.alternate = true;
        ++pos;
    }
    // '0' before the width: zero fill, and '=' alignment for numbers only (3.10+).
    if (!fill_char_specified && end - pos >= 1 && spec[pos] == '0') {
        f.fill = '0';
        if (!align_specified && default_align == '>') f.align = '=';
        ++pos;
    }
    if (get_integer(spec, pos, f.width) == 0) f.width = -1;
    auto comma_and_underscore = [] { throw ValueError("Cannot specify both ',' and '_'."); };
    if (end - pos && spec[pos] == ',') {
        f.grouping = Grouping::Comma;
        ++pos;
    }
    if (end - pos && spec[pos] == '_') {
        if (f.grouping != Grouping::None) comma_and_underscore();
        f.grouping = Grouping::Underscore;
        ++pos;
    }
    if (end - pos && spec[pos] == ',' && f.grouping == Grouping::Underscore) comma_and_underscore();
    if (end - pos && spec[pos] == '.') {
        ++pos;
        if (get_integer(spec, pos, f.precision) == 0) throw ValueError("Format specifier missing precision");
    }
    if (end - pos > 1) {
        throw ValueError("Invalid format specifier '" + std::string(spec_utf8) + "' for object of type '" +
                         std::string(type_name.substr(0, 200)) + "'");
    }
    if (end - pos == 1) f.type = spec[pos++];
    if (f.grouping != Grouping::None) {
        switch (f.type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;  // PEP 378
        case 'b': case 'o': case 'x': case 'X':
            // PEP 515: '_' every four digits in bin/oct/hex; ',' is not allowed.
            if (f.grouping == Grouping::Underscore) {
                f.grouping = Grouping::Underscore4;
                break;
            }
            [[fallthrough]];
        default:
            throw ValueError(std::string("Cannot specify '") + (f.grouping == Grouping::Comma ? ',' : '_') +
                             "' with " + quoted_type(f.type) + ".");
        }
    }
    return f;
}

std::string format_int(int64_t n, std::string_view spec) {
    if (spec.empty()) return std::to_string(n);
    return format_integer_object(n, spec, "int");
}

std::string format_bool(bool b, std::string_view spec) {
    if (spec.empty()) return b ? "True" : "False";  // format_obj: str(self)
    return format_integer_object(b ? 1 : 0, spec, "bool");
}

std::string format_float(double x, std::string_view spec) {
    if (spec.empty()) return float_repr(x);
    const FormatSpec f = parse_format_spec(spec, "float", 0, '>');
    switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        return format_float_internal(x, f);
    default:
        unknown_presentation_type(f.type, "float");
    }
}

std::string format_str(std::string_view utf8, std::string_view spec) {
    if (spec.empty()) return std::string(utf8);
    const FormatSpec f = parse_format_spec(spec, "str", 's', '<');
    if (f.type != 's') unknown_presentation_type(f.type, "str");
    // format_string_internal.
    if (f.sign != 0) {
        throw ValueError(f.sign == ' ' ? "Space not allowed in string format specifier"
                                       : "Sign not allowed in string format specifier");
    }
    if (f.no_neg_0) throw ValueError("Negative zero coercion (z) not allowed in string format specifier");
    if (f.alternate) throw ValueError("Alternate form (#) not allowed in string format specifier");
    if (f.align == '=') throw ValueError("'=' alignment not allowed in string format specifier");
    int64_t len = static_cast<int64_t>(utf8_length(utf8));
    if ((f.width == -1 || f.width <= len) && (f.precision == -1 || f.precision >= len)) return std::string(utf8);
    if (f.precision >= 0 && len >= f.precision) len = f.precision;
    // calc_padding.
    const int64_t total = f.width >= 0 && f.width > len ? f.width : len;
    int64_t lpad = 0;
    if (f.align == '>') lpad = total - len;
    else if (f.align == '^') lpad = (total - len) / 2;
    const int64_t rpad = total - len - lpad;
    std::string out;
    append_fill(out, f.fill, lpad);
    out.append(utf8.substr(0, utf8_offset(utf8, static_cast<size_t>(len))));
    append_fill(out, f.fill, rpad);
    return out;
}

}  // namespace looplab::py
