// str.format and str.format_map (CPython Objects/stringlib/unicode_format.h): the markup
// iterator, field-name parsing ({0.name[key]}), automatic numbering, conversions (!r !s
// !a), nested format specs ({:{width}}), with that file's error messages.
// Rendering a field is format(value, spec) (abstract.hpp), which uses format_spec.hpp for
// the built-in types and __format__ for classes.
// Also `str % args`: str_mod() adapts the right operand to percent_format.hpp's protocol.
#include <cstdio>
#include <string>
#include <vector>

#include "looplab/py/abstract.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/format_spec.hpp"
#include "looplab/py/str.hpp"
#include "native_args.hpp"

namespace looplab::py {
namespace {

[[noreturn]] void value_error(const char* msg) { raise(exc_types().ValueError, msg); }

// get_integer: the decimal value of s, or -1 when s is empty or not all decimal digits.
int64_t get_integer(std::string_view s) {
    if (s.empty()) return -1;
    int64_t acc = 0;
    for (size_t i = 0; i < s.size();) {
        int d = unicode_todecimal(utf8_next(s, i));
        if (d < 0) return -1;
        if (acc > (INT64_MAX - d) / 10) value_error("Too many decimal digits in format string");
        acc = acc * 10 + d;
    }
    return acc;
}

struct Formatter {
    Interp& in;
    const CallArgs* args;  // null for format_map (positional fields are errors)
    Value mapping;         // format_map's mapping (undefined for format)
    enum { init, automatic, manual } state = init;
    int64_t next_number = 0;

    // A keyword argument of format(**kwargs), or mapping[key] for format_map.
    Value keyword(std::string_view key) {
        if (!mapping.is_undefined()) return getitem(in, mapping, make_str(std::string(key)));
        if (args)
            for (size_t k = 0; k < args->nkw; ++k)
                if (args->kwnames[k]->s == key) return args->kwvalues[k];
        throw_exception(new_exception_args(exc_types().KeyError, {make_str(std::string(key))}));
    }

    // get_field_object: the value a field name designates (field_name_split, then the
    // FieldNameIterator's .attr and [key] parts).
    Value field_object(std::string_view name) {
        size_t i = 0;
        while (i < name.size() && name[i] != '.' && name[i] != '[') ++i;
        std::string_view first = name.substr(0, i), rest = name.substr(i);
        int64_t index = get_integer(first);
        bool empty = first.empty(), numeric = empty || index != -1;
        if (numeric) {
            if (state == init) state = empty ? automatic : manual;
            if (state == manual && empty)
                value_error("cannot switch from manual field specification to automatic field numbering");
            if (state == automatic && !empty)
                value_error("cannot switch from automatic field numbering to manual field specification");
            if (empty) index = next_number++;
        }
        Value obj;
        if (!numeric) {
            obj = keyword(first);
        } else {
            if (!args) value_error("Format string contains positional fields");
            if (size_t(index) >= args->size())
                raise(exc_types().IndexError,
                      "Replacement index " + std::to_string(index) + " out of range for positional args tuple");
            obj = (*args)[size_t(index)];
        }
        size_t p = 0;
        while (p < rest.size()) {
            char c = rest[p++];
            size_t start = p;
            if (c == '.') {
                while (p < rest.size() && rest[p] != '.' && rest[p] != '[') ++p;
                std::string_view attr = rest.substr(start, p - start);
                if (attr.empty()) value_error("Empty attribute in format string");
                obj = getattr(in, obj, intern(attr));
            } else if (c == '[') {
                while (p < rest.size() && rest[p] != ']') ++p;
                if (p == rest.size()) value_error("Missing ']' in format string");
                std::string_view key = rest.substr(start, p - start);
                ++p;  // the ']'
                if (key.empty()) value_error("Empty attribute in format string");
                int64_t k = get_integer(key);
                obj = getitem(in, obj, k == -1 ? make_str(std::string(key)) : Value::integer(k));
            } else {
                value_error("Only '.' or '[' may follow ']' in format field specifier");
            }
        }
        return obj;
    }

