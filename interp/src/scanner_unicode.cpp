// Source text for the scanner: UTF-8 decoding, character classes (declared in scanner.hpp,
// namespace utf8) and Scanner::normalize_source.
//
// CPython checks identifiers against the Unicode database (XID_Start/XID_Continue,
// Objects/unicodectype.c) and normalizes them with NFKC. LoopLab carries no Unicode database,
// so these are range approximations: every letter of every script is accepted (Chinese,
// Ukrainian, ... identifiers work), while the characters people paste by mistake — spaces,
// punctuation, quotes, dashes, symbols, arrows, box drawing, emoji — are rejected with CPython's
// "invalid character" / "invalid non-printable character" messages. Identifiers are not NFKC
// normalized (only matters for compatibility characters like 'ﬁ').
#include "looplab/py/scanner.hpp"

#include <cstdio>

namespace looplab::py::utf8 {

size_t sequence_length(std::string_view s, size_t i) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    if (c < 0x80) return 1;
    size_t n;
    char32_t min;
    if (c >= 0xC2 && c <= 0xDF) { n = 2; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; min = 0x10000; }
    else return 0;
    if (i + n > s.size()) return 0;
    for (size_t k = 1; k < n; ++k)
        if ((b(i + k) & 0xC0) != 0x80) return 0;
    char32_t cp = decode(s, i);
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

char32_t decode(std::string_view s, size_t i) {
    auto b = [&](size_t k) -> char32_t { return static_cast<unsigned char>(s[k]); };
    char32_t c = b(i);
    if (c < 0x80) return c;
    if (c < 0xE0) return ((c & 0x1F) << 6) | (b(i + 1) & 0x3F);
    if (c < 0xF0) return ((c & 0x0F) << 12) | ((b(i + 1) & 0x3F) << 6) | (b(i + 2) & 0x3F);
    return ((c & 0x07) << 18) | ((b(i + 1) & 0x3F) << 12) | ((b(i + 2) & 0x3F) << 6) |
           (b(i + 3) & 0x3F);
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

namespace {
struct Range {
    char32_t lo, hi;
};
bool in(const Range* r, size_t n, char32_t cp) {
    for (size_t i = 0; i < n; ++i)
        if (cp >= r[i].lo && cp <= r[i].hi) return true;
    return false;
}

// Not printable (Py_UNICODE_ISPRINTABLE is false for Cc, Cf, Zs except ' ', Zl, Zp, Cs, Co, Cn).
constexpr Range kNonPrintable[] = {
    {0x00, 0x1F},       {0x7F, 0xA0},       {0xAD, 0xAD},     {0x600, 0x605},
    {0x61C, 0x61C},     {0x6DD, 0x6DD},     {0x70F, 0x70F},   {0x1680, 0x1680},
    {0x180E, 0x180E},   {0x2000, 0x200F},   {0x2028, 0x202F}, {0x205F, 0x206F},
    {0x3000, 0x3000},   {0xD800, 0xF8FF},   {0xFEFF, 0xFEFF}, {0xFFF0, 0xFFFB},
    {0xFFFE, 0xFFFF},   {0xE0000, 0xE0FFF}, {0xF0000, 0x10FFFF}};

// Printable but neither XID_Start nor XID_Continue: punctuation and symbols.
constexpr Range kNotIdentifier[] = {
    {0xA1, 0xA9},     {0xAB, 0xB4},     {0xB6, 0xB6},     {0xB8, 0xB9},     {0xBB, 0xBF},
    {0xD7, 0xD7},     {0xF7, 0xF7},     {0x2C2, 0x2C5},   {0x2D2, 0x2DF},   {0x37E, 0x37E},
    {0x387, 0x387},   {0x55A, 0x55F},   {0x589, 0x58A},   {0x5BE, 0x5BE},   {0x5C0, 0x5C0},
    {0x5C3, 0x5C3},   {0x5C6, 0x5C6},   {0x5F3, 0x5F4},   {0x609, 0x60D},   {0x61B, 0x61F},
    {0x66A, 0x66D},   {0x6D4, 0x6D4},   {0x964, 0x965},   {0x970, 0x970},   {0xE3F, 0xE3F},
    {0xE4F, 0xE4F},   {0xE5A, 0xE5B},   {0x2010, 0x2027}, {0x2030, 0x203E}, {0x2041, 0x2053},
    {0x2055, 0x205E}, {0x207A, 0x207E}, {0x208A, 0x208E}, {0x20A0, 0x20CF}, {0x2100, 0x2101},
    {0x2103, 0x2106}, {0x2108, 0x2109}, {0x2114, 0x2114}, {0x2116, 0x2118}, {0x211E, 0x2123},
    {0x2125, 0x2125}, {0x2127, 0x2127}, {0x2129, 0x2129}, {0x212E, 0x212E}, {0x213A, 0x213B},
    {0x2140, 0x2144}, {0x214A, 0x214D}, {0x214F, 0x214F}, {0x2190, 0x245F}, {0x2500, 0x2775},
    {0x2794, 0x2BFF}, {0x2CE5, 0x2CEA}, {0x2CF9, 0x2CFF}, {0x2E00, 0x2E7F}, {0x2E80, 0x2FFF},
    {0x3001, 0x3004}, {0x3008, 0x3020}, {0x3030, 0x3030}, {0x3036, 0x3037}, {0x303D, 0x303F},
    {0x309B, 0x309C}, {0x30A0, 0x30A0}, {0x30FB, 0x30FB}, {0x3190, 0x319F}, {0x31C0, 0x31EF},
    {0x3200, 0x33FF}, {0x4DC0, 0x4DFF}, {0xA490, 0xA4CF}, {0xA4FE, 0xA4FF}, {0xA60D, 0xA60F},
    {0xA673, 0xA673}, {0xA67E, 0xA67E}, {0xA6F2, 0xA6F7}, {0xA700, 0xA716}, {0xA720, 0xA721},
    {0xA789, 0xA78A}, {0xFD3E, 0xFD3F}, {0xFDFC, 0xFDFF}, {0xFE10, 0xFE1F}, {0xFE30, 0xFE32},
    {0xFE35, 0xFE4C}, {0xFE50, 0xFE6F}, {0xFF01, 0xFF0F}, {0xFF1A, 0xFF20}, {0xFF3B, 0xFF3E},
    {0xFF40, 0xFF40}, {0xFF5B, 0xFF65}, {0xFFE0, 0xFFEF}, {0xFFFC, 0xFFFD}, {0x1F000, 0x1FBFF}};

// XID_Continue but not XID_Start: combining marks and digits of other scripts.
constexpr Range kContinueOnly[] = {
    {0x300, 0x36F},   {0x483, 0x487},   {0x591, 0x5BD},   {0x610, 0x61A},   {0x64B, 0x669},
    {0x6F0, 0x6F9},   {0x900, 0x903},   {0x93A, 0x93C},   {0x93E, 0x94F},   {0x966, 0x96F},
    {0x1DC0, 0x1DFF}, {0x203F, 0x2040}, {0x2054, 0x2054}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F}, {0xFE33, 0xFE34}, {0xFE4D, 0xFE4F}, {0xFF10, 0xFF19}, {0xFF3F, 0xFF3F}};

constexpr size_t N(const auto& a) { return sizeof a / sizeof a[0]; }
}  // namespace

bool is_printable(char32_t cp) {
    if (cp == ' ') return true;
    return !in(kNonPrintable, N(kNonPrintable), cp);
}

bool is_xid_continue(char32_t cp) {
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
               cp == '_';
    return is_printable(cp) && !in(kNotIdentifier, N(kNotIdentifier), cp);
}

bool is_xid_start(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
    return is_xid_continue(cp) && !in(kContinueOnly, N(kContinueOnly), cp);
}

}  // namespace looplab::py::utf8

