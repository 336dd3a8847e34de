// Object protocols, part 1: text, truth, hashing, comparison, arithmetic (CPython
// Objects/abstract.c, object.c). Attributes and calls are in attributes.cpp and call.cpp.
#include "looplab/py/abstract.hpp"

#include <cmath>
#include <cstdio>

#include "looplab/py/arith.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/float_format.hpp"
#include "looplab/py/format_spec.hpp"
#include "looplab/py/hash.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/py/set.hpp"
#include "looplab/py/str.hpp"
#include "looplab/py/unicode_text.hpp"

namespace looplab::py {

namespace {
Value call_special(Interp& in, const Value& f, const Value& self) {
    Value args[1] = {self};
    CallArgs a;
    a.args = args;
    a.nargs = 1;
    return call(in, f, a);
}
Value call_special2(Interp& in, const Value& f, const Value& self, const Value& other) {
    Value args[2] = {self, other};
    CallArgs a;
    a.args = args;
    a.nargs = 2;
    return call(in, f, a);
}
// Guards against infinite recursion in repr of self-containing user objects.
struct DepthGuard {
    Interp& in;
    explicit DepthGuard(Interp& i) : in(i) { in.enter_call(); }
    ~DepthGuard() { in.leave_call(); }
};
}  // namespace

std::string address_of(const Value& v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%012llx", static_cast<unsigned long long>(v.identity()));
    return buf;
}

const std::string& type_name(const Value& v) { return v.type()->name; }

// ---- text -----------------------------------------------------------------------------
std::string repr(Interp& in, const Value& v) {
    switch (v.tag()) {
        case Value::Tag::none: return "None";
        case Value::Tag::boolean: return v.as_bool() ? "True" : "False";
        case Value::Tag::integer: return std::to_string(v.as_int());
        case Value::Tag::floating: return float_repr(v.as_float());
        case Value::Tag::undefined: return "<NULL>";
        case Value::Tag::object: break;
    }
    if (v.type()->kind == Kind::str && !v.type()->heap) return str_repr(v.as<Str>()->s);
    Value f = v.type()->lookup("__repr__");
    if (f.is_undefined()) return "<" + type_name(v) + " object at " + address_of(v) + ">";
    DepthGuard g(in);
    Value r = call_special(in, f, v);
    if (!is_str(r)) raise_type_error("__repr__ returned non-string (type " + type_name(r) + ")");
    return r.as<Str>()->s;
}

std::string str(Interp& in, const Value& v) {
    switch (v.tag()) {
        case Value::Tag::object: break;
        default: return repr(in, v);
    }
    if (v.type()->kind == Kind::str && !v.type()->heap) return v.as<Str>()->s;
    Value f = v.type()->lookup("__str__");
    if (f.is_undefined()) return repr(in, v);
    DepthGuard g(in);
    Value r = call_special(in, f, v);
    if (!is_str(r)) raise_type_error("__str__ returned non-string (type " + type_name(r) + ")");
    return r.as<Str>()->s;
}

Value repr_value(Interp& in, const Value& v) { return make_str(repr(in, v)); }
Value str_value(Interp& in, const Value& v) {
    if (is_str(v) && !v.type()->heap) return v;
    return make_str(str(in, v));
}
std::string ascii(Interp& in, const Value& v) { return ascii_escape(repr(in, v)); }

std::string format(Interp& in, const Value& v, std::string_view spec) {
    switch (v.tag()) {
        case Value::Tag::integer: return format_int(v.as_int(), spec);
        case Value::Tag::boolean:
            if (spec.empty()) return v.as_bool() ? "True" : "False";
            return format_int(v.as_int(), spec);
        case Value::Tag::floating: return format_float(v.as_float(), spec);
        case Value::Tag::none:
            if (spec.empty()) return "None";
            raise_type_error("unsupported format string passed to NoneType.__format__");
        default: break;
    }
    if (is_str(v) && !v.type()->heap) return format_str(v.as<Str>()->s, spec);
    Value f = v.type()->lookup("__format__");
    if (!f.is_undefined() && v.type()->heap) {
        Value r = call_special2(in, f, v, make_str(std::string(spec)));
        if (!is_str(r)) raise_type_error("__format__ must return a str, not " + type_name(r));
        return r.as<Str>()->s;
    }
    if (spec.empty()) return str(in, v);
    if (v.type()->kind == Kind::str) return format_str(v.as<Str>()->s, spec);
    if (v.type()->kind == Kind::integer) return format_int(v.as_int(), spec);
    raise_type_error("unsupported format string passed to " + type_name(v) + ".__format__");
}

// ---- truth ----------------------------------------------------------------------------
bool truthy(Interp& in, const Value& v) {
    switch (v.tag()) {
        case Value::Tag::none:
        case Value::Tag::undefined: return false;
        case Value::Tag::boolean:
        case Value::Tag::integer: return v.as_int() != 0;
        case Value::Tag::floating: return v.as_float() != 0.0;
        case Value::Tag::object: break;
    }
    Type* t = v.type();
    if (!t->heap) {
        switch (t->kind) {
            case Kind::str: return !v.as<Str>()->s.empty();
            case Kind::list: return !v.as<List>()->items.empty();
            case Kind::tuple: return !v.as<Tuple>()->items.empty();
            case Kind::dict: return v.as<Dict>()->size() != 0;
            case Kind::set:
            case Kind::frozenset: return v.as<Set>()->size() != 0;
            case Kind::range: return v.as<Range>()->length() != 0;
            default: break;
        }
    }
    Value f = t->lookup("__bool__");
    if (!f.is_undefined()) {
        Value r = call_special(in, f, v);
        if (!r.is_bool()) raise_type_error("__bool__ should return bool, returned " + type_name(r));
        return r.as_bool();
    }
    f = t->lookup("__len__");
    if (!f.is_undefined()) {
        Value r = call_special(in, f, v);
        if (!r.is_intlike()) raise_type_error("'" + type_name(r) + "' object cannot be interpreted as an integer");
        return r.as_int() != 0;
    }
    return true;
}

// ---- hashing --------------------------------------------------------------------------
int64_t hash(Interp& in, const Value& v) {
    switch (v.tag()) {
        case Value::Tag::none: return 612812;  // hash(None) in Debian's non-PIE python3.11 (hash.hpp)
        case Value::Tag::boolean:
        case Value::Tag::integer: return hash_int(v.as_int());
        case Value::Tag::floating: return hash_float(v.as_float(), uintptr_t(v.identity()));
        case Value::Tag::undefined: return 0;
        case Value::Tag::object: break;
    }
    Type* t = v.type();
    if (t->kind == Kind::str && !t->heap) {
        Str* s = v.as<Str>();
        if (s->hash == -1) s->hash = hash_str(s->s);
        return s->hash;
    }
    Value f = t->lookup("__hash__");
    if (f.is_none()) raise_type_error("unhashable type: '" + t->name + "'");
    if (!f.is_undefined()) {
        Value r = call_special(in, f, v);
        if (!r.is_intlike()) raise_type_error("__hash__ method should return an integer");
        return r.as_int() == -1 ? -2 : r.as_int();
    }
    // object.__hash__: identity based (CPython: id >> 4, rotated).
    uint64_t id = v.identity();
    return int64_t((id >> 4) | (id << 60)) & 0x7fffffffffffffff;
}

// ---- comparison -----------------------------------------------------------------------
namespace {
const char* cmp_dunder(ast::CmpOp op) {
    switch (op) {
        case ast::CmpOp::Eq: return "__eq__";
        case ast::CmpOp::NotEq: return "__ne__";
        case ast::CmpOp::Lt: return "__lt__";
        case ast::CmpOp::LtE: return "__le__";
        case ast::CmpOp::Gt: return "__gt__";
        case ast::CmpOp::GtE: return "__ge__";
        default: return "";
    }
}
ast::CmpOp reflected(ast::CmpOp op) {
    switch (op) {
        case ast::CmpOp::Lt: return ast::CmpOp::Gt;
        case ast::CmpOp::LtE: return ast::CmpOp::GtE;
        case ast::CmpOp::Gt: return ast::CmpOp::Lt;
        case ast::CmpOp::GtE: return ast::CmpOp::LtE;
        default: return op;
    }
}
template <class T>
bool apply_cmp(const T& a, const T& b, ast::CmpOp op) {
    switch (op) {
        case ast::CmpOp::Eq: return a == b;
        case ast::CmpOp::NotEq: return a != b;
        case ast::CmpOp::Lt: return a < b;
        case ast::CmpOp::LtE: return a <= b;
        case ast::CmpOp::Gt: return a > b;
        case ast::CmpOp::GtE: return a >= b;
        default: return false;
    }
}
bool cmp_from_order(int c, ast::CmpOp op) { return apply_cmp(c, 0, op); }

bool is_number(const Value& v) { return v.is_intlike() || v.is_float(); }

// Numeric comparison with Python's exact int/float rules.
bool numeric_compare(const Value& a, const Value& b, ast::CmpOp op) {
    if (a.is_intlike() && b.is_intlike()) return apply_cmp(a.as_int(), b.as_int(), op);
    if (a.is_float() && b.is_float()) return apply_cmp(a.as_float(), b.as_float(), op);
    bool unordered = false;
    int c;
    if (a.is_intlike()) c = compare_int_float(a.as_int(), b.as_float(), &unordered);
    else c = -compare_int_float(b.as_int(), a.as_float(), &unordered);
    if (unordered) return op == ast::CmpOp::NotEq;
    return cmp_from_order(c, op);
}
}  // namespace

Value compare(Interp& in, const Value& a, const Value& b, ast::CmpOp op) {
    switch (op) {
        case ast::CmpOp::Is: return Value::boolean(a.is(b));
        case ast::CmpOp::IsNot: return Value::boolean(!a.is(b));
        case ast::CmpOp::In: return Value::boolean(contains(in, b, a));
        case ast::CmpOp::NotIn: return Value::boolean(!contains(in, b, a));
        default: break;
    }
    if (is_number(a) && is_number(b)) return Value::boolean(numeric_compare(a, b, op));
    if (is_str(a) && is_str(b) && !a.type()->heap && !b.type()->heap)
        return Value::boolean(cmp_from_order(str_compare(*a.as<Str>(), *b.as<Str>()), op));
    if (a.is_none() || b.is_none() || a.is_intlike() || b.is_intlike() || a.is_float() || b.is_float()) {
        if (op == ast::CmpOp::Eq || op == ast::CmpOp::NotEq) {
            // Only an object's own __eq__ can make it equal to a scalar.
            const Value& obj = a.is_object() ? a : b;
            if (!obj.is_object()) return Value::boolean((op == ast::CmpOp::Eq) == a.is(b));
        }
    }
    // Rich comparison: a.__op__(b), then b.__reflected__(a) (object.c do_richcompare).
    bool reflect_first = b.type() != a.type() && b.type()->is_subtype(a.type()) &&
                         !b.type()->lookup(cmp_dunder(reflected(op))).is_undefined();
    for (int attempt = 0; attempt < 2; ++attempt) {
        bool use_b = (attempt == 0) == reflect_first;
        const Value& self = use_b ? b : a;
        const Value& other = use_b ? a : b;
        ast::CmpOp o = use_b ? reflected(op) : op;
        if (!self.is_object()) continue;
        Value f = self.type()->lookup(cmp_dunder(o));
        if (f.is_undefined() || f.is_none()) continue;
        Value r = call_special2(in, f, self, other);
        if (!r.is(not_implemented())) return r;
    }
    if (op == ast::CmpOp::Eq) return Value::boolean(a.is(b));
    if (op == ast::CmpOp::NotEq) {
        // Default __ne__ inverts __eq__.
        Value f = a.is_object() ? a.type()->lookup("__eq__") : Value();
        if (!f.is_undefined() && a.type()->heap) {
            Value r = call_special2(in, f, a, b);
            if (!r.is(not_implemented())) return Value::boolean(!truthy(in, r));
        }
        return Value::boolean(!a.is(b));
    }
    raise_type_error(std::string("'") + ast::symbol(op) + "' not supported between instances of '" + type_name(a) +
                     "' and '" + type_name(b) + "'");
}

bool eq(Interp& in, const Value& a, const Value& b) {
    if (a.is(b) && !a.is_float()) return true;
    if (is_number(a) && is_number(b)) return numeric_compare(a, b, ast::CmpOp::Eq);
    if (is_str(a) && is_str(b)) return a.as<Str>()->s == b.as<Str>()->s;
    return truthy(in, compare(in, a, b, ast::CmpOp::Eq));
}

bool less(Interp& in, const Value& a, const Value& b) {
    if (a.is_intlike() && b.is_intlike()) return a.as_int() < b.as_int();
    if (is_number(a) && is_number(b)) return numeric_compare(a, b, ast::CmpOp::Lt);
    return truthy(in, compare(in, a, b, ast::CmpOp::Lt));
}

bool contains(Interp& in, const Value& container, const Value& item) {
    Type* t = container.type();
    if (container.is_object() && !t->heap) {
        switch (t->kind) {
            case Kind::str:
                if (!is_str(item))
                    raise_type_error("'in <string>' requires string as left operand, not " + type_name(item));
                return str_contains(*container.as<Str>(), *item.as<Str>());
            case Kind::dict: return container.as<Dict>()->contains(in, item);
            case Kind::set:
            case Kind::frozenset: return set_contains(in, *container.as<Set>(), item);  // retries a set key
            case Kind::list:
                for (auto& v : container.as<List>()->items)
                    if (eq(in, v, item)) return true;
                return false;
            case Kind::tuple:
                for (auto& v : container.as<Tuple>()->items)
                    if (eq(in, v, item)) return true;
                return false;
            default: break;
        }
    }
    Value f = container.is_object() ? t->lookup("__contains__") : Value();
    if (!f.is_undefined()) return truthy(in, call_special2(in, f, container, item));
    if (!container.is_object() || (t->lookup("__iter__").is_undefined() && t->kind != Kind::iterator &&
                                   t->kind != Kind::generator))
        raise_type_error("argument of type '" + type_name(container) + "' is not iterable");
    Value it = iter(in, container);
    for (Value v = next(in, it); !v.is_undefined(); v = next(in, it))
        if (eq(in, v, item)) return true;
    return false;
}

bool isinstance(Interp& in, const Value& v, const Value& cls) {
    if (cls.is_object() && cls.type()->kind == Kind::tuple) {
        for (auto& c : cls.as<Tuple>()->items)
            if (isinstance(in, v, c)) return true;
        return false;
    }
    if (!cls.is_object() || cls.type()->kind != Kind::type)
        raise_type_error("isinstance() arg 2 must be a type, a tuple of types, or a union");
    return v.type()->is_subtype(cls.as<Type>());
}

// ---- arithmetic -----------------------------------------------------------------------
namespace {
const char* op_dunder(ast::Operator op) {
    switch (op) {
        case ast::Operator::Add: return "add";
        case ast::Operator::Sub: return "sub";
        case ast::Operator::Mult: return "mul";
        case ast::Operator::MatMult: return "matmul";
        case ast::Operator::Div: return "truediv";
        case ast::Operator::Mod: return "mod";
        case ast::Operator::Pow: return "pow";
        case ast::Operator::LShift: return "lshift";
        case ast::Operator::RShift: return "rshift";
        case ast::Operator::BitOr: return "or";
        case ast::Operator::BitXor: return "xor";
        case ast::Operator::BitAnd: return "and";
        case ast::Operator::FloorDiv: return "floordiv";
    }
    return "";
}

Value int_binary(int64_t a, int64_t b, ast::Operator op) {
    switch (op) {
        case ast::Operator::Add: return Value::integer(int_add(a, b));
        case ast::Operator::Sub: return Value::integer(int_sub(a, b));
        case ast::Operator::Mult: return Value::integer(int_mul(a, b));
        case ast::Operator::Div: return Value::floating(int_truediv(a, b));
        case ast::Operator::FloorDiv: return Value::integer(int_floordiv(a, b));
        case ast::Operator::Mod: return Value::integer(int_mod(a, b));
        case ast::Operator::Pow:
            if (int_pow_is_float(b)) return Value::floating(int_pow_float(a, b));
            return Value::integer(int_pow(a, b));
        case ast::Operator::LShift: return Value::integer(int_lshift(a, b));
        case ast::Operator::RShift: return Value::integer(int_rshift(a, b));
        case ast::Operator::BitOr: return Value::integer(a | b);
        case ast::Operator::BitXor: return Value::integer(a ^ b);
        case ast::Operator::BitAnd: return Value::integer(a & b);
        case ast::Operator::MatMult: break;
    }
    return {};
}

Value float_binary(double a, double b, ast::Operator op) {
    switch (op) {
        case ast::Operator::Add: return Value::floating(a + b);
        case ast::Operator::Sub: return Value::floating(a - b);
        case ast::Operator::Mult: return Value::floating(a * b);
        case ast::Operator::Div: return Value::floating(float_truediv(a, b));
        case ast::Operator::FloorDiv: return Value::floating(float_floordiv(a, b));
        case ast::Operator::Mod: return Value::floating(float_mod(a, b));
        case ast::Operator::Pow: return Value::floating(float_pow(a, b));
        default: break;
    }
    return {};
}

[[noreturn]] void unsupported(const Value& a, const Value& b, ast::Operator op, bool inplace) {
    std::string sym = ast::symbol(op);
    if (inplace) sym += "=";
    if (op == ast::Operator::Pow && !inplace) sym = "** or pow()";
    raise_type_error("unsupported operand type(s) for " + sym + ": '" + type_name(a) + "' and '" + type_name(b) + "'");
}

Value dunder_binary(Interp& in, const Value& a, const Value& b, ast::Operator op, bool inplace) {
    std::string name = op_dunder(op);
    if (inplace && a.is_object()) {
        Value f = a.type()->lookup("__i" + name + "__");
        if (!f.is_undefined()) {
            Value r = call_special2(in, f, a, b);
            if (!r.is(not_implemented())) return r;
        }
    }
    bool b_first = a.type() != b.type() && b.type()->is_subtype(a.type());
    for (int attempt = 0; attempt < 2; ++attempt) {
        bool use_b = (attempt == 0) == b_first;
        const Value& self = use_b ? b : a;
        const Value& other = use_b ? a : b;
        if (use_b && a.type() == b.type()) continue;
        if (!self.is_object()) continue;
        Value f = self.type()->lookup(use_b ? "__r" + name + "__" : "__" + name + "__");
        if (f.is_undefined()) continue;
        Value r = call_special2(in, f, self, other);
        if (!r.is(not_implemented())) return r;
    }
    // CPython's sequence messages for + and * (abstract.c).
    if (op == ast::Operator::Add && a.is_object() && !b.type()->is_subtype(a.type())) {
        Kind k = a.type()->kind;
        if (k == Kind::str) raise_type_error("can only concatenate str (not \"" + type_name(b) + "\") to str");
        if (k == Kind::list) raise_type_error("can only concatenate list (not \"" + type_name(b) + "\") to list");
        if (k == Kind::tuple) raise_type_error("can only concatenate tuple (not \"" + type_name(b) + "\") to tuple");
    }
    if (op == ast::Operator::Mult) {
        auto is_seq = [](const Value& v) {
            Kind k = v.type()->kind;
            return v.is_object() && (k == Kind::str || k == Kind::list || k == Kind::tuple);
        };
        if (is_seq(a) && !b.is_intlike()) raise_type_error("can't multiply sequence by non-int of type '" + type_name(b) + "'");
        if (is_seq(b) && !a.is_intlike()) raise_type_error("can't multiply sequence by non-int of type '" + type_name(a) + "'");
    }
    unsupported(a, b, op, inplace);
}
}  // namespace

Value binary_op(Interp& in, const Value& a, const Value& b, ast::Operator op) {
    if (a.is_intlike() && b.is_intlike()) {
        if (a.is_bool() && b.is_bool() &&
            (op == ast::Operator::BitAnd || op == ast::Operator::BitOr || op == ast::Operator::BitXor)) {
            return Value::boolean(int_binary(a.as_int(), b.as_int(), op).as_int() != 0);
        }
        Value r = int_binary(a.as_int(), b.as_int(), op);
        if (!r.is_undefined()) return r;
        unsupported(a, b, op, false);
    }
    if (is_number(a) && is_number(b)) {
        double x = a.is_float() ? a.as_float() : int_to_float(a.as_int());
        double y = b.is_float() ? b.as_float() : int_to_float(b.as_int());
        Value r = float_binary(x, y, op);
        if (!r.is_undefined()) return r;
        unsupported(a, b, op, false);
    }
    if (is_str(a) && !a.type()->heap) {
        if (op == ast::Operator::Add && is_str(b)) return str_concat(*a.as<Str>(), *b.as<Str>());
        if (op == ast::Operator::Mod) return str_mod(in, *a.as<Str>(), b);
        if (op == ast::Operator::Mult && b.is_intlike()) return str_repeat(in, *a.as<Str>(), b.as_int());
    }
    if (op == ast::Operator::Mult && a.is_intlike() && is_str(b)) return str_repeat(in, *b.as<Str>(), a.as_int());
    if (op == ast::Operator::Mult && !a.type()->heap && !b.type()->heap) {
        // PyNumber_Multiply: when no nb_multiply answers, the LEFT operand's sq_repeat is
        // tried first, so `[1] * 'a'` complains about the str (str.__rmul__ would name the list).
        auto builtin_seq = [](const Value& v) {
            const Kind k = v.type()->kind;
            return v.is_object() && (k == Kind::str || k == Kind::list || k == Kind::tuple || k == Kind::bytes);
        };
        auto index_like = [](const Value& v) {
            return v.is_intlike() || !lookup_special(v, "__index__").is_undefined();
        };
        if (builtin_seq(a) && !index_like(b))
            raise_type_error("can't multiply sequence by non-int of type '" + type_name(b) + "'");
    }
    return dunder_binary(in, a, b, op, false);
}

Value inplace_op(Interp& in, const Value& a, const Value& b, ast::Operator op) {
    if (!a.is_object() || (is_str(a) && !a.type()->heap)) {
        if (is_number(a) && is_number(b)) return binary_op(in, a, b, op);
        if (is_str(a)) return binary_op(in, a, b, op);
    }
    // Not an object: no __iadd__ to try, but the error still names the augmented operator
    // ("unsupported operand type(s) for +=", abstract.c binary_iop1/binop_type_error).
    return dunder_binary(in, a, b, op, true);
}

Value unary_op(Interp& in, const Value& v, ast::UnaryOpKind op) {
    switch (op) {
        case ast::UnaryOpKind::Not: return Value::boolean(!truthy(in, v));
        case ast::UnaryOpKind::USub:
            if (v.is_intlike()) return Value::integer(int_neg(v.as_int()));
            if (v.is_float()) return Value::floating(-v.as_float());
            break;
        case ast::UnaryOpKind::UAdd:
            if (v.is_intlike()) return Value::integer(v.as_int());
            if (v.is_float()) return v;
            break;
        case ast::UnaryOpKind::Invert:
            if (v.is_intlike()) return Value::integer(~v.as_int());
            break;
    }
    const char* name = op == ast::UnaryOpKind::USub ? "__neg__" : op == ast::UnaryOpKind::UAdd ? "__pos__" : "__invert__";
    if (v.is_object()) {
        Value f = v.type()->lookup(name);
        if (!f.is_undefined()) return call_special(in, f, v);
    }
    const char* sym = op == ast::UnaryOpKind::USub ? "-" : op == ast::UnaryOpKind::UAdd ? "+" : "~";
    raise_type_error(std::string("bad operand type for unary ") + sym + ": '" + type_name(v) + "'");
}

}  // namespace looplab::py

