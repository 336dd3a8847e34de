// str's case mappings and character-class predicates (CPython Objects/unicodeobject.c:
// do_upper, do_lower, do_title, do_capitalize, do_swapcase, do_casefold, unicode_is*_impl),
// on the Unicode data of str_ctype.cpp.
#include <string>

#include "looplab/py/abstract.hpp"
#include "looplab/py/str.hpp"
#include "looplab/py/str_ctype.hpp"
#include "native_args.hpp"

namespace looplab::py {
namespace {

using argbind::bind;
using argbind::Sig;

const Str& self_of(const CallArgs& a, const char* name) {
    Value none[1];
    return bind(a, name, Sig::noargs, 0, 0, none);
}

// lower() of code point i of s, with the Greek final-sigma rule (handle_capital_sigma):
// Σ becomes ς after a cased letter (skipping case-ignorable ones) that no cased letter follows.
void append_lower_at(std::string& out, const std::u32string& s, size_t i) {
    if (s[i] != 0x3A3) {
        uc::append_lower(out, s[i]);
        return;
    }
    size_t j = i;
    while (j > 0 && uc::iscase_ignorable(s[j - 1])) --j;
    bool final_sigma = j > 0 && uc::iscased(s[j - 1]);
    if (final_sigma) {
        j = i + 1;
        while (j < s.size() && uc::iscase_ignorable(s[j])) ++j;
        final_sigma = j == s.size() || !uc::iscased(s[j]);
    }
    utf8_append(out, final_sigma ? 0x3C2 : 0x3C3);
}

Value str_upper(Interp&, const CallArgs& a) {
    const Str& self = self_of(a, "upper");
    std::string out;
    out.reserve(self.s.size());
    if (self.is_ascii()) {
        for (char c : self.s) out += c >= 'a' && c <= 'z' ? char(c - 32) : c;
    } else {
        for (char32_t c : utf8_decode(self.s)) uc::append_upper(out, c);
    }
    return make_str(std::move(out));
}

Value str_lower(Interp&, const CallArgs& a) {
    const Str& self = self_of(a, "lower");
    std::string out;
    out.reserve(self.s.size());
    if (self.is_ascii()) {
        for (char c : self.s) out += c >= 'A' && c <= 'Z' ? char(c + 32) : c;
    } else {
        std::u32string s = utf8_decode(self.s);
        for (size_t i = 0; i < s.size(); ++i) append_lower_at(out, s, i);
    }
    return make_str(std::move(out));
}

Value str_casefold(Interp&, const CallArgs& a) {
    const Str& self = self_of(a, "casefold");
    std::string out;
    for (char32_t c : utf8_decode(self.s)) uc::append_fold(out, c);
    return make_str(std::move(out));
}

Value str_swapcase(Interp&, const CallArgs& a) {
    const Str& self = self_of(a, "swapcase");
    std::u32string s = utf8_decode(self.s);
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (uc::isupper(s[i])) append_lower_at(out, s, i);
        else if (uc::islower(s[i])) uc::append_upper(out, s[i]);
        else utf8_append(out, s[i]);
    }
    return make_str(std::move(out));
}

// Words start after an uncased character: "they're" -> "They'Re", as CPython.
Value str_title(Interp&, const CallArgs& a) {
    const Str& self = self_of(a, "title");
    std::u32string s = utf8_decode(self.s);
    std::string out;
    bool previous_is_cased = false;
    for (size_t i = 0; i < s.size(); ++i) {
        if (previous_is_cased) append_lower_at(out, s, i);
        else uc::append_title(out, s[i]);
        previous_is_cased = uc::iscased(s[i]);
    }
    return make_str(std::move(out));
}

// The first character in title case (since 3.8, not upper case: 'ǆ' -> 'ǅ'), the rest lower.
Value str_capitalize(Interp&, const CallArgs& a) {
    const Str& self = self_of(a, "capitalize");
    std::u32string s = utf8_decode(self.s);
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (i == 0) uc::append_title(out, s[i]);
        else append_lower_at(out, s, i);
    }
    return make_str(std::move(out));
}

