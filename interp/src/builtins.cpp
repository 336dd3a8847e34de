// The builtins module's functions (CPython Python/bltinmodule.c), except the iteration
// ones (builtins_iter.cpp), type/object/super/property... (builtins_core.cpp) and the
// number constructors (number_methods.cpp).
// Argument errors use each builtin's CPython convention (native_args.hpp).
#include <algorithm>
#include <cmath>
#include <set>

#include "looplab/py/abstract.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/float_format.hpp"
#include "looplab/py/format_spec.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/py/str.hpp"
#include "looplab/py/vm.hpp"
#include "native_args.hpp"

namespace looplab::py {
namespace {

using argbind::bind_args;
using argbind::index_arg;
using argbind::Sig;

// One argument, METH_O style: "repr() takes exactly one argument (0 given)".
const Value& one(const CallArgs& a, const char* name) {
    Value unused[1];
    bind_args(a, 0, name, name, Sig::one, 1, 1, unused);
    return a[0];
}

bool is_number(const Value& v) { return v.is_intlike() || v.is_float(); }

// ---- output ---------------------------------------------------------------------------
// print(*objects, sep=' ', end='\n', file=None, flush=False). Pieces are written one by one,
// as builtin_print does, so a failing str() leaves the earlier pieces printed. file=None
// writes to the interpreter's stdout; any other file is called through its write().
Value builtin_print(Interp& in, const CallArgs& a) {
    Value sep, end, file, flush;
    for (size_t k = 0; k < a.nkw; ++k) {
        const std::string& n = a.kwnames[k]->s;
        if (n == "sep") sep = a.kwvalues[k];
        else if (n == "end") end = a.kwvalues[k];
        else if (n == "file") file = a.kwvalues[k];
        else if (n == "flush") flush = a.kwvalues[k];
        else raise_type_error("'" + n + "' is an invalid keyword argument for print()");
    }
    if (!sep.is_undefined() && !sep.is_none() && !is_str(sep))
        raise_type_error("sep must be None or a string, not " + type_name(sep));
    if (!end.is_undefined() && !end.is_none() && !is_str(end))
        raise_type_error("end must be None or a string, not " + type_name(end));
    std::string sep_s = is_str(sep) ? sep.as<Str>()->s : " ";
    std::string end_s = is_str(end) ? end.as<Str>()->s : "\n";
    if (file.is_undefined() || file.is_none()) {
        std::string line;
        try {
            for (size_t i = 0; i < a.size(); ++i) {
                if (i) line += sep_s;
                line += str(in, a[i]);
            }
        } catch (...) {
            in.write_stdout(line);
            throw;
        }
        line += end_s;
        in.write_stdout(line);
        return Value::none();
    }
    Value write = getattr(in, file, intern("write"));
    auto put = [&](std::string s) { call(in, write, std::vector<Value>{make_str(std::move(s))}); };
    for (size_t i = 0; i < a.size(); ++i) {
        if (i) put(sep_s);
        put(str(in, a[i]));
    }
    put(end_s);
    if (!flush.is_undefined() && truthy(in, flush)) call(in, getattr(in, file, intern("flush")), std::vector<Value>{});
    return Value::none();
}

Value builtin_repr(Interp& in, const CallArgs& a) { return repr_value(in, one(a, "repr")); }
Value builtin_ascii(Interp& in, const CallArgs& a) { return make_str(ascii(in, one(a, "ascii"))); }

Value builtin_format(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, "format", "format", Sig::checkpos, 1, 2, v);
    if (!v[1].is_undefined() && !is_str(v[1]))
        raise_type_error("format() argument 2 must be str, not " + type_name(v[1]));
    return make_str(format(in, v[0], v[1].is_undefined() ? std::string_view() : v[1].as<Str>()->s));
}

// ---- numbers ----------------------------------------------------------------------------
Value builtin_abs(Interp& in, const CallArgs& a) {
    const Value& x = one(a, "abs");
    if (x.is_intlike()) return Value::integer(int_abs(x.as_int()));
    if (x.is_float()) return Value::floating(std::fabs(x.as_float()));
    Value f = lookup_special(x, "__abs__");
    if (!f.is_undefined()) return call(in, f, std::vector<Value>{x});
    raise_type_error("bad operand type for abs(): '" + type_name(x) + "'");
}

// round(number, ndigits=None): banker's rounding through float_format.hpp.
Value builtin_round(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, "round", "round", Sig::clinic, 1, 2, v, {"number", "ndigits"});
    const Value& x = v[0];
    bool has_nd = !v[1].is_undefined() && !v[1].is_none();
    if (x.is_intlike()) {
        if (!has_nd) return Value::integer(x.as_int());
        return Value::integer(int_round(x.as_int(), index_arg(in, v[1])));
    }
    if (x.is_float()) {
        if (!has_nd) return Value::integer(float_round_to_int(x.as_float()));
        return Value::floating(float_round(x.as_float(), index_arg(in, v[1])));
    }
    Value f = lookup_special(x, "__round__");
    if (f.is_undefined()) raise_type_error("type " + type_name(x) + " doesn't define __round__ method");
    if (!has_nd) return call(in, f, std::vector<Value>{x});
    return call(in, f, std::vector<Value>{x, v[1]});
}

