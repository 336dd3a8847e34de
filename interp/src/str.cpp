// str's operators and constructor (CPython Objects/unicodeobject.c: unicode_subscript,
// PyUnicode_Concat, unicode_repeat, PyUnicode_Compare, PyUnicode_Contains, unicode_iter,
// unicode_new). The methods are in str_methods.cpp, formatting in str_format.cpp and
// str_printf.cpp.
#include "looplab/py/str.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>

#include "looplab/py/abstract.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/hash.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/py/str_ctype.hpp"
#include "native_args.hpp"

namespace looplab::py {

size_t str_offset(const Str& s, int64_t index) noexcept {
    if (index <= 0) return 0;
    if (s.is_ascii()) return std::min<size_t>(size_t(index), s.s.size());
    return utf8_offset(s.s, size_t(index));
}

Value str_getitem(Interp& in, Str& s, const Value& key) {
    if (key.is_intlike()) {
        int64_t n = int64_t(s.len());
        int64_t i = key.as_int();
        if (i < 0) i += n;
        if (i < 0 || i >= n) raise(exc_types().IndexError, "string index out of range");
        if (s.is_ascii()) return make_str(std::string(1, s.s[size_t(i)]));
        size_t start = utf8_offset(s.s, size_t(i)), end = start;
        utf8_next(s.s, end);
        return make_str(s.s.substr(start, end - start));
    }
    if (key.is_object() && key.type()->kind == Kind::slice) {
        int64_t start, stop, step;
        int64_t count = key.as<Slice>()->indices(in, int64_t(s.len()), start, stop, step);
        if (count <= 0) return make_str("");
        if (step == 1) {
            if (start == 0 && count == int64_t(s.len())) return Value(&s);  // s[:] is s
            size_t b = str_offset(s, start), e = str_offset(s, start + count);
            return make_str(s.s.substr(b, e - b));
        }
        std::string out;
        if (s.is_ascii()) {
            out.reserve(size_t(count));
            for (int64_t k = 0, i = start; k < count; ++k, i += step) out += s.s[size_t(i)];
        } else {
            std::u32string cps = utf8_decode(s.s);
            for (int64_t k = 0, i = start; k < count; ++k, i += step) utf8_append(out, cps[size_t(i)]);
        }
        return make_str(std::move(out));
    }
    if (!lookup_special(key, "__index__").is_undefined()) {
        Value i = call(in, lookup_special(key, "__index__"), std::vector<Value>{key});
        if (i.is_intlike()) return str_getitem(in, s, i);
    }
    raise_type_error("string indices must be integers, not '" + type_name(key) + "'");
}

Value str_concat(const Str& a, const Str& b) {
    std::string out;
    out.reserve(a.s.size() + b.s.size());
    out += a.s;
    out += b.s;
    return make_str(std::move(out));
}

Value str_repeat(Interp&, const Str& s, int64_t n) {
    if (n <= 0 || s.s.empty()) return make_str("");
    if (n == 1) return Value(const_cast<Str*>(&s));
    // unicode_repeat: "repeated string is too long" past PY_SSIZE_T_MAX; LoopLab's heap is
    // far smaller, so anything beyond 1 GiB is refused with the same error.
    if (uint64_t(n) > (uint64_t(1) << 30) / s.s.size())
        raise(exc_types().OverflowError, "repeated string is too long");
    std::string out;
    out.reserve(s.s.size() * size_t(n));
    for (int64_t i = 0; i < n; ++i) out += s.s;
    return make_str(std::move(out));
}

int str_compare(const Str& a, const Str& b) noexcept {
    // UTF-8 byte order is code-point order (unicode_compare compares code points).
    int c = std::memcmp(a.s.data(), b.s.data(), std::min(a.s.size(), b.s.size()));
    if (c != 0) return c;
    return a.s.size() < b.s.size() ? -1 : a.s.size() > b.s.size() ? 1 : 0;
}

bool str_contains(const Str& s, const Str& sub) noexcept {
    return s.s.find(sub.s) != std::string::npos;
}

namespace {
Value str_iter_next(Interp&, NativeIterator& it) {
    const std::string& s = it.source.as<Str>()->s;
    if (size_t(it.index) >= s.size()) return {};
    size_t start = size_t(it.index), pos = start;
    utf8_next(s, pos);
    it.index = int64_t(pos);  // a byte offset: no rescanning for non-ASCII text
    return make_str(s.substr(start, pos - start));
}
}  // namespace

Value str_iter(const Value& s) {
    return Value(new NativeIterator(types().str_iterator, str_iter_next, s));
}

std::string ascii_escape(std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (size_t pos = 0; pos < text.size();) {
        char32_t c = utf8_next(text, pos);
        if (c < 0x80) {
            out += char(c);
            continue;
        }
        int digits = c < 0x100 ? 2 : c < 0x10000 ? 4 : 8;
        out += digits == 2 ? "\\x" : digits == 4 ? "\\u" : "\\U";
        for (int sh = 4 * (digits - 1); sh >= 0; sh -= 4) out += hex[(c >> sh) & 0xF];
    }
    return out;
}

bool str_isidentifier(std::string_view s) {
    if (s.empty()) return false;
    size_t pos = 0;
    if (!uc::isxid_start(utf8_next(s, pos))) return false;
    while (pos < s.size())
        if (!uc::isxid_continue(utf8_next(s, pos))) return false;
    return true;
}

namespace {

Type* make_unicode_error(const char* name) {
    Type* t = new Type(name, Kind::exception, exc_types().UnicodeError);
    t->add_ref();  // immortal, like every built-in class
    t->type = types().type;
    t->dict->type = types().dict;
    return t;
}

std::string normalize_encoding(std::string e) {
    for (char& c : e) c = c == '_' || c == ' ' ? '-' : char(std::tolower(static_cast<unsigned char>(c)));
    if (e == "utf8" || e == "u8" || e == "utf") return "utf-8";
    if (e == "latin-1" || e == "latin1" || e == "iso-8859-1" || e == "iso8859-1" || e == "l1") return "latin-1";
    if (e == "ascii" || e == "us-ascii") return "ascii";
    return e;
}

}  // namespace

Type* unicode_error_type(bool encode) {
    // UnicodeEncodeError and UnicodeDecodeError (subclasses of UnicodeError, as in CPython's
    // Objects/exceptions.c), made once per process. Their extra attributes (encoding,
    // object, start, end, reason) are not modelled: the message carries them.
    static Type* const enc = make_unicode_error("UnicodeEncodeError");
    static Type* const dec = make_unicode_error("UnicodeDecodeError");
    return encode ? enc : dec;
}

// bytes -> str for str(b, encoding, errors) and bytes.decode: UTF-8, ASCII and Latin-1 with
// the strict/replace/ignore error handlers (Objects/unicodeobject.c, the codecs' messages).
Value decode_bytes(Interp&, std::string_view b, const std::string& encoding, const std::string& errors) {
    std::string enc = normalize_encoding(encoding);
    if (enc != "utf-8" && enc != "ascii" && enc != "latin-1")
        raise(exc_types().LookupError, "unknown encoding: " + encoding);
    if (errors != "strict" && errors != "replace" && errors != "ignore")
        raise(exc_types().LookupError, "unknown error handler name '" + errors + "'");
    std::string out;
    out.reserve(b.size());
    auto bad = [&](size_t pos, size_t end, const char* reason) {
        if (errors == "strict") {
            char buf[200];
            const char* codec = enc == "utf-8" ? "utf-8" : "ascii";
            if (end - pos == 1)
                std::snprintf(buf, sizeof buf, "'%s' codec can't decode byte 0x%02x in position %zu: %s", codec,
                              unsigned(static_cast<unsigned char>(b[pos])), pos, reason);
            else
                std::snprintf(buf, sizeof buf, "'%s' codec can't decode bytes in position %zu-%zu: %s", codec, pos,
                              end - 1, reason);
            raise(unicode_error_type(false), buf);
        }
        if (errors == "replace") out += "\xEF\xBF\xBD";
    };
    for (size_t i = 0; i < b.size();) {
        unsigned char c = static_cast<unsigned char>(b[i]);
        if (c < 0x80) {
            out += char(c);
            ++i;
        } else if (enc == "latin-1") {
            utf8_append(out, c);
            ++i;
        } else if (enc == "ascii") {
            bad(i, i + 1, "ordinal not in range(128)");
            ++i;
        } else {
            // A strict UTF-8 decoder (no surrogates, no overlongs), as CPython's.
            int n = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : 0;
            if (n == 0) {
                bad(i, i + 1, "invalid start byte");
                ++i;
                continue;
            }
            size_t k = 1;
            for (; k <= size_t(n) && i + k < b.size(); ++k) {
                unsigned char d = static_cast<unsigned char>(b[i + k]);
                bool ok = (d & 0xC0) == 0x80;
                if (k == 1) {  // the second byte's range excludes overlongs and surrogates
                    if (c == 0xE0) ok = d >= 0xA0 && d <= 0xBF;
                    if (c == 0xED) ok = d >= 0x80 && d <= 0x9F;
                    if (c == 0xF0) ok = d >= 0x90 && d <= 0xBF;
                    if (c == 0xF4) ok = d >= 0x80 && d <= 0x8F;
                }
                if (!ok) break;
            }
            if (k <= size_t(n)) {
                bad(i, i + std::max<size_t>(k, 1), i + k >= b.size() ? "unexpected end of data" : "invalid continuation byte");
                i += std::max<size_t>(k, 1);
                continue;
            }
            out.append(b.substr(i, size_t(n) + 1));
            i += size_t(n) + 1;
        }
    }
    return make_str(std::move(out));
}

namespace {

// ---- dunders: for explicit calls ('a'.__add__('b')) and str subclasses' super() calls ----
using argbind::bind;
using argbind::Sig;

const Str& self_of(const CallArgs& a, const char* name, size_t nargs) {
    Value v[1];
    return bind(a, name, nargs ? Sig::one : Sig::noargs, nargs, nargs, v);
}
Value dunder_len(Interp&, const CallArgs& a) { return Value::integer(int64_t(self_of(a, "__len__", 0).len())); }
Value dunder_repr(Interp&, const CallArgs& a) { return make_str(str_repr(self_of(a, "__repr__", 0).s)); }
Value dunder_str(Interp&, const CallArgs& a) { return make_str(self_of(a, "__str__", 0).s); }
Value dunder_iter(Interp&, const CallArgs& a) {
    self_of(a, "__iter__", 0);
    return str_iter(a[0]);
}
Value dunder_hash(Interp&, const CallArgs& a) {
    const Str& s = self_of(a, "__hash__", 0);
    if (s.hash == -1) s.hash = hash_str(s.s);  // not hash(): a str subclass would recurse here
    return Value::integer(s.hash);
}
Value dunder_contains(Interp&, const CallArgs& a) {
    const Str& s = self_of(a, "__contains__", 1);
    if (!is_str(a[1]))
        raise_type_error("'in <string>' requires string as left operand, not " + type_name(a[1]));
    return Value::boolean(str_contains(s, *a[1].as<Str>()));
}
Value dunder_getitem(Interp& in, const CallArgs& a) {
    self_of(a, "__getitem__", 1);
    return str_getitem(in, *a[0].as<Str>(), a[1]);
}
Value dunder_add(Interp&, const CallArgs& a) {
    const Str& s = self_of(a, "__add__", 1);
    if (!is_str(a[1]))
        raise_type_error("can only concatenate str (not \"" + type_name(a[1]) + "\") to str");
    return str_concat(s, *a[1].as<Str>());
}
Value dunder_mul(Interp& in, const CallArgs& a) {
    const Str& s = self_of(a, "__mul__", 1);
    if (!a[1].is_intlike() && lookup_special(a[1], "__index__").is_undefined())
        raise_type_error("can't multiply sequence by non-int of type '" + type_name(a[1]) + "'");
    return str_repeat(in, s, argbind::index_arg(in, a[1]));
}
Value dunder_mod(Interp& in, const CallArgs& a) {
    const Str& s = self_of(a, "__mod__", 1);
    return str_mod(in, s, a[1]);
}
template <ast::CmpOp op>
Value dunder_cmp(Interp&, const CallArgs& a) {
    static const char* const names[] = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"};
    const Str& s = self_of(a, names[int(op)], 1);
    if (!is_str(a[1])) return not_implemented();
    int c = str_compare(s, *a[1].as<Str>());
    switch (op) {
        case ast::CmpOp::Eq: return Value::boolean(c == 0);
        case ast::CmpOp::NotEq: return Value::boolean(c != 0);
        case ast::CmpOp::Lt: return Value::boolean(c < 0);
        case ast::CmpOp::LtE: return Value::boolean(c <= 0);
        case ast::CmpOp::Gt: return Value::boolean(c > 0);
        default: return Value::boolean(c >= 0);
    }
}

}  // namespace

void argbind::install_dunders(Type& t) {
    struct {
        const char* name;
        NativeFn fn;
    } const methods[] = {
        {"__len__", dunder_len}, {"__repr__", dunder_repr}, {"__str__", dunder_str},
        {"__iter__", dunder_iter}, {"__hash__", dunder_hash}, {"__contains__", dunder_contains},
        {"__getitem__", dunder_getitem}, {"__add__", dunder_add}, {"__mul__", dunder_mul},
        {"__rmul__", dunder_mul}, {"__mod__", dunder_mod}, {"__eq__", dunder_cmp<ast::CmpOp::Eq>},
        {"__ne__", dunder_cmp<ast::CmpOp::NotEq>}, {"__lt__", dunder_cmp<ast::CmpOp::Lt>},
        {"__le__", dunder_cmp<ast::CmpOp::LtE>}, {"__gt__", dunder_cmp<ast::CmpOp::Gt>},
        {"__ge__", dunder_cmp<ast::CmpOp::GtE>},
    };
    for (const auto& m : methods) t.add_method(m.name, m.fn);
}

// ---- the bytes that str.encode() makes: repr and decode (Objects/bytesobject.c) ----------
namespace {

// bytes_repr: b'...' with ' unless the bytes hold ' and no ", \t \n \r \\, \xhh for the rest.
Value bytes_dunder_repr(Interp&, const CallArgs& a) {
    if (a.size() != 1 || kind_of(a[0]) != Kind::bytes) raise_type_error("bytes.__repr__() takes no arguments");
    const std::string& b = a[0].as<Bytes>()->b;
    char quote = b.find('\'') != std::string::npos && b.find('"') == std::string::npos ? '"' : '\'';
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "b";
    out += quote;
    for (char ch : b) {
        unsigned char c = static_cast<unsigned char>(ch);
        if (c == static_cast<unsigned char>(quote) || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < ' ' || c >= 0x7f) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += ch;
        }
    }
    out += quote;
    return make_str(std::move(out));
}

Value bytes_decode(Interp& in, const CallArgs& a) {
    if (a.size() == 0 || kind_of(a[0]) != Kind::bytes)
        raise_type_error("descriptor 'decode' for 'bytes' objects doesn't apply to a '" +
                         (a.size() ? type_name(a[0]) : std::string("NoneType")) + "' object");
    Value v[2];
    argbind::bind_args(a, 1, "decode", "bytes.decode", argbind::Sig::clinic, 0, 2, v, {"encoding", "errors"});
    if (!v[0].is_undefined() && !is_str(v[0]))
        raise_type_error("decode() argument 'encoding' must be str, not " + type_name(v[0]));
    if (!v[1].is_undefined() && !is_str(v[1]))
        raise_type_error("decode() argument 'errors' must be str, not " + type_name(v[1]));
    return decode_bytes(in, a[0].as<Bytes>()->b, v[0].is_undefined() ? "utf-8" : v[0].as<Str>()->s,
                        v[1].is_undefined() ? "strict" : v[1].as<Str>()->s);
}

}  // namespace

