// Unicode helpers with CPython 3.11's rules; see unicode_text.hpp.
#include "looplab/py/unicode_text.hpp"

#include <algorithm>
#include <iterator>

namespace looplab::py {

namespace {

struct CodeRange {
    char32_t first, last;
};

#include "unicode_tables.inc"

constexpr char kHex[] = "0123456789abcdef";

void append_hex(std::string& out, char32_t c, int digits) {
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) out += kHex[(c >> shift) & 0xF];
}

}  // namespace

std::u32string utf8_decode(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    size_t i = 0;
    const size_t n = s.size();
    while (i < n) {
        const unsigned char b0 = static_cast<unsigned char>(s[i]);
        if (b0 < 0x80) {
            out += char32_t(b0);
            ++i;
            continue;
        }
        int extra = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : b0 >= 0xC0 ? 1 : -1;
        if (b0 >= 0xF8) extra = -1;
        char32_t cp = extra == 3 ? (b0 & 0x07) : extra == 2 ? (b0 & 0x0F) : (b0 & 0x1F);
        bool ok = extra > 0 && i + static_cast<size_t>(extra) < n;
        for (int k = 1; ok && k <= extra; ++k) {
            const unsigned char b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xC0) != 0x80) ok = false;
            else cp = (cp << 6) | (b & 0x3F);
        }
        if (!ok || cp > 0x10FFFF) {
            out += char32_t(0xFFFD);
            ++i;
            continue;
        }
        out += cp;
        i += extra + 1;
    }
    return out;
}

void utf8_append(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::string utf8_encode(std::u32string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char32_t c : text) utf8_append(out, c);
    return out;
}

size_t utf8_length(std::string_view s) noexcept {
    size_t n = 0;
    for (char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    return n;
}

char32_t utf8_max_char(std::string_view s) noexcept {
    bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) {
        unsigned char m = 0;
        for (char c : s) m = std::max(m, static_cast<unsigned char>(c));
        return m;
    }
    char32_t m = 0;
    for (char32_t c : utf8_decode(s)) m = std::max(m, c);
    return m;
}

size_t utf8_offset(std::string_view s, size_t index) noexcept {
    size_t count = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (count == index) return i;
            ++count;
        }
    }
    return s.size();
}

bool unicode_isspace(char32_t c) noexcept {
    // Objects/unicodectype.c: bidirectional types WS, B, S and category Zs.
    if (c < 128) return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20);
    switch (c) {
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
    case 0x3000:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

int unicode_todecimal(char32_t c) noexcept {
    if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
    if (c < 0x660) return -1;
    const char32_t* end = std::end(kDecimalZeros);
    const char32_t* it = std::upper_bound(std::begin(kDecimalZeros), end, c);
    if (it == std::begin(kDecimalZeros)) return -1;
    char32_t zero = *(it - 1);
    return c - zero < 10 ? static_cast<int>(c - zero) : -1;
}

bool unicode_isprintable(char32_t c) noexcept {
    if (c >= 0x20 && c < 0x7F) return true;
    const CodeRange* end = std::end(kNonPrintable);
    const CodeRange* it = std::upper_bound(std::begin(kNonPrintable), end, c,
                                           [](char32_t v, const CodeRange& r) { return v < r.first; });
    if (it == std::begin(kNonPrintable)) return true;
    return c > (it - 1)->last;
}

std::string str_repr(std::string_view utf8) {
    const std::u32string s = utf8_decode(utf8);
    // unicode_repr: use ' unless the string holds ' and no ", then use ".
    bool squote = false, dquote = false;
    for (char32_t c : s) {
        squote |= c == '\'';
        dquote |= c == '"';
    }
    const char32_t quote = squote && !dquote ? '"' : '\'';
    std::string out;
    out.reserve(utf8.size() + 2);
    out += static_cast<char>(quote);
    for (char32_t c : s) {
        if (c == quote || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < ' ' || c == 0x7F) {
            out += "\\x";
            append_hex(out, c, 2);
        } else if (c < 0x7F) {
            out += static_cast<char>(c);
        } else if (unicode_isprintable(c)) {
            utf8_append(out, c);
        } else if (c < 0x100) {
            out += "\\x";
            append_hex(out, c, 2);
        } else if (c < 0x10000) {
            out += "\\u";
            append_hex(out, c, 4);
        } else {
            out += "\\U";
            append_hex(out, c, 8);
        }
    }
    out += static_cast<char>(quote);
    return out;
}

std::string str_repr_truncated(std::string_view utf8, size_t max_chars) {
    std::string r = str_repr(utf8);
    r.resize(utf8_offset(r, max_chars));
    return r;
}

}  // namespace looplab::py