Value builtin_divmod(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, "divmod", "divmod", Sig::checkpos, 2, 2, v);
    const Value &x = v[0], &y = v[1];
    if (x.is_intlike() && y.is_intlike()) {
        IntDivmod r = int_divmod(x.as_int(), y.as_int());
        return make_tuple({Value::integer(r.quotient), Value::integer(r.remainder)});
    }
    if (is_number(x) && is_number(y)) {
        FloatDivmod r = float_divmod(x.is_float() ? x.as_float() : double(x.as_int()),
                                     y.is_float() ? y.as_float() : double(y.as_int()));
        return make_tuple({Value::floating(r.quotient), Value::floating(r.remainder)});
    }
    Value f = lookup_special(x, "__divmod__");
    if (!f.is_undefined() && x.is_object()) {
        Value r = call(in, f, std::vector<Value>{x, y});
        if (!r.is(not_implemented())) return r;
    }
    f = lookup_special(y, "__rdivmod__");
    if (!f.is_undefined() && y.is_object()) {
        Value r = call(in, f, std::vector<Value>{y, x});
        if (!r.is(not_implemented())) return r;
    }
    raise_type_error("unsupported operand type(s) for divmod(): '" + type_name(x) + "' and '" + type_name(y) + "'");
}

// pow(base, exp, mod): with mod, all three must be ints (long_pow's modular branch: a
// negative exponent inverts base modulo mod; the result has mod's sign).
Value builtin_pow(Interp& in, const CallArgs& a) {
    Value v[3];
    bind_args(a, 0, "pow", "pow", Sig::clinic, 2, 3, v, {"base", "exp", "mod"});
    if (v[2].is_undefined() || v[2].is_none()) return binary_op(in, v[0], v[1], ast::Operator::Pow);
    if (!v[0].is_intlike() || !v[1].is_intlike() || !v[2].is_intlike())
        raise_type_error("pow() 3rd argument not allowed unless all arguments are integers");
    int64_t base = v[0].as_int(), exp = v[1].as_int(), mod = v[2].as_int();
    if (mod == 0) raise_value_error("pow() 3rd argument cannot be 0");
    unsigned __int128 m = mod < 0 ? (unsigned __int128)(-(__int128)mod) : (unsigned __int128)mod;
    __int128 b = (__int128)base % (__int128)m;
    if (b < 0) b += (__int128)m;
    if (exp < 0) {  // modular inverse by the extended Euclidean algorithm
        __int128 r0 = (__int128)m, r1 = b, t0 = 0, t1 = 1;
        while (r1 != 0) {
            __int128 q = r0 / r1, tmp = r0 - q * r1;
            r0 = r1;
            r1 = tmp;
            tmp = t0 - q * t1;
            t0 = t1;
            t1 = tmp;
        }
        if (r0 != 1) raise_value_error("base is not invertible for the given modulus");
        b = t0 % (__int128)m;
        if (b < 0) b += (__int128)m;
    }
    unsigned __int128 result = 1 % m, sq = (unsigned __int128)b;
    for (uint64_t e = exp < 0 ? uint64_t(0) - uint64_t(exp) : uint64_t(exp); e; e >>= 1) {
        if (e & 1) result = result * sq % m;
        sq = sq * sq % m;
    }
    int64_t r = int64_t(result);
    if (mod < 0 && r != 0) r -= int64_t(m);
    return Value::integer(r);
}

