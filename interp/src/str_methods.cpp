// str's methods (CPython Objects/unicodeobject.c and Objects/stringlib/*.h): searching,
// splitting, stripping, padding, joining, replacing, encoding, and the dunders.
// Case mapping and the is*() predicates are in str_case.cpp; format() in str_format.cpp.
//
// Positions are code points, as in Python; the searches themselves run on the UTF-8 bytes
// (UTF-8 is self-synchronising, so a byte match of valid UTF-8 is a code-point match) and
// convert offsets only at the edges.
#include <algorithm>
#include <cctype>

#include "looplab/py/abstract.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/py/str.hpp"
#include "looplab/py/str_ctype.hpp"
#include "native_args.hpp"

namespace looplab::py {

using argbind::bind;
using argbind::index_arg;
using argbind::Sig;
using argbind::slice_index;
using argbind::str_arg;

namespace argbind {

void bind_args(const CallArgs& a, size_t first, const char* name, const std::string& qualname, Sig sig,
               size_t min, size_t max, Value* out, std::initializer_list<const char*> keywords) {
    const size_t n = a.size() - first;
    const std::string qual = qualname + "()";
    auto plural = [](size_t k) { return k == 1 ? " argument" : " arguments"; };
    if (sig != Sig::clinic && a.nkw) raise_type_error(qual + " takes no keyword arguments");
    switch (sig) {
        case Sig::noargs:
            if (n) raise_type_error(qual + " takes no arguments (" + std::to_string(n) + " given)");
            break;
        case Sig::one:
            if (n != 1) raise_type_error(qual + " takes exactly one argument (" + std::to_string(n) + " given)");
            break;
        case Sig::checkpos:
            if (min == max && n != min)
                raise_type_error(std::string(name) + " expected " + std::to_string(min) + plural(min) + ", got " +
                                 std::to_string(n));
            if (n < min)
                raise_type_error(std::string(name) + " expected at least " + std::to_string(min) + plural(min) +
                                 ", got " + std::to_string(n));
            if (n > max)
                raise_type_error(std::string(name) + " expected at most " + std::to_string(max) + plural(max) +
                                 ", got " + std::to_string(n));
            break;
        case Sig::parsetuple:
            if (n < min)
                raise_type_error(std::string(name) + "() takes at least " + std::to_string(min) + plural(min) +
                                 " (" + std::to_string(n) + " given)");
            [[fallthrough]];
        case Sig::clinic:
            if (n > max)
                raise_type_error(std::string(name) + "() takes at most " + std::to_string(max) + plural(max) +
                                 " (" + std::to_string(n) + " given)");
            break;
    }
    for (size_t i = 0; i < n; ++i) out[i] = a[i + first];
    for (size_t k = 0; k < a.nkw; ++k) {
        const std::string& kw = a.kwnames[k]->s;
        size_t pos = 0;
        for (const char* name_k : keywords) {
            if (kw == name_k) break;
            ++pos;
        }
        if (pos == keywords.size())
            raise_type_error("'" + kw + "' is an invalid keyword argument for " + name + "()");
        if (pos < n)
            raise_type_error(std::string("argument for ") + name + "() given by name ('" + kw + "') and position (" +
                             std::to_string(pos + 1) + ")");
        out[pos] = a.kwvalues[k];
    }
    if (sig == Sig::clinic)
        for (size_t i = n; i < min; ++i)
            if (out[i].is_undefined())
                raise_type_error(std::string(name) + "() missing required argument '" + *(keywords.begin() + i) +
                                 "' (pos " + std::to_string(i + 1) + ")");
}

Str& bind(const CallArgs& a, const char* name, Sig sig, size_t min, size_t max, Value* out,
          std::initializer_list<const char*> keywords) {
    if (a.size() == 0) raise_type_error(std::string("unbound method str.") + name + "() needs an argument");
    if (!is_str(a[0]))
        raise_type_error(std::string("descriptor '") + name + "' for 'str' objects doesn't apply to a '" +
                         type_name(a[0]) + "' object");
    bind_args(a, 1, name, std::string("str.") + name, sig, min, max, out, keywords);
    return *a[0].as<Str>();
}

int64_t index_arg(Interp& in, const Value& v) {
    if (v.is_intlike()) return v.as_int();
    Value m = lookup_special(v, "__index__");
    if (!m.is_undefined()) {
        Value r = call(in, m, std::vector<Value>{v});
        if (r.is_intlike()) return r.as_int();
        raise_type_error("__index__ returned non-int (type " + type_name(r) + ")");
    }
    raise_type_error("'" + type_name(v) + "' object cannot be interpreted as an integer");
}

int64_t slice_index(Interp& in, const Value& v, int64_t if_none) {
    if (v.is_undefined() || v.is_none()) return if_none;
    if (v.is_intlike() || !lookup_special(v, "__index__").is_undefined()) return index_arg(in, v);
    raise_type_error("slice indices must be integers or None or have an __index__ method");
}

const Str& str_arg(const Value& v, const std::string& what) {
    if (!is_str(v)) raise_type_error(what + "must be str, not " + type_name(v));
    return *v.as<Str>();
}

}  // namespace argbind

namespace {

int64_t cp_len(const Str& s) { return int64_t(s.len()); }

// Start of the code point that ends at byte `pos` (pos > 0).
size_t utf8_prev(std::string_view s, size_t pos) {
    do --pos;
    while (pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80);
    return pos;
}

// ADJUST_INDICES of Objects/stringlib: clamps [start, end) to [0, len].
void adjust_indices(int64_t& start, int64_t& end, int64_t len) {
    if (end > len) end = len;
    else if (end < 0) end = std::max<int64_t>(end + len, 0);
    if (start < 0) start = std::max<int64_t>(start + len, 0);
}

struct Window {  // a searched slice: code-point bounds and their byte offsets
    int64_t start, end;
    size_t bs, be;
};

Window window(Interp& in, const Str& s, const Value& start_v, const Value& end_v) {
    Window w{slice_index(in, start_v, 0), slice_index(in, end_v, INT64_MAX), 0, 0};
    adjust_indices(w.start, w.end, cp_len(s));
    if (w.start <= w.end) {
        w.bs = str_offset(s, w.start);
        w.be = str_offset(s, w.end);
    }
    return w;
}

// find / rfind / index / rindex (any_find_slice): code-point position or -1.
int64_t find_impl(Interp& in, const CallArgs& a, const char* name, bool reverse) {
    Value v[3];
    Str& s = bind(a, name, Sig::parsetuple, 1, 3, v);
    const Str& sub = str_arg(v[0], "");
    Window w = window(in, s, v[1], v[2]);
    if (w.end - w.start < int64_t(sub.len())) return -1;
    std::string_view hay = std::string_view(s.s).substr(w.bs, w.be - w.bs);
    size_t pos = reverse ? hay.rfind(sub.s) : hay.find(sub.s);
    if (pos == std::string_view::npos) return -1;
    return w.start + (s.is_ascii() ? int64_t(pos) : int64_t(utf8_length(hay.substr(0, pos))));
}

Value str_find(Interp& in, const CallArgs& a) { return Value::integer(find_impl(in, a, "find", false)); }
Value str_rfind(Interp& in, const CallArgs& a) { return Value::integer(find_impl(in, a, "rfind", true)); }
Value str_index(Interp& in, const CallArgs& a) {
    int64_t i = find_impl(in, a, "index", false);
    if (i < 0) raise(exc_types().ValueError, "substring not found");
    return Value::integer(i);
}
Value str_rindex(Interp& in, const CallArgs& a) {
    int64_t i = find_impl(in, a, "rindex", true);
    if (i < 0) raise(exc_types().ValueError, "substring not found");
    return Value::integer(i);
}

Value str_count(Interp& in, const CallArgs& a) {
    Value v[3];
    Str& s = bind(a, "count", Sig::parsetuple, 1, 3, v);
    const Str& sub = str_arg(v[0], "");
    Window w = window(in, s, v[1], v[2]);
    if (w.end - w.start < int64_t(sub.len())) return Value::integer(0);
    if (sub.s.empty()) return Value::integer(w.end - w.start + 1);
    std::string_view hay = std::string_view(s.s).substr(w.bs, w.be - w.bs);
    int64_t n = 0;
    for (size_t pos = hay.find(sub.s); pos != std::string_view::npos; pos = hay.find(sub.s, pos + sub.s.size())) ++n;
    return Value::integer(n);
}

// startswith / endswith (tailmatch), with a str or a tuple of str.
Value tailmatch(Interp& in, const CallArgs& a, const char* name, bool end_side) {
    Value v[3];
    Str& s = bind(a, name, Sig::parsetuple, 1, 3, v);
    auto match = [&](const Str& sub) {
        Window w = window(in, s, v[1], v[2]);
        if (w.end - int64_t(sub.len()) < w.start) return false;
        std::string_view hay = std::string_view(s.s).substr(w.bs, w.be - w.bs);
        return end_side ? hay.ends_with(sub.s) : hay.starts_with(sub.s);
    };
    if (kind_of(v[0]) == Kind::tuple) {
        for (const Value& item : v[0].as<Tuple>()->items) {
            if (!is_str(item))
                raise_type_error(std::string("tuple for ") + name + " must only contain str, not " + type_name(item));
            if (match(*item.as<Str>())) return Value::boolean(true);
        }
        return Value::boolean(false);
    }
    if (!is_str(v[0]))
        raise_type_error(std::string(name) + " first arg must be str or a tuple of str, not " + type_name(v[0]));
    return Value::boolean(match(*v[0].as<Str>()));
}
Value str_startswith(Interp& in, const CallArgs& a) { return tailmatch(in, a, "startswith", false); }
Value str_endswith(Interp& in, const CallArgs& a) { return tailmatch(in, a, "endswith", true); }

// ---- splitting ----------------------------------------------------------------------
bool is_ws_at(std::string_view s, size_t pos, size_t& next) {
    next = pos;
    return uc::isspace(utf8_next(s, next));
}

Value piece(std::string_view s, size_t b, size_t e) { return make_str(std::string(s.substr(b, e - b))); }

int64_t maxsplit_arg(Interp& in, const Value& v) {
    int64_t m = v.is_undefined() ? -1 : index_arg(in, v);
    return m < 0 ? INT64_MAX : m;
}

Value split_impl(Interp& in, const CallArgs& a, const char* name, bool reverse) {
    Value v[2];
    Str& self = bind(a, name, Sig::clinic, 0, 2, v, {"sep", "maxsplit"});
    if (!v[0].is_undefined() && !v[0].is_none() && !is_str(v[0]))
        raise_type_error("must be str or None, not " + type_name(v[0]));
    int64_t maxcount = maxsplit_arg(in, v[1]);
    std::string_view s = self.s;
    std::vector<Value> out;
    if (v[0].is_undefined() || v[0].is_none()) {  // split_whitespace / rsplit_whitespace
        size_t next;
        if (!reverse) {
            size_t i = 0;
            while (maxcount-- > 0) {
                while (i < s.size() && is_ws_at(s, i, next)) i = next;
                if (i == s.size()) break;
                size_t j = i;
                while (i < s.size() && !is_ws_at(s, i, next)) i = next;
                out.push_back(piece(s, j, i));
            }
            while (i < s.size() && is_ws_at(s, i, next)) i = next;
            if (i < s.size()) out.push_back(piece(s, i, s.size()));
        } else {
            size_t i = s.size();  // exclusive end of the unscanned part
            // Is the code point before `pos` whitespace? Leaves its start in `next`.
            auto ws_before = [&](size_t pos) {
                next = utf8_prev(s, pos);
                size_t p = next;
                return uc::isspace(utf8_next(s, p));
            };
            while (maxcount-- > 0) {
                while (i > 0 && ws_before(i)) i = next;
                if (i == 0) break;
                size_t j = i;
                while (i > 0 && !ws_before(i)) i = next;
                out.push_back(piece(s, i, j));
            }
            while (i > 0 && ws_before(i)) i = next;
            if (i > 0) out.push_back(piece(s, 0, i));
            std::reverse(out.begin(), out.end());
        }
        return make_list(std::move(out));
    }
    const std::string& sep = v[0].as<Str>()->s;
    if (sep.empty()) raise(exc_types().ValueError, "empty separator");
    if (!reverse) {
        size_t i = 0;
        for (size_t pos; maxcount-- > 0 && (pos = s.find(sep, i)) != std::string_view::npos; i = pos + sep.size())
            out.push_back(piece(s, i, pos));
        out.push_back(piece(s, i, s.size()));
    } else {
        size_t j = s.size();
        while (maxcount-- > 0 && j >= sep.size()) {
            size_t pos = s.substr(0, j).rfind(sep);
            if (pos == std::string_view::npos) break;
            out.push_back(piece(s, pos + sep.size(), j));
            j = pos;
        }
        out.push_back(piece(s, 0, j));
        std::reverse(out.begin(), out.end());
    }
    return make_list(std::move(out));
}
Value str_split(Interp& in, const CallArgs& a) { return split_impl(in, a, "split", false); }
Value str_rsplit(Interp& in, const CallArgs& a) { return split_impl(in, a, "rsplit", true); }

Value str_splitlines(Interp& in, const CallArgs& a) {
    Value v[1];
    Str& self = bind(a, "splitlines", Sig::clinic, 0, 1, v, {"keepends"});
    bool keepends = !v[0].is_undefined() && index_arg(in, v[0]) != 0;
    std::string_view s = self.s;
    std::vector<Value> out;
    size_t i = 0;
    while (i < s.size()) {
        size_t j = i, eol = 0, next = 0;
        for (; j < s.size(); j = next) {
            next = j;
            if (uc::islinebreak(utf8_next(s, next))) break;
        }
        eol = j;
        if (j < s.size()) {
            eol = next;
            if (s[j] == '\r' && eol < s.size() && s[eol] == '\n') ++eol;
        }
        out.push_back(piece(s, i, keepends ? eol : j));
        i = eol;
    }
    return make_list(std::move(out));
}

Value partition_impl(const CallArgs& a, const char* name, bool reverse) {
    Value v[1];
    Str& self = bind(a, name, Sig::one, 1, 1, v);
    const Str& sep = str_arg(v[0], "");
    if (sep.s.empty()) raise(exc_types().ValueError, "empty separator");
    size_t pos = reverse ? self.s.rfind(sep.s) : self.s.find(sep.s);
    if (pos == std::string::npos) {
        Value empty = make_str("");
        if (reverse) return make_tuple({empty, empty, Value(&self)});
        return make_tuple({Value(&self), empty, empty});
    }
    return make_tuple({piece(self.s, 0, pos), v[0], piece(self.s, pos + sep.s.size(), self.s.size())});
}
Value str_partition(Interp&, const CallArgs& a) { return partition_impl(a, "partition", false); }
Value str_rpartition(Interp&, const CallArgs& a) { return partition_impl(a, "rpartition", true); }

// ---- join, strip, replace -----------------------------------------------------------
Value str_join(Interp& in, const CallArgs& a) {
    Value v[1];
    Str& sep = bind(a, "join", Sig::one, 1, 1, v);
    std::vector<Value> items;
    Kind k = kind_of(v[0]);
    if (k == Kind::list || k == Kind::tuple) {
        items = k == Kind::list ? v[0].as<List>()->items : v[0].as<Tuple>()->items;
    } else {
        // PySequence_Fast: a TypeError from iter() becomes "can only join an iterable".
        Value it;
        try {
            it = iter(in, v[0]);
        } catch (PyErrorBase& e) {
            if (exception_matches(*e.exc, exc_types().TypeError))
                raise_type_error("can only join an iterable");
            throw;
        }
        for (Value x = next(in, it); !x.is_undefined(); x = next(in, it)) items.push_back(std::move(x));
    }
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (!is_str(items[i]))
            raise_type_error("sequence item " + std::to_string(i) + ": expected str instance, " +
                             type_name(items[i]) + " found");
        if (i) out += sep.s;
        out += items[i].as<Str>()->s;
    }
    return make_str(std::move(out));
}

// strip / lstrip / rstrip (do_strip, do_argstrip): whitespace or any of `chars`.
Value strip_impl(const CallArgs& a, const char* name, bool left, bool right) {
    Value v[1];
    Str& self = bind(a, name, Sig::checkpos, 0, 1, v);
    bool ws = v[0].is_undefined() || v[0].is_none();
    if (!ws && !is_str(v[0])) raise_type_error(std::string(name) + " arg must be None or str");
    std::u32string chars = ws ? std::u32string() : utf8_decode(v[0].as<Str>()->s);
    auto strip_it = [&](char32_t c) { return ws ? uc::isspace(c) : chars.find(c) != std::u32string::npos; };
    std::string_view s = self.s;
    size_t b = 0, e = s.size(), next;
    if (left)
        while (b < e && strip_it(utf8_next(s, next = b))) b = next;
    if (right)
        while (e > b) {
            size_t p = utf8_prev(s, e), q = p;
            if (!strip_it(utf8_next(s, q))) break;
            e = p;
        }
    if (b == 0 && e == s.size()) return Value(&self);
    return piece(s, b, e);
}
Value str_strip(Interp&, const CallArgs& a) { return strip_impl(a, "strip", true, true); }
Value str_lstrip(Interp&, const CallArgs& a) { return strip_impl(a, "lstrip", true, false); }
Value str_rstrip(Interp&, const CallArgs& a) { return strip_impl(a, "rstrip", false, true); }

Value str_replace(Interp& in, const CallArgs& a) {
    Value v[3];
    Str& self = bind(a, "replace", Sig::checkpos, 2, 3, v);
    if (!is_str(v[0])) raise_type_error("replace() argument 1 must be str, not " + type_name(v[0]));
    if (!is_str(v[1])) raise_type_error("replace() argument 2 must be str, not " + type_name(v[1]));
    int64_t count = v[2].is_undefined() ? -1 : index_arg(in, v[2]);
    if (count < 0) count = INT64_MAX;
    const std::string &s = self.s, &old = v[0].as<Str>()->s, &rep = v[1].as<Str>()->s;
    std::string out;
    if (old.empty()) {  // insert `rep` before every code point and at the end
        size_t i = 0;
        for (; i < s.size() && count > 0; --count) {
            out += rep;
            size_t j = i;
            utf8_next(s, j);
            out.append(s, i, j - i);
            i = j;
        }
        if (i == s.size() && count > 0) out += rep;
        out.append(s, i, std::string::npos);
        return make_str(std::move(out));
    }
    size_t i = 0;
    for (size_t pos; count > 0 && (pos = s.find(old, i)) != std::string::npos; --count) {
        out.append(s, i, pos - i);
        out += rep;
        i = pos + old.size();
    }
    if (i == 0) return Value(&self);
    out.append(s, i, std::string::npos);
    return make_str(std::move(out));
}

Value affix_impl(const CallArgs& a, const char* name, bool prefix) {
    Value v[1];
    Str& self = bind(a, name, Sig::one, 1, 1, v);
    if (!is_str(v[0])) raise_type_error(std::string(name) + "() argument must be str, not " + type_name(v[0]));
    const std::string& x = v[0].as<Str>()->s;
    std::string_view s = self.s;
    if (prefix && !x.empty() && s.starts_with(x)) return piece(s, x.size(), s.size());
    if (!prefix && !x.empty() && s.ends_with(x)) return piece(s, 0, s.size() - x.size());
    return Value(&self);
}
Value str_removeprefix(Interp&, const CallArgs& a) { return affix_impl(a, "removeprefix", true); }
Value str_removesuffix(Interp&, const CallArgs& a) { return affix_impl(a, "removesuffix", false); }

// ---- padding ------------------------------------------------------------------------
std::string fill_char(const Value& v) {
    if (v.is_undefined()) return " ";
    if (!is_str(v)) raise_type_error("The fill character must be a unicode character, not " + type_name(v));
    if (v.as<Str>()->len() != 1) raise_type_error("The fill character must be exactly one character long");
    return v.as<Str>()->s;
}

Value pad(const Str& self, int64_t left, int64_t right, const std::string& fill) {
    std::string out;
    out.reserve(self.s.size() + size_t(left + right) * fill.size());
    for (int64_t i = 0; i < left; ++i) out += fill;
    out += self.s;
    for (int64_t i = 0; i < right; ++i) out += fill;
    return make_str(std::move(out));
}

// center / ljust / rjust; `where`: 0 centre, 1 left-justify, 2 right-justify.
Value justify(Interp& in, const CallArgs& a, const char* name, int where) {
    Value v[2];
    Str& self = bind(a, name, Sig::checkpos, 1, 2, v);
    int64_t width = index_arg(in, v[0]);
    std::string fill = fill_char(v[1]);
    int64_t len = cp_len(self);
    if (width <= len) return Value(&self);
    int64_t marg = width - len;
    if (where == 1) return pad(self, 0, marg, fill);
    if (where == 2) return pad(self, marg, 0, fill);
    int64_t left = marg / 2 + (marg & width & 1);  // unicode_center_impl's rounding
    return pad(self, left, marg - left, fill);
}
Value str_center(Interp& in, const CallArgs& a) { return justify(in, a, "center", 0); }
Value str_ljust(Interp& in, const CallArgs& a) { return justify(in, a, "ljust", 1); }
Value str_rjust(Interp& in, const CallArgs& a) { return justify(in, a, "rjust", 2); }

Value str_zfill(Interp& in, const CallArgs& a) {
    Value v[1];
    Str& self = bind(a, "zfill", Sig::one, 1, 1, v);
    int64_t width = index_arg(in, v[0]), len = cp_len(self);
    if (width <= len) return Value(&self);
    std::string out(size_t(width - len), '0');
    out += self.s;
    if (!self.s.empty() && (self.s[0] == '+' || self.s[0] == '-')) {  // the sign goes first
        out[0] = self.s[0];
        out[size_t(width - len)] = '0';
    }
    return make_str(std::move(out));
}

Value str_expandtabs(Interp& in, const CallArgs& a) {
    Value v[1];
    Str& self = bind(a, "expandtabs", Sig::clinic, 0, 1, v, {"tabsize"});
    int64_t tabsize = v[0].is_undefined() ? 8 : index_arg(in, v[0]);
    std::string out;
    int64_t col = 0;
    for (size_t i = 0; i < self.s.size();) {
        size_t j = i;
        char32_t c = utf8_next(self.s, j);
        if (c == '\t') {
            if (tabsize > 0) {
                int64_t incr = tabsize - col % tabsize;
                out.append(size_t(incr), ' ');
                col += incr;
            }
        } else {
            out.append(self.s, i, j - i);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
        i = j;
    }
    return make_str(std::move(out));
}

// ---- encode -------------------------------------------------------------------------
Value str_encode(Interp&, const CallArgs& a) {
    Value v[2];
    Str& self = bind(a, "encode", Sig::clinic, 0, 2, v, {"encoding", "errors"});
    if (!v[0].is_undefined() && !is_str(v[0]))
        raise_type_error("encode() argument 'encoding' must be str, not " + type_name(v[0]));
    if (!v[1].is_undefined() && !is_str(v[1]))
        raise_type_error("encode() argument 'errors' must be str, not " + type_name(v[1]));
    std::string enc = v[0].is_undefined() ? "utf-8" : v[0].as<Str>()->s;
    std::string errors = v[1].is_undefined() ? "strict" : v[1].as<Str>()->s;
    if (!types().bytes) raise(exc_types().NotImplementedError, "LoopLab does not support bytes");
    for (char& c : enc) c = c == '_' ? '-' : char(std::tolower(static_cast<unsigned char>(c)));
    uint32_t limit;
    if (enc == "utf-8" || enc == "utf8") limit = 0x110000;
    else if (enc == "ascii" || enc == "us-ascii") limit = 0x80;
    else if (enc == "latin-1" || enc == "latin1" || enc == "iso-8859-1") limit = 0x100;
    else raise(exc_types().LookupError, "unknown encoding: " + v[0].as<Str>()->s);
    if (limit == 0x110000 || self.is_ascii()) return Value(new Bytes(self.s));
    std::string out;
    int64_t index = 0;
    for (size_t i = 0; i < self.s.size(); ++index) {
        char32_t c = utf8_next(self.s, i);
        if (c < limit) {
            out += char(c);
        } else if (errors == "replace") {
            out += '?';
        } else if (errors != "ignore") {
            std::string ch;
            utf8_append(ch, c);
            const char* codec = limit == 0x80 ? "ascii" : "latin-1";
            raise(unicode_error_type(true),
                  std::string("'") + codec + "' codec can't encode character " + ascii_escape(str_repr(ch)) +
                      " in position " + std::to_string(index) + ": ordinal not in range(" +
                      std::to_string(limit) + ")");
        }
    }
    return Value(new Bytes(std::move(out)));
}

}  // namespace

void install_str_methods(Type& t) {
    t.construct = str_new;
    struct {
        const char* name;
        NativeFn fn;
    } const methods[] = {
        {"find", str_find}, {"rfind", str_rfind}, {"index", str_index}, {"rindex", str_rindex},
        {"count", str_count}, {"startswith", str_startswith}, {"endswith", str_endswith},
        {"split", str_split}, {"rsplit", str_rsplit}, {"splitlines", str_splitlines},
        {"partition", str_partition}, {"rpartition", str_rpartition}, {"join", str_join},
        {"strip", str_strip}, {"lstrip", str_lstrip}, {"rstrip", str_rstrip}, {"replace", str_replace},
        {"removeprefix", str_removeprefix}, {"removesuffix", str_removesuffix}, {"center", str_center},
        {"ljust", str_ljust}, {"rjust", str_rjust}, {"zfill", str_zfill}, {"expandtabs", str_expandtabs},
        {"encode", str_encode},
    };
    for (const auto& m : methods) t.add_method(m.name, m.fn);
    argbind::install_case_methods(t);
    argbind::install_format_methods(t);
    argbind::install_dunders(t);
    argbind::install_translate_methods(t);
    // str.encode() makes bytes: give them a repr and decode() unless a bytes module did.
    if (Type* bytes = types().bytes) argbind::install_bytes_basics(*bytes);
}

}  // namespace looplab::py
