// int, float and bool: their constructors (long_new, float_new, bool_new) and the common
// methods and attributes (Objects/longobject.c, floatobject.c, boolobject.c). Arithmetic is
// arith.hpp's; text is float_format.hpp's and format_spec.hpp's.
#include <cfloat>
#include <cmath>
#include <mutex>

#include "looplab/py/abstract.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/float_format.hpp"
#include "looplab/py/format_spec.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/py/str.hpp"
#include "native_args.hpp"

namespace looplab::py {
namespace {

using argbind::bind_args;
using argbind::index_arg;
using argbind::Sig;

// ---- constructors -----------------------------------------------------------------------
// The result of x.__int__() / x.__index__(): must be an int.
int64_t int_result(const Value& r, const char* dunder) {
    if (!r.is_intlike()) raise_type_error(std::string(dunder) + " returned non-int (type " + type_name(r) + ")");
    return r.as_int();
}

// int(x=0, /, base=10)
Value int_new(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, "int", "int", Sig::clinic, 0, 2, v, {"", "base"});
    const Value& x = v[0];
    if (x.is_undefined()) {
        if (!v[1].is_undefined()) raise_type_error("int() missing string argument");
        return Value::integer(0);
    }
    if (!v[1].is_undefined()) {
        int64_t base = index_arg(in, v[1]);
        if (is_str(x)) return Value::integer(int_from_string(x.as<Str>()->s, int(std::clamp<int64_t>(base, -1, 99))));
        if (kind_of(x) == Kind::bytes)
            return Value::integer(int_from_string(x.as<Bytes>()->b, int(std::clamp<int64_t>(base, -1, 99))));
        raise_type_error("int() can't convert non-string with explicit base");
    }
    if (x.is_intlike()) return Value::integer(x.as_int());
    if (x.is_float()) return Value::integer(float_to_int(x.as_float()));
    if (is_str(x)) return Value::integer(int_from_string(x.as<Str>()->s, 10));
    if (kind_of(x) == Kind::bytes) return Value::integer(int_from_string(x.as<Bytes>()->b, 10));
    for (const char* dunder : {"__int__", "__index__", "__trunc__"}) {
        Value f = lookup_special(x, dunder);
        if (!f.is_undefined() && !f.is_none()) return Value::integer(int_result(call(in, f, std::vector<Value>{x}), dunder));
    }
    raise_type_error("int() argument must be a string, a bytes-like object or a real number, not '" + type_name(x) +
                     "'");
}

// float(x=0.0, /)
Value float_new(Interp& in, const CallArgs& a) {
    Value v[1];
    bind_args(a, 0, "float", "float", Sig::checkpos, 0, 1, v);
    const Value& x = v[0];
    if (x.is_undefined()) return Value::floating(0.0);
    if (x.is_float()) return x;
    if (x.is_intlike()) return Value::floating(int_to_float(x.as_int()));
    if (is_str(x)) return Value::floating(float_from_string(x.as<Str>()->s));
    if (kind_of(x) == Kind::bytes) return Value::floating(float_from_string(x.as<Bytes>()->b));
    Value f = lookup_special(x, "__float__");
    if (!f.is_undefined() && !f.is_none()) {
        Value r = call(in, f, std::vector<Value>{x});
        if (!r.is_float())
            raise_type_error(type_name(x) + ".__float__ returned non-float (type " + type_name(r) + ")");
        return r;
    }
    f = lookup_special(x, "__index__");
    if (!f.is_undefined() && !f.is_none())
        return Value::floating(int_to_float(int_result(call(in, f, std::vector<Value>{x}), "__index__")));
    raise_type_error("float() argument must be a string or a real number, not '" + type_name(x) + "'");
}

// bool(x=False, /)
Value bool_new(Interp& in, const CallArgs& a) {
    Value v[1];
    bind_args(a, 0, "bool", "bool", Sig::checkpos, 0, 1, v);
    return Value::boolean(!v[0].is_undefined() && truthy(in, v[0]));
}

// ---- int ----------------------------------------------------------------------------------
// self (args[0]) of an int method; `nargs` further positional arguments allowed.
int64_t int_self(const CallArgs& a, const char* name, size_t min = 0, size_t max = 0, Value* out = nullptr) {
    if (a.size() == 0 || !a[0].is_intlike())
        raise_type_error(std::string("descriptor '") + name + "' for 'int' objects doesn't apply to a '" +
                         (a.size() ? type_name(a[0]) : std::string("NoneType")) + "' object");
    Value unused[2];
    bind_args(a, 1, name, std::string("int.") + name, max == 0 ? Sig::noargs : Sig::checkpos, min, max,
              out ? out : unused);
    return a[0].as_int();
}

Value int_bit_length_m(Interp&, const CallArgs& a) { return Value::integer(int_bit_length(int_self(a, "bit_length"))); }
Value int_bit_count(Interp&, const CallArgs& a) {
    int64_t n = int_self(a, "bit_count");
    uint64_t u = n < 0 ? uint64_t(0) - uint64_t(n) : uint64_t(n);
    return Value::integer(__builtin_popcountll(u));
}
// conjugate(), real, numerator, __int__, __index__, __trunc__, __floor__, __ceil__: the int
// itself (an int, not a bool: True.real == 1).
Value int_itself(Interp&, const CallArgs& a) { return Value::integer(int_self(a, "conjugate")); }
Value int_zero(Interp&, const CallArgs& a) {
    int_self(a, "imag");
    return Value::integer(0);
}
Value int_one(Interp&, const CallArgs& a) {
    int_self(a, "denominator");
    return Value::integer(1);
}
Value int_as_integer_ratio(Interp&, const CallArgs& a) {
    return make_tuple({Value::integer(int_self(a, "as_integer_ratio")), Value::integer(1)});
}
Value int_float_m(Interp&, const CallArgs& a) { return Value::floating(int_to_float(int_self(a, "__float__"))); }
Value int_abs_m(Interp&, const CallArgs& a) { return Value::integer(int_abs(int_self(a, "__abs__"))); }
Value int_round_m(Interp& in, const CallArgs& a) {
    Value v[1];
    int64_t n = int_self(a, "__round__", 0, 1, v);
    if (v[0].is_undefined() || v[0].is_none()) return Value::integer(n);
    return Value::integer(int_round(n, index_arg(in, v[0])));
}
Value int_format_m(Interp&, const CallArgs& a) {
    Value v[1];
    int_self(a, "__format__", 1, 1, v);
    if (!is_str(v[0])) raise_type_error("__format__() argument must be str, not " + type_name(v[0]));
    if (a[0].is_bool()) return make_str(format_bool(a[0].as_bool(), v[0].as<Str>()->s));
    return make_str(format_int(a[0].as_int(), v[0].as<Str>()->s));
}

// ---- float --------------------------------------------------------------------------------
double float_self(const CallArgs& a, const char* name, size_t min = 0, size_t max = 0, Value* out = nullptr) {
    if (a.size() == 0 || !a[0].is_float())
        raise_type_error(std::string("descriptor '") + name + "' for 'float' objects doesn't apply to a '" +
                         (a.size() ? type_name(a[0]) : std::string("NoneType")) + "' object");
    Value unused[2];
    bind_args(a, 1, name, std::string("float.") + name, max == 0 ? Sig::noargs : Sig::checkpos, min, max,
              out ? out : unused);
    return a[0].as_float();
}

Value float_is_integer(Interp&, const CallArgs& a) {
    double x = float_self(a, "is_integer");
    return Value::boolean(std::isfinite(x) && std::floor(x) == x);
}

// float_as_integer_ratio: doubles the mantissa until it is integral; the denominator is a
// power of two, so the fraction is already in lowest terms.
Value float_as_integer_ratio(Interp&, const CallArgs& a) {
    double x = float_self(a, "as_integer_ratio");
    if (std::isinf(x)) raise(exc_types().OverflowError, "cannot convert Infinity to integer ratio");
    if (std::isnan(x)) raise_value_error("cannot convert NaN to integer ratio");
    int exponent;
    double part = std::frexp(x, &exponent);
    for (int i = 0; i < 300 && part != std::floor(part); ++i) {
        part *= 2.0;
        --exponent;
    }
    // |part| < 2**53 here; LoopLab ints are 64-bit, so 1e300's ratio is an OverflowError.
    if ((exponent > 0 && int_bit_length(int64_t(part)) + exponent > 63) || exponent < -62)
        raise(exc_types().OverflowError, kIntOverflowMessage);
    int64_t num = int64_t(part), den = 1;
    if (exponent > 0) num <<= exponent;
    else den <<= -exponent;
    return make_tuple({Value::integer(num), Value::integer(den)});
}

// float.hex() (float_hex): 0x1.<13 hex digits>p<exponent>, subnormals as 0x0.<...>p-1022.
Value float_hex(Interp&, const CallArgs& a) {
    double x = float_self(a, "hex");
    if (std::isnan(x) || std::isinf(x)) return make_str(float_repr(x));
    if (x == 0.0) return make_str(std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    static constexpr char digits[] = "0123456789abcdef";
    int e;
    double m = std::frexp(std::fabs(x), &e);
    int shift = 1 - std::max(DBL_MIN_EXP - e, 0);
    m = std::ldexp(m, shift);
    e -= shift;
    std::string s = x < 0 ? "-0x" : "0x";
    s += digits[int(m)];
    m -= int(m);
    s += '.';
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; ++i) {
        m *= 16.0;
        s += digits[int(m)];
        m -= int(m);
    }
    s += 'p';
    s += e < 0 ? '-' : '+';
    s += std::to_string(e < 0 ? -e : e);
    return make_str(std::move(s));
}

Value float_itself(Interp&, const CallArgs& a) { return Value::floating(float_self(a, "conjugate")); }
Value float_zero(Interp&, const CallArgs& a) {
    float_self(a, "imag");
    return Value::floating(0.0);
}
Value float_abs_m(Interp&, const CallArgs& a) { return Value::floating(std::fabs(float_self(a, "__abs__"))); }
Value float_int_m(Interp&, const CallArgs& a) { return Value::integer(float_to_int(float_self(a, "__int__"))); }
Value float_floor_m(Interp&, const CallArgs& a) {
    return Value::integer(float_to_int(std::floor(float_self(a, "__floor__"))));
}
Value float_ceil_m(Interp&, const CallArgs& a) { return Value::integer(float_to_int(std::ceil(float_self(a, "__ceil__")))); }
Value float_round_m(Interp& in, const CallArgs& a) {
    Value v[1];
    double x = float_self(a, "__round__", 0, 1, v);
    if (v[0].is_undefined() || v[0].is_none()) return Value::integer(float_round_to_int(x));
    return Value::floating(float_round(x, index_arg(in, v[0])));
}
Value float_format_m(Interp&, const CallArgs& a) {
    Value v[1];
    double x = float_self(a, "__format__", 1, 1, v);
    if (!is_str(v[0])) raise_type_error("__format__() argument must be str, not " + type_name(v[0]));
    return make_str(format_float(x, v[0].as<Str>()->s));
}

Value property_of(const char* name, NativeFn fn) { return Value(new Property(make_native(name, fn), Value::none())); }

}  // namespace