Value integer_text(Interp& in, const CallArgs& a, const char* name, const char* spec) {
    const Value& x = one(a, name);
    return make_str(format_int(index_arg(in, x), spec));
}
Value builtin_hex(Interp& in, const CallArgs& a) { return integer_text(in, a, "hex", "#x"); }
Value builtin_oct(Interp& in, const CallArgs& a) { return integer_text(in, a, "oct", "#o"); }
Value builtin_bin(Interp& in, const CallArgs& a) { return integer_text(in, a, "bin", "#b"); }

Value builtin_chr(Interp& in, const CallArgs& a) {
    int64_t c = index_arg(in, one(a, "chr"));
    if (c < 0 || c > 0x10FFFF) raise_value_error("chr() arg not in range(0x110000)");
    std::string s;
    utf8_append(s, char32_t(c));
    return make_str(std::move(s));
}

Value builtin_ord(Interp&, const CallArgs& a) {
    const Value& x = one(a, "ord");
    if (is_str(x)) {
        const Str& s = *x.as<Str>();
        if (s.len() != 1)
            raise_type_error("ord() expected a character, but string of length " + std::to_string(s.len()) + " found");
        size_t pos = 0;
        return Value::integer(int64_t(utf8_next(s.s, pos)));
    }
    if (kind_of(x) == Kind::bytes) {
        const std::string& b = x.as<Bytes>()->b;
        if (b.size() != 1)
            raise_type_error("ord() expected a character, but string of length " + std::to_string(b.size()) + " found");
        return Value::integer(static_cast<unsigned char>(b[0]));
    }
    raise_type_error("ord() expected string of length 1, but " + type_name(x) + " found");
}

// ---- objects ----------------------------------------------------------------------------
Value builtin_hash(Interp& in, const CallArgs& a) { return Value::integer(hash(in, one(a, "hash"))); }
Value builtin_id(Interp&, const CallArgs& a) { return Value::integer(int64_t(one(a, "id").identity() & INT64_MAX)); }
Value builtin_callable(Interp&, const CallArgs& a) { return Value::boolean(is_callable(one(a, "callable"))); }

Value builtin_isinstance(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, "isinstance", "isinstance", Sig::checkpos, 2, 2, v);
    return Value::boolean(isinstance(in, v[0], v[1]));
}

bool is_class(const Value& v) { return v.is_object() && v.type()->kind == Kind::type; }

bool subclass_of(const Value& cls, const Value& bases) {
    if (kind_of(bases) == Kind::tuple) {
        for (const Value& b : bases.as<Tuple>()->items)
            if (subclass_of(cls, b)) return true;
        return false;
    }
    if (!is_class(bases)) raise_type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return cls.as<Type>()->is_subtype(bases.as<Type>());
}

Value builtin_issubclass(Interp&, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, "issubclass", "issubclass", Sig::checkpos, 2, 2, v);
    if (!is_class(v[0])) raise_type_error("issubclass() arg 1 must be a class");
    return Value::boolean(subclass_of(v[0], v[1]));
}

Str* attr_name(const Value& v) {
    if (!is_str(v)) raise_type_error("attribute name must be string, not '" + type_name(v) + "'");
    return intern(v.as<Str>()->s);
}