    // build_string: renders fmt; recursion_depth 2 at the top, 1 inside a format spec.
    void build(std::string_view fmt, int depth, std::string& out) {
        if (depth <= 0) value_error("Max string recursion exceeded");
        size_t pos = 0;
        while (pos < fmt.size()) {
            // MarkupIterator_next: literal text up to the first '{' or '}'.
            size_t start = pos;
            char c = 0;
            bool markup = false;
            while (pos < fmt.size()) {
                c = fmt[pos++];
                if (c == '{' || c == '}') {
                    markup = true;
                    break;
                }
            }
            bool at_end = pos >= fmt.size();
            size_t len = pos - start;
            if (c == '}' && markup && (at_end || fmt[pos] != '}'))
                value_error("Single '}' encountered in format string");
            if (at_end && c == '{' && markup) value_error("Single '{' encountered in format string");
            if (markup && !at_end) {
                if (fmt[pos] == c) {  // '{{' or '}}': a literal brace
                    ++pos;
                    markup = false;
                } else {
                    --len;
                }
            }
            out.append(fmt.substr(start, len));
            if (!markup) continue;
            render_field(fmt, pos, depth, out);
        }
    }

    // parse_field + output_markup: one {field!conv:spec} starting after its '{'.
    void render_field(std::string_view fmt, size_t& pos, int depth, std::string& out) {
        size_t name_start = pos;
        char c = 0;
        while (pos < fmt.size()) {
            c = fmt[pos++];
            if (c == '{') value_error("unexpected '{' in field name");
            if (c == '[') {
                while (pos < fmt.size() && fmt[pos] != ']') ++pos;
                continue;
            }
            if (c == '}' || c == ':' || c == '!') break;
        }
        std::string_view name = fmt.substr(name_start, pos - name_start - (pos > name_start ? 1 : 0));
        char conversion = 0;
        std::string_view spec;
        bool expand = false;
        if (c == '!' || c == ':') {
            bool done = false;
            if (c == '!') {
                if (pos >= fmt.size()) value_error("end of string while looking for conversion specifier");
                conversion = fmt[pos++];
                if (pos < fmt.size()) {
                    char d = fmt[pos++];
                    if (d == '}') done = true;
                    else if (d != ':') value_error("expected ':' after conversion specifier");
                }
            }
            if (!done) {
                size_t spec_start = pos;
                int count = 1;
                while (pos < fmt.size()) {
                    char d = fmt[pos++];
                    if (d == '{') {
                        expand = true;
                        ++count;
                    } else if (d == '}' && --count == 0) {
                        break;
                    }
                }
                if (count != 0) value_error("unmatched '{' in format spec");
                spec = fmt.substr(spec_start, pos - 1 - spec_start);
            }
        } else if (c != '}') {
            value_error("expected '}' before end of string");
        }
        Value obj = field_object(name);
        switch (conversion) {
            case 0: break;
            case 'r': obj = repr_value(in, obj); break;
            case 's': obj = str_value(in, obj); break;
            case 'a': obj = make_str(ascii(in, obj)); break;
            default: {
                char buf[64];
                unsigned char u = static_cast<unsigned char>(conversion);
                if (u > 32 && u < 127) std::snprintf(buf, sizeof buf, "Unknown conversion specifier %c", conversion);
                else std::snprintf(buf, sizeof buf, "Unknown conversion specifier \\x%x", unsigned(u));
                value_error(buf);
            }
        }
        if (expand) {
            std::string expanded;
            build(spec, depth - 1, expanded);
            out += format(in, obj, expanded);
        } else {
            out += format(in, obj, spec);
        }
    }
};

Value str_format_m(Interp& in, const CallArgs& a) {
    if (a.size() == 0 || !is_str(a[0])) raise_type_error("descriptor 'format' for 'str' objects doesn't apply to a '" +
                                                         (a.size() ? type_name(a[0]) : std::string("NoneType")) + "' object");
    CallArgs rest = a;
    rest.args = a.args + 1;
    rest.nargs = a.nargs - 1;
    return make_str(str_format(in, a[0].as<Str>()->s, rest));
}

Value str_format_map(Interp& in, const CallArgs& a) {
    Value v[1];
    Str& self = argbind::bind(a, "format_map", argbind::Sig::one, 1, 1, v);
    return make_str(str_format(in, self.s, CallArgs{}, v[0]));
}

Value str_dunder_format(Interp&, const CallArgs& a) {
    Value v[1];
    Str& self = argbind::bind(a, "__format__", argbind::Sig::one, 1, 1, v);
    if (!is_str(v[0])) raise_type_error("__format__() argument must be str, not " + type_name(v[0]));
    // format_str directly: format() would come back here for a str subclass.
    return make_str(format_str(self.s, v[0].as<Str>()->s));
}

// `fmt % rhs` described for percent_format (percent_format.hpp explains the protocol).
class ModArgs final : public PercentArgs {
public:
    ModArgs(Interp& in, const Value& rhs) : in_(in), rhs_(rhs) {}
    int64_t tuple_size() const override {
        return kind_of(rhs_) == Kind::tuple ? int64_t(rhs_.as<Tuple>()->items.size()) : -1;
    }
    // PyMapping_Check(rhs) && !PyTuple_Check(rhs) && !PyUnicode_Check(rhs).
    bool is_mapping() const override {
        if (!rhs_.is_object()) return false;
        switch (kind_of(rhs_)) {
            case Kind::tuple:
            case Kind::str: return false;
            case Kind::dict:
            case Kind::list:
            case Kind::range:
            case Kind::bytes: return true;
            default: return !rhs_.type()->lookup("__getitem__").is_undefined();
        }
    }
    size_t lookup(std::string_view key) override {
        looked_up_.push_back(getitem(in_, rhs_, make_str(std::string(key))));
        return kLookedUp + looked_up_.size() - 1;
    }
    PercentValue value(size_t h) override {
        const Value& v = get(h);
        PercentValue pv;
        pv.type_name = type_name(v);
        if (v.is_intlike()) {
            pv.kind = PercentValue::Kind::Int;
            pv.i = v.as_int();
        } else if (v.is_float()) {
            pv.kind = PercentValue::Kind::Float;
            pv.f = v.as_float();
        } else if (is_str(v)) {
            pv.kind = PercentValue::Kind::Str;
            pv.s = v.as<Str>()->s;
        }
        return pv;
    }
    std::string convert(size_t h, char conversion) override {
        const Value& v = get(h);
        if (conversion == 'r') return repr(in_, v);
        if (conversion == 'a') return ascii(in_, v);
        return str(in_, v);
    }

private:
    static constexpr size_t kLookedUp = size_t(1) << 40;
    const Value& get(size_t h) const {
        if (h == kPercentSingle) return rhs_;
        if (h >= kLookedUp) return looked_up_[h - kLookedUp];
        return rhs_.as<Tuple>()->items[h];
    }
    Interp& in_;
    const Value& rhs_;
    std::vector<Value> looked_up_;
};

}  // namespace

Value str_mod(Interp& in, const Str& fmt, const Value& args) {
    ModArgs a(in, args);
    return make_str(percent_format(fmt.s, a));
}

std::string str_format(Interp& in, std::string_view fmt, const CallArgs& a, const Value& mapping) {
    Formatter f{in, mapping.is_undefined() ? &a : nullptr, mapping};
    std::string out;
    f.build(fmt, 2, out);
    return out;
}

void argbind::install_format_methods(Type& t) {
    t.add_method("format", str_format_m);
    t.add_method("format_map", str_format_map);
    t.add_method("__format__", str_dunder_format);
}

}  // namespace looplab::py
