// The `json` module (CPython Lib/json/encoder.py, decoder.py, Modules/_json.c): dumps/dump
// with indent, separators, sort_keys, ensure_ascii, allow_nan, skipkeys and default, in
// CPython's exact layout; loads/load with the C scanner's error messages and positions
// (json.decoder.JSONDecodeError: "Expecting value: line 1 column 1 (char 0)").
#include <cmath>

#include "looplab/py/float_format.hpp"
#include "looplab/py/sequence.hpp"
#include "looplab/py/str.hpp"
#include "stdlib_modules.hpp"

namespace looplab::py::stdlib {

namespace {

// ---- encoder ---------------------------------------------------------------------------------
struct Encoder {
    explicit Encoder(Interp& i) : in(i) {}
    Interp& in;
    bool skipkeys = false, ensure_ascii = true, check_circular = true, allow_nan = true, sort_keys = false;
    bool has_indent = false;
    std::string indent, item_sep = ", ", key_sep = ": ";
    Value default_fn;
    std::vector<const Object*> markers;
    std::string out;

    // encode_basestring(_ascii): py_encode_basestring_ascii's escapes.
    void encode_str(const std::string& s) {
        out += '"';
        size_t i = 0;
        while (i < s.size()) {
            unsigned char c = static_cast<unsigned char>(s[i]);
            if (c < 0x80) {
                ++i;
                switch (c) {
                    case '"': out += "\\\""; break;
                    case '\\': out += "\\\\"; break;
                    case '\n': out += "\\n"; break;
                    case '\r': out += "\\r"; break;
                    case '\t': out += "\\t"; break;
                    case '\b': out += "\\b"; break;
                    case '\f': out += "\\f"; break;
                    default:
                        if (c < 0x20) {
                            char buf[8];
                            std::snprintf(buf, sizeof buf, "\\u%04x", c);
                            out += buf;
                        } else {
                            out += char(c);
                        }
                }
                continue;
            }
            size_t start = i;
            char32_t cp = utf8_next(s, i);
            if (!ensure_ascii) {
                out.append(s, start, i - start);
                continue;
            }
            char buf[16];
            if (cp >= 0x10000) {
                char32_t v = cp - 0x10000;
                std::snprintf(buf, sizeof buf, "\\u%04x\\u%04x", unsigned(0xd800 | (v >> 10)), unsigned(0xdc00 | (v & 0x3ff)));
            } else {
                std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(cp));
            }
            out += buf;
        }
        out += '"';
    }

    std::string float_text(double d) {
        if (std::isnan(d) || std::isinf(d)) {
            if (!allow_nan) raise_value_error("Out of range float values are not JSON compliant");
            return std::isnan(d) ? "NaN" : (d > 0 ? "Infinity" : "-Infinity");
        }
        return float_repr(d);
    }

    void newline(int level) {
        out += '\n';
        for (int i = 0; i < level; ++i) out += indent;
    }

    void enter(const Value& v) {
        if (!check_circular) return;
        for (const Object* m : markers)
            if (m == v.obj()) raise_value_error("Circular reference detected");
        markers.push_back(v.obj());
    }
    void leave() {
        if (check_circular) markers.pop_back();
    }

    void encode(const Value& o, int level) {
        if (o.is_none()) out += "null";
        else if (o.is_bool()) out += o.as_bool() ? "true" : "false";
        else if (o.is_int()) out += std::to_string(o.as_int());
        else if (o.is_float()) out += float_text(o.as_float());
        else if (is_str(o)) encode_str(o.as<Str>()->s);
        else if (kind_of(o) == Kind::list || kind_of(o) == Kind::tuple) encode_list(o, level);
        else if (kind_of(o) == Kind::dict) encode_dict(o, level);
        else if (kind_of(o) == Kind::integer) out += std::to_string(o.as_int());
        else {
            if (default_fn.is_undefined() || default_fn.is_none())
                raise_type_error("Object of type " + type_name(o) + " is not JSON serializable");
            enter(o);
            encode(call(in, default_fn, std::vector<Value>{o}), level);
            leave();
        }
    }