void install_number_methods(const BuiltinTypes& t) {
    static std::once_flag once;
    std::call_once(once, [&t] {
        t.integer->construct = int_new;
        t.floating->construct = float_new;
        t.boolean->construct = bool_new;
        Type& i = *t.integer;
        i.add_method("bit_length", int_bit_length_m);
        i.add_method("bit_count", int_bit_count);
        i.add_method("conjugate", int_itself);
        i.add_method("as_integer_ratio", int_as_integer_ratio);
        for (const char* m : {"__int__", "__index__", "__trunc__", "__floor__", "__ceil__"}) i.add_method(m, int_itself);
        i.add_method("__float__", int_float_m);
        i.add_method("__abs__", int_abs_m);
        i.add_method("__round__", int_round_m);
        i.add_method("__format__", int_format_m);
        i.add_attr("real", property_of("real", int_itself));
        i.add_attr("imag", property_of("imag", int_zero));
        i.add_attr("numerator", property_of("numerator", int_itself));
        i.add_attr("denominator", property_of("denominator", int_one));
        Type& f = *t.floating;
        f.add_method("is_integer", float_is_integer);
        f.add_method("as_integer_ratio", float_as_integer_ratio);
        f.add_method("hex", float_hex);
        f.add_method("conjugate", float_itself);
        f.add_method("__float__", float_itself);
        f.add_method("__int__", float_int_m);
        f.add_method("__trunc__", float_int_m);
        f.add_method("__floor__", float_floor_m);
        f.add_method("__ceil__", float_ceil_m);
        f.add_method("__abs__", float_abs_m);
        f.add_method("__round__", float_round_m);
        f.add_method("__format__", float_format_m);
        f.add_attr("real", property_of("real", float_itself));
        f.add_attr("imag", property_of("imag", float_zero));
    });
}

}  // namespace looplab::py