namespace looplab::py {

// reprlib.Repr with its defaults: maxlevel 6, maxstring 30, maxlist/maxtuple 6, maxdict 4,
// maxset 6, maxlong 40, maxother 30.
namespace {
std::string reprlib_level(Interp& in, const Value& v, int level) {
    auto trim = [](std::string s, size_t maxlen) {
        if (s.size() <= maxlen) return s;
        size_t i = (maxlen - 3) / 2, j = maxlen - 3 - i;
        return s.substr(0, i) + "..." + s.substr(s.size() - j);
    };
    if (v.is_intlike() && !v.is_bool()) return trim(std::to_string(v.as_int()), 40);
    if (!v.is_object()) return repr(in, v);
    Type* t = v.type();
    if (t->heap) return trim(repr(in, v), 30);
    auto seq = [&](const std::vector<Value>& items, const char* l, const char* r, size_t maxn, bool tuple1) {
        if (items.empty()) return std::string(l) + r;
        if (level <= 0) return std::string(l) + "..." + r;
        std::string s = l;
        for (size_t i = 0; i < items.size() && i < maxn; ++i) s += (i ? ", " : "") + reprlib_level(in, items[i], level - 1);
        if (items.size() > maxn) s += ", ...";
        if (tuple1 && items.size() == 1) s += ",";
        return s + r;
    };
    switch (t->kind) {
        case Kind::str: {
            std::string r = repr(in, v);
            return trim(r, 30);
        }
        case Kind::list: return seq(v.as<List>()->items, "[", "]", 6, false);
        case Kind::tuple: return seq(v.as<Tuple>()->items, "(", ")", 6, true);
        default: return trim(repr(in, v), 30);
    }
}
}  // namespace

std::string reprlib_repr(const Value& v) { return reprlib_level(Interp::current(), v, 6); }

}  // namespace looplab::py
