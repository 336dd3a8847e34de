#pragma once
// Code points of LoopLab's str (UTF-8 in a std::string) and the few Unicode properties
// the numeric/text primitives need, with CPython 3.11's rules (Unicode 14.0):
// Py_UNICODE_ISSPACE, Py_UNICODE_TODECIMAL, Py_UNICODE_ISPRINTABLE, and repr(str)
// (Objects/unicodeobject.c: unicode_repr).
//
// Decoding is lenient: a lone surrogate encoded as three bytes (ED A0 80 for U+D800, which a
// Python str may hold) decodes to that surrogate; bytes that are not UTF-8 decode to U+FFFD.
#include <cstddef>
#include <string>
#include <string_view>

namespace looplab::py {

std::u32string utf8_decode(std::string_view utf8);
void utf8_append(std::string& out, char32_t cp);
std::string utf8_encode(std::u32string_view text);
// len(s): the number of code points (bytes that are not continuation bytes).
size_t utf8_length(std::string_view utf8) noexcept;
// The largest code point of s (0 for ""): decides CPython's PEP 393 storage width.
char32_t utf8_max_char(std::string_view utf8) noexcept;
// Byte offset of code point number `index` (utf8.size() when index >= length).
size_t utf8_offset(std::string_view utf8, size_t index) noexcept;

// str.isspace() of one character (Py_UNICODE_ISSPACE).
bool unicode_isspace(char32_t c) noexcept;
// The decimal value 0..9 of a Unicode decimal digit (category Nd), else -1
// (Py_UNICODE_TODECIMAL).
int unicode_todecimal(char32_t c) noexcept;
// str.isprintable() of one character (Py_UNICODE_ISPRINTABLE).
bool unicode_isprintable(char32_t c) noexcept;

// repr(s) exactly as CPython: quotes chosen as unicode_repr does, \\ \t \n \r escapes,
// \xHH for other control characters, \xHH/\uHHHH/\UHHHHHHHH for non-printable characters.
std::string str_repr(std::string_view utf8);
// The "%.200R" of PyUnicode_FromFormat: repr(s) cut to its first 200 code points (the
// closing quote may be cut off, as in CPython's "invalid literal for int()" message).
std::string str_repr_truncated(std::string_view utf8, size_t max_chars = 200);

}  // namespace looplab::py