Value builtin_getattr(Interp& in, const CallArgs& a) {
    Value v[3];
    bind_args(a, 0, "getattr", "getattr", Sig::checkpos, 2, 3, v);
    Str* name = attr_name(v[1]);
    if (v[2].is_undefined()) return getattr(in, v[0], name);
    try {
        return getattr(in, v[0], name);
    } catch (const PyErrorBase& e) {
        if (!exception_matches(*e.exc, exc_types().AttributeError)) throw;
    }
    return v[2];
}

Value builtin_hasattr(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, "hasattr", "hasattr", Sig::checkpos, 2, 2, v);
    return Value::boolean(hasattr(in, v[0], attr_name(v[1])));
}

Value builtin_setattr(Interp& in, const CallArgs& a) {
    Value v[3];
    bind_args(a, 0, "setattr", "setattr", Sig::checkpos, 3, 3, v);
    setattr(in, v[0], attr_name(v[1]), v[2]);
    return Value::none();
}

Value builtin_delattr(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, "delattr", "delattr", Sig::checkpos, 2, 2, v);
    delattr(in, v[0], attr_name(v[1]));
    return Value::none();
}

}  // namespace

// A frame's local namespace (locals(), vars(), dir(), frame.f_locals): the namespace dict of
// module and class bodies, else a new dict of the bound fast locals and cells.
Value frame_locals_of(Frame* f) {
    if (!f) return Value(new Dict());
    if (!f->locals_dict.is_undefined()) return f->locals_dict;
    Value d(new Dict());
    const Code& code = *f->code;
    for (size_t i = 0; i < f->fast.size(); ++i) {
        const std::string* name = i < code.varnames.size()                       ? &code.varnames[i]
                                  : i < code.varnames.size() + code.cellvars.size() ? &code.cellvars[i - code.varnames.size()]
                                  : i < code.nlocals() + code.ncells()             ? &code.freevars[i - code.varnames.size() - code.cellvars.size()]
                                                                                   : nullptr;
        if (!name) break;
        Value v = f->fast[i];
        if (i >= code.varnames.size() && kind_of(v) == Kind::cell) v = v.as<Cell>()->value;
        if (!v.is_undefined()) d.as<Dict>()->set_str(*name, v);
    }
    return d;
}

namespace {

Value frame_locals(Interp& in) { return frame_locals_of(in.vm().current_frame()); }

Value builtin_locals(Interp& in, const CallArgs& a) {
    Value unused[1];
    bind_args(a, 0, "locals", "locals", Sig::noargs, 0, 0, unused);
    return frame_locals(in);
}
Value builtin_globals(Interp& in, const CallArgs& a) {
    Value unused[1];
    bind_args(a, 0, "globals", "globals", Sig::noargs, 0, 0, unused);
    Frame* f = in.vm().current_frame();
    return f ? Value(f->globals) : Value(in.main_module()->dict);
}

Value builtin_vars(Interp& in, const CallArgs& a) {
    Value v[1];
    bind_args(a, 0, "vars", "vars", Sig::checkpos, 0, 1, v);
    if (v[0].is_undefined()) return frame_locals(in);
    try {
        return getattr(in, v[0], intern("__dict__"));
    } catch (const PyErrorBase& e) {
        if (!exception_matches(*e.exc, exc_types().AttributeError)) throw;
    }
    raise_type_error("vars() argument must have __dict__ attribute");
}

void add_keys(std::set<std::string>& names, const Dict* d) {
    if (!d) return;
    for (const auto& e : d->entries())
        if (is_str(e.key)) names.insert(e.key.as<Str>()->s);
}

// dir(): sorted names of the local scope; dir(x): x's __dir__ if its class defines one,
// else the names of its instance dict and of every class in its MRO.
Value builtin_dir(Interp& in, const CallArgs& a) {
    Value v[1];
    bind_args(a, 0, "dir", "dir", Sig::checkpos, 0, 1, v);
    std::set<std::string> names;
    if (v[0].is_undefined()) {
        add_keys(names, frame_locals(in).as<Dict>());
    } else {
        const Value& x = v[0];
        // A class's own __dir__ (written in Python) decides; object's native one is this code.
        Value custom = lookup_special(x, "__dir__");
        if (kind_of(custom) == Kind::function) {
            std::vector<Value> items = to_vector(in, call(in, custom, std::vector<Value>{x}));
            std::sort(items.begin(), items.end(), [&](const Value& p, const Value& q) { return less(in, p, q); });
            return make_list(std::move(items));
        }
        if (kind_of(x) == Kind::module) {
            add_keys(names, x.as<Module>()->dict);
        } else if (kind_of(x) == Kind::type) {
            for (const Type* t : x.as<Type>()->mro) add_keys(names, t->dict);
            names.insert({"__class__", "__doc__", "__module__"});
        } else {
            Value d = getattr_or_undefined(in, x, intern("__dict__"));
            if (kind_of(d) == Kind::dict) add_keys(names, d.as<Dict>());
            for (const Type* t : x.type()->mro) add_keys(names, t->dict);
            names.insert("__class__");
        }
    }
    std::vector<Value> out;
    for (const std::string& n : names) out.push_back(make_str(n));
    return make_list(std::move(out));
}

// input(), open(), exec()... have no meaning in a deterministic simulation.
template <const char* Name>
Value unsupported(Interp&, const CallArgs&) {
    raise(exc_types().NotImplementedError, std::string("LoopLab does not support ") + Name + "() in scenarios");
}
constexpr char kInput[] = "input", kOpen[] = "open", kExec[] = "exec", kEval[] = "eval", kCompile[] = "compile",
               kBreakpoint[] = "breakpoint", kHelp[] = "help", kMemoryview[] = "memoryview",
               kBytearray[] = "bytearray", kComplex[] = "complex";

}  // namespace

