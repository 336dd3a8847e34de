// str.maketrans and str.translate (CPython Objects/unicodeobject.c: unicode_maketrans_impl,
// _PyUnicode_TranslateCharmap): a table maps code points (ints) to a str, an int or None.
#include "looplab/py/abstract.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/str.hpp"
#include "native_args.hpp"

namespace looplab::py {
namespace {

// str.maketrans(x[, y[, z]]), a static method: the receiver is not an argument.
Value str_maketrans(Interp& in, const CallArgs& a) {
    Value v[3];
    argbind::bind_args(a, 0, "maketrans", "str.maketrans", argbind::Sig::checkpos, 1, 3, v);
    if (!v[1].is_undefined() && !is_str(v[1]))
        raise_type_error("maketrans() argument 2 must be str, not " + type_name(v[1]));
    if (!v[2].is_undefined() && !is_str(v[2]))
        raise_type_error("maketrans() argument 3 must be str, not " + type_name(v[2]));
    Value result(new Dict());
    Dict& d = *result.as<Dict>();
    if (v[1].is_undefined()) {
        if (kind_of(v[0]) != Kind::dict)
            raise_type_error("if you give only one argument to maketrans it must be a dict");
        for (const auto& e : v[0].as<Dict>()->entries()) {
            if (e.key.is_undefined()) continue;
            if (is_str(e.key)) {
                const Str& k = *e.key.as<Str>();
                if (k.len() != 1) raise_value_error("string keys in translate table must be of length 1");
                size_t pos = 0;
                d.set(in, Value::integer(utf8_next(k.s, pos)), e.value);
            } else if (e.key.is_intlike()) {
                d.set(in, Value::integer(e.key.as_int()), e.value);
            } else {
                raise_type_error("keys in translate table must be strings or integers");
            }
        }
        return result;
    }
    if (!is_str(v[0])) raise_type_error("first maketrans argument must be a string if there is a second argument");
    std::u32string from = utf8_decode(v[0].as<Str>()->s), to = utf8_decode(v[1].as<Str>()->s);
    if (from.size() != to.size()) raise_value_error("the first two maketrans arguments must have equal length");
    for (size_t i = 0; i < from.size(); ++i) d.set(in, Value::integer(from[i]), Value::integer(to[i]));
    if (!v[2].is_undefined())
        for (char32_t c : utf8_decode(v[2].as<Str>()->s)) d.set(in, Value::integer(c), Value::none());
    return result;
}

// translate(table): table[ord(c)] for each character; a LookupError keeps the character,
// None deletes it, an int or a str replaces it.
Value str_translate(Interp& in, const CallArgs& a) {
    Value v[1];
    Str& self = argbind::bind(a, "translate", argbind::Sig::one, 1, 1, v);
    std::string out;
    for (size_t pos = 0; pos < self.s.size();) {
        size_t start = pos;
        char32_t c = utf8_next(self.s, pos);
        Value r;
        try {
            r = getitem(in, v[0], Value::integer(c));
        } catch (const PyErrorBase& e) {
            if (!exception_matches(*e.exc, exc_types().LookupError)) throw;
            out.append(self.s, start, pos - start);
            continue;
        }
        if (r.is_none()) continue;
        if (r.is_intlike()) {
            if (r.as_int() < 0 || r.as_int() > 0x10FFFF) raise_value_error("character mapping must be in range(0x110000)");
            utf8_append(out, char32_t(r.as_int()));
        } else if (is_str(r)) {
            out += r.as<Str>()->s;
        } else {
            raise_type_error("character mapping must return integer, None or str");
        }
    }
    return make_str(std::move(out));
}

}  // namespace

void argbind::install_translate_methods(Type& t) {
    t.add_attr("maketrans", Value(new StaticMethod(make_native("maketrans", str_maketrans))));
    t.add_method("translate", str_translate);
}

}  // namespace looplab::py