namespace looplab::py {

std::string Scanner::normalize_source(std::string_view raw, std::string_view filename) {
    if (raw.size() >= 3 && raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
    // CPython reads the file with universal newlines; a NUL byte or bad UTF-8 is a SyntaxError
    // (Parser/tokenizer.c, tok_underflow_file / decoding checks).
    size_t line = 1;
    for (size_t i = 0; i < raw.size();) {
        unsigned char c = static_cast<unsigned char>(raw[i]);
        if (c == 0) {
            SyntaxErrorInfo info;
            info.message = "source code cannot contain null bytes";
            info.line = 0;
            info.offset = 0;
            throw ParseError(info);
        }
        if (c == '\n') ++line;
        size_t n = utf8::sequence_length(raw, i);
        if (n == 0) {
            // Parser/tokenizer.c decoding_fgets -> "Non-UTF-8 code starting with ..."
            char buf[16];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            SyntaxErrorInfo info;
            info.message = std::string("Non-UTF-8 code starting with '") + buf + "' in file " +
                           std::string(filename) + " on line " + std::to_string(line) +
                           ", but no encoding declared; see https://peps.python.org/pep-0263/ for details";
            info.line = 0;
            info.offset = 0;
            throw ParseError(info);
        }
        i += n;
    }
    std::string out;
    out.reserve(raw.size() + 1);
    for (size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\r') {
            out += '\n';
            if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
        } else {
            out += raw[i];
        }
    }
    if (!out.empty() && out.back() != '\n') out += '\n';
    return out;
}

}  // namespace looplab::py
