// The `collections` module (CPython Modules/_collectionsmodule.c, Lib/collections): deque
// here; defaultdict, Counter and OrderedDict in module_collections_dict.cpp; namedtuple in
// module_collections_namedtuple.cpp.
#include <deque>

#include "looplab/py/sequence.hpp"
#include "native_args.hpp"
#include "stdlib_modules.hpp"

namespace looplab::py::stdlib {

namespace {

using argbind::bind_args;
using argbind::Sig;

struct Deque : OpaqueObject {
    explicit Deque(Type* t) : OpaqueObject(t) {}
    std::deque<Value> items;
    int64_t maxlen = -1;  // -1: unbounded
    uint64_t state = 0;   // bumped on every mutation: iterators notice ("deque mutated during iteration")
};

Type* deque_type();
Type* deque_iterator_type();

Deque& self_deque(const CallArgs& a, const char* method) { return *static_cast<Deque*>(self_of(a, deque_type(), method)); }
bool is_deque(const Value& v) { return v.is_object() && v.type()->is_subtype(deque_type()); }

// deque_append_internal / appendleft: a full bounded deque drops from the other end.
void push_back(Deque& d, Value v) {
    if (d.maxlen == 0) return;
    d.items.push_back(std::move(v));
    if (d.maxlen > 0 && int64_t(d.items.size()) > d.maxlen) d.items.pop_front();
    ++d.state;
}
void push_front(Deque& d, Value v) {
    if (d.maxlen == 0) return;
    d.items.push_front(std::move(v));
    if (d.maxlen > 0 && int64_t(d.items.size()) > d.maxlen) d.items.pop_back();
    ++d.state;
}

Value new_deque(Type* t, int64_t maxlen) {
    auto* d = new Deque(t);
    d->maxlen = maxlen;
    return Value(d);
}

void extend(Interp& in, Deque& d, const Value& iterable, bool left) {
    // deque_extend: extending with itself iterates over a copy.
    std::vector<Value> items = to_vector(in, iterable.is(Value(&d)) ? make_list({d.items.begin(), d.items.end()}) : iterable);
    for (auto& v : items) left ? push_front(d, v) : push_back(d, v);
}

Value d_append(Interp&, const CallArgs& a) {
    Deque& d = self_deque(a, "append");
    Value unused[1];
    bind_args(a, 1, "append", "deque.append", Sig::one, 1, 1, unused);
    push_back(d, a[1]);
    return Value::none();
}
Value d_appendleft(Interp&, const CallArgs& a) {
    Deque& d = self_deque(a, "appendleft");
    Value unused[1];
    bind_args(a, 1, "appendleft", "deque.appendleft", Sig::one, 1, 1, unused);
    push_front(d, a[1]);
    return Value::none();
}
Value d_pop(Interp&, const CallArgs& a) {
    Deque& d = self_deque(a, "pop");
    bind_args(a, 1, "pop", "deque.pop", Sig::noargs, 0, 0, nullptr);
    if (d.items.empty()) raise(exc_types().IndexError, "pop from an empty deque");
    Value v = std::move(d.items.back());
    d.items.pop_back();
    ++d.state;
    return v;
}
Value d_popleft(Interp&, const CallArgs& a) {
    Deque& d = self_deque(a, "popleft");
    bind_args(a, 1, "popleft", "deque.popleft", Sig::noargs, 0, 0, nullptr);
    if (d.items.empty()) raise(exc_types().IndexError, "pop from an empty deque");
    Value v = std::move(d.items.front());
    d.items.pop_front();
    ++d.state;
    return v;
}
Value d_extend(Interp& in, const CallArgs& a) {
    Deque& d = self_deque(a, "extend");
    Value unused[1];
    bind_args(a, 1, "extend", "deque.extend", Sig::one, 1, 1, unused);
    extend(in, d, a[1], false);
    return Value::none();
}
Value d_extendleft(Interp& in, const CallArgs& a) {
    Deque& d = self_deque(a, "extendleft");
    Value unused[1];
    bind_args(a, 1, "extendleft", "deque.extendleft", Sig::one, 1, 1, unused);
    extend(in, d, a[1], true);
    return Value::none();
}
Value d_clear(Interp&, const CallArgs& a) {
    Deque& d = self_deque(a, "clear");
    bind_args(a, 1, "clear", "deque.clear", Sig::noargs, 0, 0, nullptr);
    d.items.clear();
    ++d.state;
    return Value::none();
}
Value d_copy(Interp&, const CallArgs& a) {
    Deque& d = self_deque(a, "copy");
    bind_args(a, 1, "copy", "deque.copy", Sig::noargs, 0, 0, nullptr);
    Value c = new_deque(d.type, d.maxlen);
    static_cast<Deque*>(c.obj())->items = d.items;
    return c;
}
Value d_rotate(Interp& in, const CallArgs& a) {
    Deque& d = self_deque(a, "rotate");
    Value v[1];
    bind_args(a, 1, "rotate", "rotate", Sig::checkpos, 0, 1, v);
    int64_t n = v[0].is_undefined() ? 1 : argbind::index_arg(in, v[0]);
    int64_t len = int64_t(d.items.size());
    if (len <= 1) return Value::none();
    n %= len;
    if (n < 0) n += len;
    std::rotate(d.items.begin(), d.items.begin() + (len - n), d.items.end());
    ++d.state;
    return Value::none();
}
Value d_reverse(Interp&, const CallArgs& a) {
    Deque& d = self_deque(a, "reverse");
    bind_args(a, 1, "reverse", "deque.reverse", Sig::noargs, 0, 0, nullptr);
    std::reverse(d.items.begin(), d.items.end());
    ++d.state;
    return Value::none();
}
Value d_count(Interp& in, const CallArgs& a) {
    Deque& d = self_deque(a, "count");
    Value unused[1];
    bind_args(a, 1, "count", "deque.count", Sig::one, 1, 1, unused);
    uint64_t state = d.state;
    int64_t n = 0;
    for (size_t i = 0; i < d.items.size(); ++i) {
        Value item = d.items[i];
        if (eq(in, item, a[1])) ++n;
        if (state != d.state) raise(exc_types().RuntimeError, "deque mutated during iteration");
    }
    return Value::integer(n);
}
Value d_index(Interp& in, const CallArgs& a) {
    Deque& d = self_deque(a, "index");
    Value v[3];
    bind_args(a, 1, "index", "index", Sig::checkpos, 1, 3, v);
    int64_t len = int64_t(d.items.size());
    int64_t start = argbind::slice_index(in, v[1], 0), stop = argbind::slice_index(in, v[2], len);
    if (start < 0) start = std::max<int64_t>(0, start + len);
    if (stop < 0) stop = std::max<int64_t>(0, stop + len);
    stop = std::min(stop, len);
    for (int64_t i = start; i < stop && i < int64_t(d.items.size()); ++i) {
        Value item = d.items[size_t(i)];
        if (eq(in, item, v[0])) return Value::integer(i);
    }
    raise_value_error(repr(in, v[0]) + " is not in deque");
}
Value d_insert(Interp& in, const CallArgs& a) {
    Deque& d = self_deque(a, "insert");
    Value v[2];
    bind_args(a, 1, "insert", "insert", Sig::checkpos, 2, 2, v);
    if (d.maxlen >= 0 && int64_t(d.items.size()) >= d.maxlen) raise(exc_types().IndexError, "deque already at its maximum size");
    int64_t len = int64_t(d.items.size());
    int64_t i = argbind::index_arg(in, v[0]);
    if (i < 0) i = std::max<int64_t>(0, i + len);
    i = std::min(i, len);
    d.items.insert(d.items.begin() + i, v[1]);
    ++d.state;
    return Value::none();
}
Value d_remove(Interp& in, const CallArgs& a) {
    Deque& d = self_deque(a, "remove");
    Value unused[1];
    bind_args(a, 1, "remove", "deque.remove", Sig::one, 1, 1, unused);
    for (size_t i = 0; i < d.items.size(); ++i) {
        Value item = d.items[i];
        if (eq(in, item, a[1])) {
            d.items.erase(d.items.begin() + int64_t(i));
            ++d.state;
            return Value::none();
        }
    }
    raise_value_error(repr(in, a[1]) + " is not in deque");
}
Value d_len(Interp&, const CallArgs& a) { return Value::integer(int64_t(self_deque(a, "__len__").items.size())); }
Value d_contains(Interp& in, const CallArgs& a) {
    Deque& d = self_deque(a, "__contains__");
    uint64_t state = d.state;
    for (size_t i = 0; i < d.items.size(); ++i) {
        Value item = d.items[i];
        if (eq(in, item, a[1])) return Value::boolean(true);
        if (state != d.state) raise(exc_types().RuntimeError, "deque mutated during iteration");
    }
    return Value::boolean(false);
}
size_t d_index_of(Interp& in, Deque& d, const Value& key) {
    if (!key.is_intlike() && lookup_special(key, "__index__").is_undefined())
        raise_type_error("sequence index must be integer, not '" + type_name(key) + "'");
    int64_t i = argbind::index_arg(in, key), n = int64_t(d.items.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) raise(exc_types().IndexError, "deque index out of range");
    return size_t(i);
}
Value d_getitem(Interp& in, const CallArgs& a) {
    Deque& d = self_deque(a, "__getitem__");
    return d.items[d_index_of(in, d, a[1])];
}
Value d_setitem(Interp& in, const CallArgs& a) {
    Deque& d = self_deque(a, "__setitem__");
    d.items[d_index_of(in, d, a[1])] = a[2];
    return Value::none();
}
Value d_delitem(Interp& in, const CallArgs& a) {
    Deque& d = self_deque(a, "__delitem__");
    d.items.erase(d.items.begin() + int64_t(d_index_of(in, d, a[1])));
    ++d.state;
    return Value::none();
}
Value d_repr(Interp& in, const CallArgs& a) {
    Deque& d = self_deque(a, "__repr__");
    ReprGuard guard(&d);
    if (!guard.entered()) return make_str("[...]");
    std::string s = d.type->name + "([";
    std::vector<Value> items(d.items.begin(), d.items.end());
    for (size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + repr(in, items[i]);
    s += "]";
    if (d.maxlen >= 0) s += ", maxlen=" + std::to_string(d.maxlen);
    return make_str(s + ")");
}
Value d_maxlen(Interp&, const CallArgs& a) {
    Deque& d = self_deque(a, "maxlen");
    return d.maxlen < 0 ? Value::none() : Value::integer(d.maxlen);
}
// Comparisons: deques compare with deques only, as sequences (deque_richcompare).
template <ast::CmpOp Op>
Value d_compare(Interp& in, const CallArgs& a) {
    Deque& d = self_deque(a, "__eq__");
    if (!is_deque(a[1])) return not_implemented();
    Deque& o = *static_cast<Deque*>(a[1].obj());
    Value l = make_list({d.items.begin(), d.items.end()});
    Value r = make_list({o.items.begin(), o.items.end()});
    return sequence_compare(in, l, r, Op);
}
Value d_add(Interp& in, const CallArgs& a) {
    Deque& d = self_deque(a, "__add__");
    if (!is_deque(a[1]))
        raise_type_error("can only concatenate deque (not \"" + type_name(a[1]) + "\") to deque");
    Value c = new_deque(d.type, d.maxlen);
    static_cast<Deque*>(c.obj())->items = d.items;
    extend(in, *static_cast<Deque*>(c.obj()), a[1], false);
    return c;
}
Value d_iadd(Interp& in, const CallArgs& a) {
    extend(in, self_deque(a, "__iadd__"), a[1], false);
    return a[0];
}
Value d_mul(Interp& in, const CallArgs& a) {
    Deque& d = self_deque(a, "__mul__");
    if (!a[1].is_intlike()) return not_implemented();
    Value c = new_deque(d.type, d.maxlen);
    auto* cd = static_cast<Deque*>(c.obj());
    for (int64_t k = 0; k < a[1].as_int(); ++k)
        for (auto& v : d.items) push_back(*cd, v);
    (void)in;
    return c;
}

// The iterators: positions counted from the front (or back), invalidated by mutation.
Value deque_next(Interp&, NativeIterator& it) {
    Deque& d = *static_cast<Deque*>(it.source.obj());
    if (uint64_t(it.end) != d.state) {
        it.end = -1;
        raise(exc_types().RuntimeError, "deque mutated during iteration");
    }
    if (it.index >= int64_t(d.items.size())) return {};
    size_t i = size_t(it.index++);
    return it.step > 0 ? d.items[i] : d.items[d.items.size() - 1 - i];
}
Value make_iter(Deque& d, bool reversed) {
    auto* it = new NativeIterator(deque_iterator_type(), deque_next, Value(&d));
    it->end = int64_t(d.state);
    it->step = reversed ? -1 : 1;
    return Value(it);
}
Value d_iter(Interp&, const CallArgs& a) { return make_iter(self_deque(a, "__iter__"), false); }
Value d_reversed(Interp&, const CallArgs& a) { return make_iter(self_deque(a, "__reversed__"), true); }

// deque(iterable=(), maxlen=None)
Value deque_init_from(Interp& in, Type* t, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, "deque", "deque", Sig::clinic, 0, 2, v, {"iterable", "maxlen"});
    int64_t maxlen = -1;
    if (!v[1].is_undefined() && !v[1].is_none()) {
        if (!v[1].is_intlike()) raise_type_error("an integer is required");
        maxlen = v[1].as_int();
        if (maxlen < 0) raise_value_error("maxlen must be non-negative");
    }
    Value d = new_deque(t, maxlen);
    if (!v[0].is_undefined()) extend(in, *static_cast<Deque*>(d.obj()), v[0], false);
    return d;
}
Value deque_construct(Interp& in, const CallArgs& a) { return deque_init_from(in, deque_type(), a); }
// deque.__new__(cls, ...): subclasses (`class Buffer(deque)`) get deque storage.
Value deque_new(Interp& in, const CallArgs& a) {
    if (a.nargs == 0 || !a[0].is_object() || a[0].type()->kind != Kind::type) raise_type_error("deque.__new__(X): X is not a type object");
    CallArgs rest = a;
    rest.args = a.args + 1;
    rest.nargs = a.nargs - 1;
    Type* cls = a[0].as<Type>();
    // A subclass with its own __init__ receives the arguments there.
    Value init = cls->lookup("__init__");
    if (init.is_object() && init.type()->kind == Kind::function) return new_deque(cls, -1);
    return deque_init_from(in, cls, rest);
}
Value d_init(Interp& in, const CallArgs& a) {
    Deque& d = self_deque(a, "__init__");
    CallArgs rest = a;
    rest.args = a.args + 1;
    rest.nargs = a.nargs - 1;
    Value fresh = deque_init_from(in, deque_type(), rest);
    d.items = static_cast<Deque*>(fresh.obj())->items;
    d.maxlen = static_cast<Deque*>(fresh.obj())->maxlen;
    ++d.state;
    return Value::none();
}

Type* deque_type() {
    static Type* t = [] {
        Type* d = make_type("deque", "collections", Kind::opaque);
        d->construct = deque_construct;
        const struct {
            const char* name;
            NativeFn fn;
        } methods[] = {
            {"append", d_append}, {"appendleft", d_appendleft}, {"pop", d_pop}, {"popleft", d_popleft},
            {"extend", d_extend}, {"extendleft", d_extendleft}, {"clear", d_clear}, {"copy", d_copy},
            {"__copy__", d_copy}, {"rotate", d_rotate}, {"reverse", d_reverse}, {"count", d_count},
            {"index", d_index}, {"insert", d_insert}, {"remove", d_remove}, {"__len__", d_len},
            {"__contains__", d_contains}, {"__getitem__", d_getitem}, {"__setitem__", d_setitem},
            {"__delitem__", d_delitem}, {"__repr__", d_repr}, {"__iter__", d_iter},
            {"__reversed__", d_reversed}, {"__add__", d_add}, {"__iadd__", d_iadd}, {"__mul__", d_mul},
            {"__init__", d_init},
            {"__eq__", d_compare<ast::CmpOp::Eq>}, {"__ne__", d_compare<ast::CmpOp::NotEq>},
            {"__lt__", d_compare<ast::CmpOp::Lt>}, {"__le__", d_compare<ast::CmpOp::LtE>},
            {"__gt__", d_compare<ast::CmpOp::Gt>}, {"__ge__", d_compare<ast::CmpOp::GtE>},
        };
        for (const auto& m : methods) d->add_method(m.name, m.fn);
        d->add_attr("__new__", Value(new StaticMethod(make_native("__new__", deque_new))));
        d->add_attr("__hash__", Value::none());
        d->add_attr("maxlen", Value(new Property(make_native("maxlen", d_maxlen), Value::none())));
        return d;
    }();
    return t;
}

Type* deque_iterator_type() {
    static Type* t = [] {
        Type* it = make_type("_deque_iterator", "_collections", Kind::iterator);
        install_iterator_protocol(*it);
        return it;
    }();
    return t;
}

}  // namespace

void init_collections(Interp& in, Module& m) {
    m.dict->set_str("deque", Value(deque_type()));
    install_namedtuple(m);
    install_collection_dicts(in, m);
}

}  // namespace looplab::py::stdlib