void install_builtins(Interp& in, Dict& b) {
    (void)in;
    install_number_methods(types());
    // type, object, Ellipsis, NotImplemented and the exceptions: builtins_core.cpp.
    const BuiltinTypes& t = types();
    b.set_str("str", Value(t.str));
    b.set_str("int", Value(t.integer));
    b.set_str("float", Value(t.floating));
    b.set_str("bool", Value(t.boolean));
    if (t.bytes) b.set_str("bytes", Value(t.bytes));
    b.set_str("UnicodeEncodeError", Value(unicode_error_type(true)));
    b.set_str("UnicodeDecodeError", Value(unicode_error_type(false)));
    struct {
        const char* name;
        NativeFn fn;
    } const functions[] = {
        {"print", builtin_print}, {"repr", builtin_repr}, {"ascii", builtin_ascii}, {"format", builtin_format},
        {"abs", builtin_abs}, {"round", builtin_round}, {"divmod", builtin_divmod}, {"pow", builtin_pow},
        {"hex", builtin_hex}, {"oct", builtin_oct}, {"bin", builtin_bin}, {"chr", builtin_chr}, {"ord", builtin_ord},
        {"hash", builtin_hash}, {"id", builtin_id}, {"callable", builtin_callable},
        {"isinstance", builtin_isinstance}, {"issubclass", builtin_issubclass}, {"getattr", builtin_getattr},
        {"hasattr", builtin_hasattr}, {"setattr", builtin_setattr}, {"delattr", builtin_delattr},
        {"vars", builtin_vars}, {"dir", builtin_dir}, {"locals", builtin_locals}, {"globals", builtin_globals},
        {"input", unsupported<kInput>}, {"open", unsupported<kOpen>}, {"exec", unsupported<kExec>},
        {"eval", unsupported<kEval>}, {"compile", unsupported<kCompile>},
        {"breakpoint", unsupported<kBreakpoint>}, {"help", unsupported<kHelp>},
        {"memoryview", unsupported<kMemoryview>}, {"bytearray", unsupported<kBytearray>},
        {"complex", unsupported<kComplex>},
    };
    for (const auto& f : functions) b.set_str(f.name, make_native(f.name, f.fn));
}

}  // namespace looplab::py
