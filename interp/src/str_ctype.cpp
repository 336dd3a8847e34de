// Unicode properties and case mappings for str (CPython Objects/unicodectype.c), from the
// tables tools/gen_str_ctype.py generates out of CPython 3.11's unicodedata.
#include "looplab/py/str_ctype.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "looplab/py/str.hpp"

namespace looplab::py::uc {
namespace {

struct PropRun {
    uint16_t start;  // the run lasts until the next run's start
    uint16_t flags;
};
struct CaseRun {
    uint16_t lo, hi;  // inclusive; every `stride`-th code point from lo maps to cp + delta
    int32_t delta;
    uint8_t stride;
};
struct CaseSpecial {
    uint16_t cp;
    const char* utf8;  // the mapping (several code points)
};

#include "str_ctype_tables.inc"

uint16_t flags_of(char32_t c) {
    if (c < 0x80) {  // ASCII fast path, same answers as the table
        uint16_t f = 0;
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
            f = ALPHA | XID_START | XID_CONTINUE | CASED;
        else if (c >= '0' && c <= '9')
            f = DECIMAL | DIGIT | NUMERIC | XID_CONTINUE;
        else if (c == '_')
            f = XID_START | XID_CONTINUE;
        else if ((c >= 9 && c <= 13) || (c >= 0x1C && c <= 0x20))
            f = SPACE | ((c >= 10 && c <= 13) || (c >= 0x1C && c <= 0x1E) ? LINEBREAK : 0);
        else if (c == '\'' || c == '.' || c == ':' || c == '^' || c == '`')
            f = CASE_IGNORABLE;
        return f;
    }
    if (c >= 0x10000) {
        // Beyond the BMP: CJK Unified Ideographs Extension B..G are letters; the rest (emoji,
        // historic scripts, mathematical alphanumerics) is treated as symbols.
        if ((c >= 0x20000 && c <= 0x2A6DF) || (c >= 0x2A700 && c <= 0x2EBE0) ||
            (c >= 0x2F800 && c <= 0x2FA1D) || (c >= 0x30000 && c <= 0x3134A))
            return ALPHA | XID_START | XID_CONTINUE;
        return 0;
    }
    // Last run whose start <= c.
    auto it = std::upper_bound(std::begin(kPropRuns), std::end(kPropRuns), c,
                               [](char32_t v, const PropRun& r) { return v < r.start; });
    return it == std::begin(kPropRuns) ? 0 : (it - 1)->flags;
}

template <size_t N>
const CaseRun* find_run(const CaseRun (&runs)[N], char32_t c) {
    if (c >= 0x10000) return nullptr;
    auto it = std::lower_bound(std::begin(runs), std::end(runs), c,
                               [](const CaseRun& r, char32_t v) { return r.hi < v; });
    if (it == std::end(runs) || c < it->lo || (c - it->lo) % it->stride != 0) return nullptr;
    return it;
}
template <size_t N>
const char* find_special(const CaseSpecial (&sp)[N], char32_t c) {
    if (c >= 0x10000) return nullptr;
    auto it = std::lower_bound(std::begin(sp), std::end(sp), c,
                               [](const CaseSpecial& s, char32_t v) { return s.cp < v; });
    return it != std::end(sp) && it->cp == c ? it->utf8 : nullptr;
}
template <size_t N>
char32_t map_run(const CaseRun (&runs)[N], char32_t c) {
    const CaseRun* r = find_run(runs, c);
    return r ? char32_t(int32_t(c) + r->delta) : c;
}

}  // namespace

bool isalpha(char32_t c) { return flags_of(c) & ALPHA; }
bool isdecimal(char32_t c) { return flags_of(c) & DECIMAL; }
bool isdigit(char32_t c) { return flags_of(c) & DIGIT; }
bool isnumeric(char32_t c) { return flags_of(c) & NUMERIC; }
bool isalnum(char32_t c) { return flags_of(c) & (ALPHA | DECIMAL | DIGIT | NUMERIC); }
bool isspace(char32_t c) { return flags_of(c) & SPACE; }
bool islinebreak(char32_t c) { return flags_of(c) & LINEBREAK; }
bool iscased(char32_t c) {
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return flags_of(c) & CASED;
}
bool iscase_ignorable(char32_t c) { return flags_of(c) & CASE_IGNORABLE; }
bool isxid_start(char32_t c) { return flags_of(c) & XID_START; }
bool isxid_continue(char32_t c) { return flags_of(c) & XID_CONTINUE; }
bool istitle(char32_t c) { return flags_of(c) & TITLE; }

// A cased code point is upper case when it has a lower-case mapping (and is not a titlecase
// digraph like ǅ); the few without mappings (ℂ, Ⓐ) carry the UPPER flag. The generator
// checks this rule against CPython for every BMP code point.
bool isupper(char32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    uint16_t f = flags_of(c);
    if (f & UPPER) return true;
    if (f & TITLE) return false;
    return find_run(kLowerRuns, c) || find_special(kLowerSpecial, c);
}
bool islower(char32_t c) {
    if (c < 0x80) return c >= 'a' && c <= 'z';
    uint16_t f = flags_of(c);
    if (f & LOWER) return true;
    if (f & TITLE) return false;
    return find_run(kUpperRuns, c) || find_special(kUpperSpecial, c);
}

char32_t to_upper(char32_t c) {
    if (c < 0x80) return c >= 'a' && c <= 'z' ? c - 32 : c;
    return map_run(kUpperRuns, c);
}
char32_t to_lower(char32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
    return map_run(kLowerRuns, c);
}

void append_upper(std::string& out, char32_t c) {
    if (const char* s = find_special(kUpperSpecial, c)) {
        out += s;
        return;
    }
    utf8_append(out, to_upper(c));
}
void append_lower(std::string& out, char32_t c) {
    if (const char* s = find_special(kLowerSpecial, c)) {
        out += s;
        return;
    }
    utf8_append(out, to_lower(c));
}
void append_title(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += char(to_upper(c));
        return;
    }
    if (const char* s = find_special(kTitleSpecial, c)) {
        out += s;
        return;
    }
    if (const CaseRun* r = find_run(kTitleRuns, c)) {
        utf8_append(out, char32_t(int32_t(c) + r->delta));
        return;
    }
    if (find_run(kTitleIdentity, c)) {
        utf8_append(out, c);
        return;
    }
    append_upper(out, c);
}
void append_fold(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += char(to_lower(c));
        return;
    }
    if (const char* s = find_special(kFoldSpecial, c)) {
        out += s;
        return;
    }
    if (const CaseRun* r = find_run(kFoldRuns, c)) {
        utf8_append(out, char32_t(int32_t(c) + r->delta));
        return;
    }
    if (find_run(kFoldIdentity, c)) {
        utf8_append(out, c);
        return;
    }
    append_lower(out, c);
}

}  // namespace looplab::py::uc
