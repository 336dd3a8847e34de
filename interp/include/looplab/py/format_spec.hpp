#pragma once
// The format-spec mini-language (PEP 3101) of format(), str.format() and f-strings, exactly
// as CPython 3.11's Python/formatter_unicode.c for int, bool, float and str:
// [[fill]align][sign][z][#][0][width][grouping][.precision][type]. Widths and precisions
// count code points; fill may be any character. Errors are ValueError (OverflowError for
// 'c' out of range) with CPython's messages, e.g. "Unknown format code 'd' for object of
// type 'float'", "Format specifier missing precision", "Cannot specify ',' with 's'.".
//
// printf-style `str % args` lives in percent_format.hpp (included here).
#include <cstdint>
#include <string>
#include <string_view>

#include "looplab/py/numeric_errors.hpp"
#include "looplab/py/percent_format.hpp"

namespace looplab::py {

// Thousands separators (formatter_unicode.c's LocaleType, minus the locale ones).
enum class Grouping : uint8_t {
    None,         // no separator
    Comma,        // ',' every 3 digits
    Underscore,   // '_' every 3 digits
    Underscore4,  // '_' every 4 digits (b, o, x, X)
};

// InternalFormatSpec.
struct FormatSpec {
    char32_t fill = ' ';
    char32_t align = '>';   // '<', '>', '=', '^'
    char32_t sign = 0;      // '+', '-', ' ' or 0 when absent
    bool no_neg_0 = false;  // 'z' (PEP 682)
    bool alternate = false; // '#'
    int64_t width = -1;     // -1: not given
    Grouping grouping = Grouping::None;
    int64_t precision = -1; // -1: not given
    char32_t type = 0;      // the presentation type, or the default given to the parser
};

// parse_internal_render_format_spec: `type_name` only appears in the "Invalid format
// specifier" message; `default_type` is 'd' for int, 's' for str, 0 for float, and
// `default_align` '>' for numbers, '<' for str.
FormatSpec parse_format_spec(std::string_view spec, std::string_view type_name = "object",
                             char32_t default_type = 0, char32_t default_align = '>');

// format(n, spec) for an int (_PyLong_FormatAdvancedWriter); float presentation types
// convert to float first. An empty spec gives str(n).
std::string format_int(int64_t n, std::string_view spec);
// format(b, spec) for a bool: int's __format__, but "True"/"False" for an empty spec and
// 'bool' in error messages.
std::string format_bool(bool b, std::string_view spec);
// format(x, spec) for a float (_PyFloat_FormatAdvancedWriter). An empty spec gives str(x).
std::string format_float(double x, std::string_view spec);
// format(s, spec) for a str given as UTF-8 (_PyUnicode_FormatAdvancedWriter).
std::string format_str(std::string_view utf8, std::string_view spec);

}  // namespace looplab::py