    void encode_list(const Value& o, int level) {
        std::vector<Value> items = to_vector(in, o);
        if (items.empty()) {
            out += "[]";
            return;
        }
        enter(o);
        out += '[';
        if (has_indent) newline(level + 1);
        for (size_t i = 0; i < items.size(); ++i) {
            if (i) {
                out += item_sep;
                if (has_indent) newline(level + 1);
            }
            encode(items[i], level + 1);
        }
        if (has_indent) newline(level);
        out += ']';
        leave();
    }

    void encode_dict(const Value& o, int level) {
        Dict& d = *as_dict(o);
        if (d.size() == 0) {
            out += "{}";
            return;
        }
        enter(o);
        std::vector<Value> pairs;
        for (auto& e : d.entries())
            if (!e.key.is_undefined()) pairs.push_back(make_tuple({e.key, e.value}));
        if (sort_keys) {
            Value lst = make_list(std::move(pairs));
            list_sort(in, *lst.as<List>(), Value(), false);
            pairs = lst.as<List>()->items;
        }
        out += '{';
        if (has_indent) newline(level + 1);
        bool first = true;
        for (auto& p : pairs) {
            const Value& k = p.as<Tuple>()->items[0];
            const Value& v = p.as<Tuple>()->items[1];
            std::string key;
            if (is_str(k)) key = k.as<Str>()->s;
            else if (k.is_float()) key = float_text(k.as_float());
            else if (k.is_bool()) key = k.as_bool() ? "true" : "false";
            else if (k.is_none()) key = "null";
            else if (k.is_int() || kind_of(k) == Kind::integer) key = std::to_string(k.as_int());
            else if (skipkeys) continue;
            else raise_type_error("keys must be str, int, float, bool or None, not " + type_name(k));
            if (!first) {
                out += item_sep;
                if (has_indent) newline(level + 1);
            }
            first = false;
            encode_str(key);
            out += key_sep;
            encode(v, level + 1);
        }
        if (has_indent) newline(level);
        out += '}';
        leave();
    }
};

// json.dumps(obj, *, skipkeys, ensure_ascii, check_circular, allow_nan, cls, indent,
// separators, default, sort_keys)
std::string dumps_impl(Interp& in, const Value& obj, const CallArgs& a, const char* fname) {
    Encoder e(in);
    for (size_t k = 0; k < a.nkw; ++k) {
        const std::string& n = a.kwnames[k]->s;
        const Value& v = a.kwvalues[k];
        if (n == "skipkeys") e.skipkeys = truthy(in, v);
        else if (n == "ensure_ascii") e.ensure_ascii = truthy(in, v);
        else if (n == "check_circular") e.check_circular = truthy(in, v);
        else if (n == "allow_nan") e.allow_nan = truthy(in, v);
        else if (n == "sort_keys") e.sort_keys = truthy(in, v);
        else if (n == "default") e.default_fn = v;
        else if (n == "indent") {
            if (v.is_none()) continue;
            e.has_indent = true;
            if (v.is_intlike()) e.indent = std::string(size_t(std::max<int64_t>(0, v.as_int())), ' ');
            else e.indent = to_str(v, "indent");
        } else if (n == "separators") {
            if (v.is_none()) continue;
            std::vector<Value> seps = to_vector(in, v);
            if (seps.size() != 2) raise_value_error("not enough values to unpack (expected 2, got " + std::to_string(seps.size()) + ")");
            e.item_sep = to_str(seps[0], "separator");
            e.key_sep = to_str(seps[1], "separator");
            continue;
        } else if (n == "cls") {
            if (!v.is_none()) raise(exc_types().NotImplementedError, "LoopLab's json does not support cls= encoders; use default=");
        } else {
            raise_type_error(std::string(fname) + "() got an unexpected keyword argument '" + n + "'");
        }
    }
    bool seps_given = false;
    for (size_t k = 0; k < a.nkw; ++k)
        if (a.kwnames[k]->s == "separators" && !a.kwvalues[k].is_none()) seps_given = true;
    if (e.has_indent && !seps_given) e.item_sep = ",";
    e.encode(obj, 0);
    return e.out;
}

Value json_dumps(Interp& in, const CallArgs& a) {
    if (a.nargs != 1) raise_type_error("dumps() takes 1 positional argument but " + std::to_string(a.nargs) + " were given");
    return make_str(dumps_impl(in, a[0], a, "dumps"));
}
Value json_dump(Interp& in, const CallArgs& a) {
    if (a.nargs != 2) raise_type_error("dump() takes 2 positional arguments but " + std::to_string(a.nargs) + " were given");
    std::string text = dumps_impl(in, a[0], a, "dump");
    call(in, getattr(in, a[1], intern("write")), std::vector<Value>{make_str(std::move(text))});
    return Value::none();
}

// ---- decoder (the C scanner's rules) ----------------------------------------------------------
struct Decoder {
    Interp& in;
    const std::string& s;
    [[noreturn]] void fail(const char* msg, size_t byte_pos) {
        // JSONDecodeError(msg, doc, pos) counts characters, not bytes.
        int64_t chars = 0;
        for (size_t i = 0; i < byte_pos && i < s.size(); ++i)
            if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++chars;
        Value cls = in.import_module("json").as<Module>()->dict->get_str("JSONDecodeError");
        Value exc = call(in, cls, std::vector<Value>{make_str(msg), make_str(s), Value::integer(chars)});
        throw_exception(Ref<ExceptionObject>(exc.as<ExceptionObject>()));
    }
    void ws(size_t& i) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    }
    bool word(size_t& i, const char* w) {
        size_t n = std::strlen(w);
        if (s.compare(i, n, w) != 0) return false;
        i += n;
        return true;
    }
    int hex4(size_t i) {
        if (i + 4 > s.size()) return -1;
        int v = 0;
        for (size_t k = i; k < i + 4; ++k) {
            char c = s[k];
            int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
            if (d < 0) return -1;
            v = v * 16 + d;
        }
        return v;
    }
    Value string(size_t& i) {  // s[i] is just after the opening quote
        size_t begin = i - 1;
        std::string out;
        for (;;) {
            if (i >= s.size()) fail("Unterminated string starting at", begin);
            unsigned char c = static_cast<unsigned char>(s[i]);
            if (c == '"') {
                ++i;
                return make_str(std::move(out));
            }
            if (c < 0x20) fail("Invalid control character at", i);
            if (c != '\\') {
                out += char(c);
                ++i;
                continue;
            }
            if (i + 1 >= s.size()) fail("Unterminated string starting at", begin);
            char e = s[i + 1];
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    int u = hex4(i + 2);
                    if (u < 0) fail("Invalid \\uXXXX escape", i);
                    char32_t cp = char32_t(u);
                    i += 6;
                    if (u >= 0xd800 && u <= 0xdbff && i + 1 < s.size() && s[i] == '\\' && s[i + 1] == 'u') {
                        int lo = hex4(i + 2);
                        if (lo < 0) fail("Invalid \\uXXXX escape", i);
                        if (lo >= 0xdc00 && lo <= 0xdfff) {
                            cp = 0x10000 + ((char32_t(u) - 0xd800) << 10) + (char32_t(lo) - 0xdc00);
                            i += 6;
                        }
                    }
                    utf8_append(out, cp);
                    continue;
                }
                default: fail("Invalid \\escape", i);
            }
            i += 2;
        }
    }
    Value number(size_t& i) {
        size_t start = i;
        if (s[i] == '-') ++i;
        if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) fail("Expecting value", start);
        if (s[i] == '0') ++i;
        else
            while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
        bool is_float = false;
        if (i + 1 < s.size() && s[i] == '.' && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
            is_float = true;
            i += 2;
            while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
        }
        if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
            size_t j = i + 1;
            if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
            if (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) {
                is_float = true;
                i = j;
                while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
            }
        }
        std::string text = s.substr(start, i - start);
        if (is_float) return Value::floating(std::strtod(text.c_str(), nullptr));
        errno = 0;
        long long n = std::strtoll(text.c_str(), nullptr, 10);
        if (errno == ERANGE) raise(exc_types().OverflowError, kIntOverflowMessage);
        return Value::integer(n);
    }
    Value value(size_t& i, int depth) {
        if (depth > 1000) raise(exc_types().RecursionError, "maximum recursion depth exceeded while decoding a JSON document");
        if (i >= s.size()) fail("Expecting value", i);
        char c = s[i];
        if (c == '"') {
            ++i;
            return string(i);
        }
        if (c == '{') return object(i, depth);
        if (c == '[') return array(i, depth);
        if (word(i, "null")) return Value::none();
        if (word(i, "true")) return Value::boolean(true);
        if (word(i, "false")) return Value::boolean(false);
        if (word(i, "NaN")) return Value::floating(NAN);
        if (word(i, "Infinity")) return Value::floating(INFINITY);
        if (word(i, "-Infinity")) return Value::floating(-INFINITY);
        if (c == '-' || std::isdigit(static_cast<unsigned char>(c))) return number(i);
        fail("Expecting value", i);
    }
    Value object(size_t& i, int depth) {
        ++i;
        Value d(new Dict());
        ws(i);
        if (i < s.size() && s[i] == '}') {
            ++i;
            return d;
        }
        for (;;) {
            if (i >= s.size() || s[i] != '"') fail("Expecting property name enclosed in double quotes", i);
            ++i;
            Value key = string(i);
            ws(i);
            if (i >= s.size() || s[i] != ':') fail("Expecting ':' delimiter", i);
            ++i;
            ws(i);
            Value v = value(i, depth + 1);
            as_dict(d)->set(in, key, v);
            ws(i);
            if (i < s.size() && s[i] == '}') {
                ++i;
                return d;
            }
            if (i >= s.size() || s[i] != ',') fail("Expecting ',' delimiter", i);
            ++i;
            ws(i);
        }
    }
    Value array(size_t& i, int depth) {
        ++i;
        std::vector<Value> items;
        ws(i);
        if (i < s.size() && s[i] == ']') {
            ++i;
            return make_list({});
        }
        for (;;) {
            items.push_back(value(i, depth + 1));
            ws(i);
            if (i < s.size() && s[i] == ']') {
                ++i;
                return make_list(std::move(items));
            }
            if (i >= s.size() || s[i] != ',') fail("Expecting ',' delimiter", i);
            ++i;
            ws(i);
        }
    }
};

