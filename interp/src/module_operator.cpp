// The `operator` module (CPython Modules/_operator.c): the operators as functions, and
// itemgetter/attrgetter/methodcaller objects with their reprs.
#include "looplab/py/sequence.hpp"
#include "native_args.hpp"
#include "stdlib_modules.hpp"

namespace looplab::py::stdlib {

namespace {

using argbind::bind_args;
using argbind::Sig;

// ---- the operators ---------------------------------------------------------------------------
template <ast::Operator Op>
Value op_binary(Interp& in, const CallArgs& a) {
    check_args(a, "operator", 2, 2);
    return binary_op(in, a[0], a[1], Op);
}
template <ast::Operator Op>
Value op_inplace(Interp& in, const CallArgs& a) {
    check_args(a, "operator", 2, 2);
    return inplace_op(in, a[0], a[1], Op);
}
template <ast::CmpOp Op>
Value op_compare(Interp& in, const CallArgs& a) {
    check_args(a, "operator", 2, 2);
    return compare(in, a[0], a[1], Op);
}
template <ast::UnaryOpKind Op>
Value op_unary(Interp& in, const CallArgs& a) {
    check_args(a, "operator", 1, 1);
    return unary_op(in, a[0], Op);
}
Value op_not(Interp& in, const CallArgs& a) {
    check_args(a, "not_", 1, 1);
    return Value::boolean(!truthy(in, a[0]));
}
Value op_truth(Interp& in, const CallArgs& a) {
    check_args(a, "truth", 1, 1);
    return Value::boolean(truthy(in, a[0]));
}
Value op_is(Interp&, const CallArgs& a) {
    check_args(a, "is_", 2, 2);
    return Value::boolean(a[0].is(a[1]));
}
Value op_is_not(Interp&, const CallArgs& a) {
    check_args(a, "is_not", 2, 2);
    return Value::boolean(!a[0].is(a[1]));
}
Value op_abs(Interp& in, const CallArgs& a) {
    check_args(a, "abs", 1, 1);
    return call(in, in.builtins()->get_str("abs"), std::vector<Value>{a[0]});
}
Value op_index(Interp& in, const CallArgs& a) {
    check_args(a, "index", 1, 1);
    return Value::integer(index_value(in, a[0]));
}
Value op_contains(Interp& in, const CallArgs& a) {
    check_args(a, "contains", 2, 2);
    return Value::boolean(contains(in, a[0], a[1]));
}
Value op_countof(Interp& in, const CallArgs& a) {
    check_args(a, "countOf", 2, 2);
    int64_t n = 0;
    for (auto& v : to_vector(in, a[0]))
        if (v.is(a[1]) || eq(in, v, a[1])) ++n;
    return Value::integer(n);
}
Value op_getitem(Interp& in, const CallArgs& a) {
    check_args(a, "getitem", 2, 2);
    return getitem(in, a[0], a[1]);
}
Value op_setitem(Interp& in, const CallArgs& a) {
    check_args(a, "setitem", 3, 3);
    setitem(in, a[0], a[1], a[2]);
    return Value::none();
}
Value op_delitem(Interp& in, const CallArgs& a) {
    check_args(a, "delitem", 2, 2);
    delitem(in, a[0], a[1]);
    return Value::none();
}
Value op_concat(Interp& in, const CallArgs& a) {
    check_args(a, "concat", 2, 2);
    if (lookup_special(a[0], "__getitem__").is_undefined())
        raise_type_error("'" + type_name(a[0]) + "' object can't be concatenated");
    return binary_op(in, a[0], a[1], ast::Operator::Add);
}

// ---- itemgetter / attrgetter / methodcaller --------------------------------------------------
struct Getter : OpaqueObject {
    explicit Getter(Type* t) : OpaqueObject(t) {}
    std::vector<Value> items;  // keys, attribute names, or (name, args...) for methodcaller
    Value kwargs;              // methodcaller's keywords (a dict)
};

Type* itemgetter_type();
Type* attrgetter_type();
Type* methodcaller_type();

Getter& self_getter(const CallArgs& a, Type* t, const char* method) { return *static_cast<Getter*>(self_of(a, t, method)); }

Value make_getter(Type* t, const CallArgs& a, const char* name) {
    if (a.nkw && t != methodcaller_type()) raise_type_error(std::string(name) + "() takes no keyword arguments");
    if (a.nargs == 0) raise_type_error(std::string(name) + " expected 1 argument, got 0");
    auto* g = new Getter(t);
    Value v(g);
    g->items.assign(a.args, a.args + a.nargs);
    return v;
}

Value itemgetter_new(Interp&, const CallArgs& a) { return make_getter(itemgetter_type(), a, "itemgetter"); }
Value itemgetter_call(Interp& in, const CallArgs& a) {
    Getter& g = self_getter(a, itemgetter_type(), "__call__");
    if (a.nargs != 2) raise_type_error("itemgetter expected 1 argument, got " + std::to_string(a.nargs - 1));
    if (g.items.size() == 1) return getitem(in, a[1], g.items[0]);
    std::vector<Value> out;
    for (auto& k : g.items) out.push_back(getitem(in, a[1], k));
    return make_tuple(std::move(out));
}
std::string args_repr(Interp& in, const std::vector<Value>& items) {
    std::string s;
    for (size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + repr(in, items[i]);
    return s;
}
Value itemgetter_repr(Interp& in, const CallArgs& a) {
    return make_str("operator.itemgetter(" + args_repr(in, self_getter(a, itemgetter_type(), "__repr__").items) + ")");
}

Value attrgetter_new(Interp&, const CallArgs& a) {
    for (size_t i = 0; i < a.nargs; ++i)
        if (!is_str(a[i])) raise_type_error("attribute name must be a string");
    return make_getter(attrgetter_type(), a, "attrgetter");
}
Value dotted_get(Interp& in, Value obj, const std::string& path) {
    size_t s = 0;
    for (;;) {
        size_t dot = path.find('.', s);
        obj = getattr(in, obj, intern(path.substr(s, dot == std::string::npos ? std::string::npos : dot - s)));
        if (dot == std::string::npos) return obj;
        s = dot + 1;
    }
}
Value attrgetter_call(Interp& in, const CallArgs& a) {
    Getter& g = self_getter(a, attrgetter_type(), "__call__");
    if (a.nargs != 2) raise_type_error("attrgetter expected 1 argument, got " + std::to_string(a.nargs - 1));
    if (g.items.size() == 1) return dotted_get(in, a[1], g.items[0].as<Str>()->s);
    std::vector<Value> out;
    for (auto& k : g.items) out.push_back(dotted_get(in, a[1], k.as<Str>()->s));
    return make_tuple(std::move(out));
}
Value attrgetter_repr(Interp& in, const CallArgs& a) {
    return make_str("operator.attrgetter(" + args_repr(in, self_getter(a, attrgetter_type(), "__repr__").items) + ")");
}

Value methodcaller_new(Interp& in, const CallArgs& a) {
    if (a.nargs == 0) raise_type_error("methodcaller needs at least one argument, the method name");
    if (!is_str(a[0])) raise_type_error("method name must be a string");
    auto* g = new Getter(methodcaller_type());
    Value v(g);
    g->items.assign(a.args, a.args + a.nargs);
    g->kwargs = Value(new Dict());
    for (size_t k = 0; k < a.nkw; ++k) as_dict(g->kwargs)->set(in, Value(a.kwnames[k]), a.kwvalues[k]);
    return v;
}
Value methodcaller_call(Interp& in, const CallArgs& a) {
    Getter& g = self_getter(a, methodcaller_type(), "__call__");
    if (a.nargs != 2) raise_type_error("methodcaller expected 1 argument, got " + std::to_string(a.nargs - 1));
    Value method = getattr(in, a[1], intern(g.items[0].as<Str>()->s));
    std::vector<std::pair<std::string, Value>> kw;
    for (auto& e : as_dict(g.kwargs)->entries())
        if (!e.key.is_undefined()) kw.emplace_back(e.key.as<Str>()->s, e.value);
    return call_kw(in, method, std::vector<Value>(g.items.begin() + 1, g.items.end()), kw);
}
Value methodcaller_repr(Interp& in, const CallArgs& a) {
    Getter& g = self_getter(a, methodcaller_type(), "__repr__");
    std::string s = "operator.methodcaller(" + args_repr(in, g.items);
    for (auto& e : as_dict(g.kwargs)->entries())
        if (!e.key.is_undefined()) s += ", " + e.key.as<Str>()->s + "=" + repr(in, e.value);
    return make_str(s + ")");
}

Type* getter_type(const char* name, NativeFn construct, NativeFn call_fn, NativeFn repr_fn) {
    Type* t = make_type(name, "operator", Kind::opaque);
    t->construct = construct;
    t->add_method("__call__", call_fn);
    t->add_method("__repr__", repr_fn);
    return t;
}
Type* itemgetter_type() {
    static Type* t = getter_type("itemgetter", itemgetter_new, itemgetter_call, itemgetter_repr);
    return t;
}
Type* attrgetter_type() {
    static Type* t = getter_type("attrgetter", attrgetter_new, attrgetter_call, attrgetter_repr);
    return t;
}
Type* methodcaller_type() {
    static Type* t = getter_type("methodcaller", methodcaller_new, methodcaller_call, methodcaller_repr);
    return t;
}

}  // namespace

void init_operator(Interp& in, Module& m) {
    (void)in;
    using O = ast::Operator;
    using C = ast::CmpOp;
    using U = ast::UnaryOpKind;
    const struct {
        const char* name;
        NativeFn fn;
    } fns[] = {
        {"add", op_binary<O::Add>}, {"sub", op_binary<O::Sub>}, {"mul", op_binary<O::Mult>},
        {"truediv", op_binary<O::Div>}, {"floordiv", op_binary<O::FloorDiv>}, {"mod", op_binary<O::Mod>},
        {"pow", op_binary<O::Pow>}, {"lshift", op_binary<O::LShift>}, {"rshift", op_binary<O::RShift>},
        {"and_", op_binary<O::BitAnd>}, {"or_", op_binary<O::BitOr>}, {"xor", op_binary<O::BitXor>},
        {"matmul", op_binary<O::MatMult>},
        {"iadd", op_inplace<O::Add>}, {"isub", op_inplace<O::Sub>}, {"imul", op_inplace<O::Mult>},
        {"itruediv", op_inplace<O::Div>}, {"ifloordiv", op_inplace<O::FloorDiv>}, {"imod", op_inplace<O::Mod>},
        {"ipow", op_inplace<O::Pow>}, {"iand", op_inplace<O::BitAnd>}, {"ior", op_inplace<O::BitOr>},
        {"ixor", op_inplace<O::BitXor>}, {"iconcat", op_inplace<O::Add>},
        {"eq", op_compare<C::Eq>}, {"ne", op_compare<C::NotEq>}, {"lt", op_compare<C::Lt>},
        {"le", op_compare<C::LtE>}, {"gt", op_compare<C::Gt>}, {"ge", op_compare<C::GtE>},
        {"neg", op_unary<U::USub>}, {"pos", op_unary<U::UAdd>}, {"invert", op_unary<U::Invert>},
        {"inv", op_unary<U::Invert>}, {"not_", op_not}, {"truth", op_truth}, {"is_", op_is},
        {"is_not", op_is_not}, {"abs", op_abs}, {"index", op_index}, {"contains", op_contains},
        {"countOf", op_countof}, {"getitem", op_getitem}, {"setitem", op_setitem}, {"delitem", op_delitem},
        {"concat", op_concat},
    };
    for (const auto& f : fns) def(m, f.name, f.fn);
    for (const char* dunder : {"add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "neg", "pos", "eq", "ne",
                               "lt", "le", "gt", "ge", "getitem", "contains", "abs", "index"})
        m.dict->set_str(std::string("__") + dunder + "__", m.dict->get_str(dunder));
    m.dict->set_str("itemgetter", Value(itemgetter_type()));
    m.dict->set_str("attrgetter", Value(attrgetter_type()));
    m.dict->set_str("methodcaller", Value(methodcaller_type()));
}

}  // namespace looplab::py::stdlib
