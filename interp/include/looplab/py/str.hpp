#pragma once
// str (CPython Objects/unicodeobject.c): what the VM and other natives need beyond the
// methods (which install_str_methods() puts in str's dict).
//
// A Str holds UTF-8. Python indexes strings by code point, so an index is a code-point
// index; for ASCII strings (the common case: Str::is_ascii()) byte and code-point offsets
// coincide and every operation takes its fast path. Comparisons compare bytes: UTF-8 byte
// order is code-point order, which is what CPython's unicode_compare does.
#include <cstdint>
#include <string>
#include <string_view>

#include "looplab/py/object.hpp"
#include "looplab/py/types.hpp"
#include "looplab/py/unicode_text.hpp"

namespace looplab::py {

// ---- UTF-8 (every Str is valid UTF-8: the scanner and every constructor guarantee it) ----
// Decodes the code point starting at s[pos] and moves pos past it.
inline char32_t utf8_next(std::string_view s, size_t& pos) noexcept {
    unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) {
        ++pos;
        return c;
    }
    int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
    char32_t cp = c & (0x3F >> n);
    for (int k = 0; k < n && pos + 1 < s.size(); ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[++pos]) & 0x3F);
    ++pos;
    return cp;
}
// Byte offset of code point `index` in s (0 <= index <= length; index == length -> size).
// ASCII strings take the fast path. (UTF-8 basics are in unicode_text.hpp.)
size_t str_offset(const Str& s, int64_t index) noexcept;

// ---- the operators the VM dispatches to for str operands ------------------------------
Value str_getitem(Interp& in, Str& s, const Value& key);      // s[i], s[a:b:c]
Value str_concat(const Str& a, const Str& b);                 // a + b
Value str_repeat(Interp& in, const Str& s, int64_t n);        // s * n (n <= 0: '')
int str_compare(const Str& a, const Str& b) noexcept;         // <0, 0, >0 (code-point order)
bool str_contains(const Str& s, const Str& sub) noexcept;     // sub in s
Value str_iter(const Value& s);                               // iter(s): a str_iterator
Value str_mod(Interp& in, const Str& fmt, const Value& args); // fmt % args (printf style)

// ---- text ------------------------------------------------------------------------------
// repr(s) is str_repr() in unicode_text.hpp.
// ascii(x) is repr(x) with every non-ASCII character escaped (\xe9, \u4f60, \U0001f600):
// PyObject_ASCII's backslashreplace of the repr.
std::string ascii_escape(std::string_view repr_text);
// str.format(*args, **kwargs) (Objects/stringlib/unicode_format.h); `a` excludes self.
std::string str_format(Interp& in, std::string_view fmt, const CallArgs& a, const Value& mapping = {});
bool str_isidentifier(std::string_view s);

// bytes -> str (str(b, encoding, errors), bytes.decode): utf-8, ascii and latin-1 with the
// strict, replace and ignore error handlers; CPython's codec messages.
Value decode_bytes(Interp& in, std::string_view b, const std::string& encoding, const std::string& errors);

// UnicodeEncodeError (encode) or UnicodeDecodeError: subclasses of UnicodeError; the
// builtins module holds them under their names.
Type* unicode_error_type(bool encode);

// str(...): the constructor installed as types().str->construct.
Value str_new(Interp& in, const CallArgs& a);

}  // namespace looplab::py
