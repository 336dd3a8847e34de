#pragma once
// Unicode character properties and case mappings for str's methods (CPython
// Objects/unicodectype.c). Data: str_ctype_tables.inc, generated from CPython 3.11's
// unicodedata by tools/gen_str_ctype.py. Complete for the Basic Multilingual Plane; beyond it
// only CJK ideographs are letters and there are no case mappings (documented approximation:
// Deseret, Osage, mathematical alphanumerics... are not classified).
// Printability (repr's escaping) is not here: unicode_text.hpp has the exact table.
#include <string>

namespace looplab::py::uc {

bool isalpha(char32_t c);
bool isdecimal(char32_t c);
bool isdigit(char32_t c);
bool isnumeric(char32_t c);
bool isalnum(char32_t c);       // alpha, decimal, digit or numeric (Py_UNICODE_ISALNUM)
bool isspace(char32_t c);       // Py_UNICODE_ISSPACE: split()'s and strip()'s whitespace
bool islinebreak(char32_t c);   // splitlines() boundaries
bool isupper(char32_t c);
bool islower(char32_t c);
bool istitle(char32_t c);       // titlecase letters (ǅ); not upper case ones
bool iscased(char32_t c);
bool iscase_ignorable(char32_t c);
bool isxid_start(char32_t c);   // identifier start (letters, '_'...)
bool isxid_continue(char32_t c);

// Full case mappings, appended as UTF-8 (one code point may map to several: 'ß' -> "SS").
void append_upper(std::string& out, char32_t c);
void append_lower(std::string& out, char32_t c);
void append_title(std::string& out, char32_t c);
void append_fold(std::string& out, char32_t c);
// Simple (single code point) mappings, c itself when there is none or it is several.
char32_t to_upper(char32_t c);
char32_t to_lower(char32_t c);

}  // namespace looplab::py::uc