Value loads_text(Interp& in, const std::string& s) {
    Decoder d{in, s};
    size_t i = 0;
    d.ws(i);
    Value v = d.value(i, 0);
    d.ws(i);
    if (i != s.size()) d.fail("Extra data", i);
    return v;
}

Value json_loads(Interp& in, const CallArgs& a) {
    if (a.nargs != 1) raise_type_error("loads() takes 1 positional argument but " + std::to_string(a.nargs) + " were given");
    if (is_str(a[0])) return loads_text(in, a[0].as<Str>()->s);
    if (kind_of(a[0]) == Kind::bytes) return loads_text(in, a[0].as<Bytes>()->b);
    raise_type_error("the JSON object must be str, bytes or bytearray, not " + type_name(a[0]));
}
Value json_load(Interp& in, const CallArgs& a) {
    if (a.nargs != 1) raise_type_error("load() takes 1 positional argument but " + std::to_string(a.nargs) + " were given");
    Value text = call(in, getattr(in, a[0], intern("read")), std::vector<Value>{});
    return json_loads(in, CallArgs{&text, 1, nullptr, nullptr, 0});
}

const char* const kErrorSource = R"PY(
class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)
)PY";

}  // namespace

void init_json(Interp& in, Module& m) {
    def(m, "dumps", json_dumps);
    def(m, "dump", json_dump);
    def(m, "loads", json_loads);
    def(m, "load", json_load);
    Value ns(new Dict());
    as_dict(ns)->set_str("__name__", make_str("json.decoder"));
    exec_source(in, kErrorSource, "<looplab:json>", as_dict(ns));
    m.dict->set_str("JSONDecodeError", as_dict(ns)->get_str("JSONDecodeError"));
}

}  // namespace looplab::py::stdlib