void argbind::install_bytes_basics(Type& t) {
    if (t.dict->get_str("__repr__").is_undefined())
        t.add_method("__repr__", bytes_dunder_repr);
    if (t.dict->get_str("decode").is_undefined()) t.add_method("decode", bytes_decode);
}

Value str_new(Interp& in, const CallArgs& a) {
    Value v[3];
    argbind::bind_args(a, 0, "str", "str", argbind::Sig::clinic, 0, 3, v, {"object", "encoding", "errors"});
    const Value &obj = v[0], &encoding = v[1], &errors = v[2];
    if (encoding.is_undefined() && errors.is_undefined()) {
        if (obj.is_undefined()) return make_str("");
        if (is_str(obj) && obj.type() == types().str) return obj;
        return str_value(in, obj);
    }
    std::string enc = encoding.is_undefined() ? "utf-8" : to_str(encoding, "str() argument 'encoding'");
    std::string err = errors.is_undefined() ? "strict" : to_str(errors, "str() argument 'errors'");
    if (obj.is_undefined()) return make_str("");
    if (is_str(obj)) raise_type_error("decoding str is not supported");
    if (kind_of(obj) != Kind::bytes)
        raise_type_error("decoding to str: need a bytes-like object, " + type_name(obj) + " found");
    return decode_bytes(in, obj.as<Bytes>()->b, enc, err);
}

}  // namespace looplab::py