// ---- predicates -----------------------------------------------------------------------
template <bool (*pred)(char32_t)>
bool all_of(const Str& s) {
    if (s.s.empty()) return false;
    for (size_t i = 0; i < s.s.size();)
        if (!pred(utf8_next(s.s, i))) return false;
    return true;
}

#define LOOPLAB_STR_PREDICATE(NAME, PRED)                                              \
    Value str_##NAME(Interp&, const CallArgs& a) {                                      \
        return Value::boolean(all_of<PRED>(self_of(a, #NAME)));                          \
    }
LOOPLAB_STR_PREDICATE(isspace, uc::isspace)
LOOPLAB_STR_PREDICATE(isalpha, uc::isalpha)
LOOPLAB_STR_PREDICATE(isalnum, uc::isalnum)
LOOPLAB_STR_PREDICATE(isdecimal, uc::isdecimal)
LOOPLAB_STR_PREDICATE(isdigit, uc::isdigit)
LOOPLAB_STR_PREDICATE(isnumeric, uc::isnumeric)
#undef LOOPLAB_STR_PREDICATE

Value str_isprintable(Interp&, const CallArgs& a) {
    const Str& s = self_of(a, "isprintable");
    for (size_t i = 0; i < s.s.size();)
        if (!unicode_isprintable(utf8_next(s.s, i))) return Value::boolean(false);
    return Value::boolean(true);  // '' is printable
}

Value str_isascii(Interp&, const CallArgs& a) { return Value::boolean(self_of(a, "isascii").is_ascii()); }

Value str_isidentifier_m(Interp&, const CallArgs& a) {
    return Value::boolean(str_isidentifier(self_of(a, "isidentifier").s));
}

// At least one cased character and no character of the other case (unicode_isupper_impl).
Value str_isupper(Interp&, const CallArgs& a) {
    const Str& s = self_of(a, "isupper");
    bool cased = false;
    for (size_t i = 0; i < s.s.size();) {
        char32_t c = utf8_next(s.s, i);
        if (uc::islower(c) || uc::istitle(c)) return Value::boolean(false);
        cased = cased || uc::isupper(c);
    }
    return Value::boolean(cased);
}
Value str_islower(Interp&, const CallArgs& a) {
    const Str& s = self_of(a, "islower");
    bool cased = false;
    for (size_t i = 0; i < s.s.size();) {
        char32_t c = utf8_next(s.s, i);
        if (uc::isupper(c) || uc::istitle(c)) return Value::boolean(false);
        cased = cased || uc::islower(c);
    }
    return Value::boolean(cased);
}
// Upper/titlecase only after uncased characters, lower case only after cased ones.
Value str_istitle(Interp&, const CallArgs& a) {
    const Str& s = self_of(a, "istitle");
    bool cased = false, previous_is_cased = false;
    for (size_t i = 0; i < s.s.size();) {
        char32_t c = utf8_next(s.s, i);
        if (uc::isupper(c) || uc::istitle(c)) {
            if (previous_is_cased) return Value::boolean(false);
            previous_is_cased = cased = true;
        } else if (uc::islower(c)) {
            if (!previous_is_cased) return Value::boolean(false);
            previous_is_cased = cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    return Value::boolean(cased);
}

}  // namespace

void argbind::install_case_methods(Type& t) {
    struct {
        const char* name;
        NativeFn fn;
    } const methods[] = {
        {"upper", str_upper}, {"lower", str_lower}, {"casefold", str_casefold}, {"swapcase", str_swapcase},
        {"title", str_title}, {"capitalize", str_capitalize}, {"isspace", str_isspace},
        {"isalpha", str_isalpha}, {"isalnum", str_isalnum}, {"isdecimal", str_isdecimal},
        {"isdigit", str_isdigit}, {"isnumeric", str_isnumeric}, {"isprintable", str_isprintable},
        {"isascii", str_isascii}, {"isidentifier", str_isidentifier_m}, {"isupper", str_isupper},
        {"islower", str_islower}, {"istitle", str_istitle},
    };
    for (const auto& m : methods) t.add_method(m.name, m.fn);
}

}  // namespace looplab::py
