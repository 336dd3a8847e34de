// collections.defaultdict and OrderedDict (CPython Modules/_collectionsmodule.c,
// Objects/odictobject.c): dict subtypes whose instances are Dict objects, so every dict
// operation applies to them; and Counter, which CPython writes in Python
// (Lib/collections/__init__.py) — its source is run here too, on a dict subclass whose
// __new__ makes Dict storage.
#include "looplab/py/sequence.hpp"
#include "native_args.hpp"
#include "stdlib_modules.hpp"

namespace looplab::py::stdlib {

namespace {

using argbind::bind_args;
using argbind::Sig;

// ---- defaultdict ----------------------------------------------------------------------------
struct DefaultDict : Dict {
    Value factory;  // None or a callable
};

Type* defaultdict_type();

DefaultDict& self_dd(const CallArgs& a, const char* method) {
    auto* d = dynamic_cast<DefaultDict*>(self_of(a, defaultdict_type(), method));
    if (!d) raise_type_error(std::string("descriptor '") + method + "' requires a 'collections.defaultdict' object");
    return *d;
}

// Keyword arguments of a call as a dict (dict(**kwargs)).
void merge_kwargs(Interp& in, Dict& d, const CallArgs& a) {
    for (size_t k = 0; k < a.nkw; ++k) d.set(in, Value(a.kwnames[k]), a.kwvalues[k]);
}

// defaultdict(default_factory=None, /, [mapping_or_iterable], **kwargs)
Value dd_make(Interp& in, Type* t, const CallArgs& a) {
    Value factory = a.nargs > 0 ? a[0] : Value::none();
    if (!factory.is_none() && !is_callable(factory)) raise_type_error("first argument must be callable or None");
    if (a.nargs > 2) raise_type_error("dict expected at most 1 argument, got " + std::to_string(a.nargs - 1));
    auto* d = new DefaultDict();
    Value v(d);
    retype(d, t);
    d->factory = factory;
    if (a.nargs == 2) dict_update(in, *d, a[1]);
    merge_kwargs(in, *d, a);
    return v;
}
Value dd_construct(Interp& in, const CallArgs& a) { return dd_make(in, defaultdict_type(), a); }
Value dd_new(Interp& in, const CallArgs& a) {
    CallArgs rest = a;
    rest.args = a.args + 1;
    rest.nargs = a.nargs - 1;
    return dd_make(in, a[0].as<Type>(), rest);
}
// defdict_missing: KeyError(key) without a factory, else self[key] = factory().
Value dd_missing(Interp& in, const CallArgs& a) {
    DefaultDict& d = self_dd(a, "__missing__");
    Value unused[1];
    bind_args(a, 1, "__missing__", "defaultdict.__missing__", Sig::one, 1, 1, unused);
    if (d.factory.is_none()) throw_exception(new_exception_args(exc_types().KeyError, {a[1]}));
    Value v = call(in, d.factory, std::vector<Value>{});
    setitem(in, a[0], a[1], v);
    return v;
}
Value dd_repr(Interp& in, const CallArgs& a) {
    DefaultDict& d = self_dd(a, "__repr__");
    std::string f;
    {
        ReprGuard guard(&d);
        f = guard.entered() ? repr(in, d.factory) : "...";
    }
    return make_str(qualname_of(d.type) + "(" + f + ", " + dict_repr(in, d) + ")");
}
Value dd_copy(Interp& in, const CallArgs& a) {
    DefaultDict& d = self_dd(a, "copy");
    Value args[2] = {d.factory, a[0]};
    CallArgs ca;
    ca.args = args;
    ca.nargs = 2;
    return dd_make(in, d.type, ca);
}
Value dd_get_factory(Interp&, const CallArgs& a) { return self_dd(a, "default_factory").factory; }
Value dd_set_factory(Interp&, const CallArgs& a) {
    self_dd(a, "default_factory").factory = a[1];
    return Value::none();
}

Type* defaultdict_type() {
    static Type* t = [] {
        Type* d = make_type("defaultdict", "collections", Kind::dict, types().dict);
        d->construct = dd_construct;
        d->add_method("__missing__", dd_missing);
        d->add_method("__repr__", dd_repr);
        d->add_method("copy", dd_copy);
        d->add_method("__copy__", dd_copy);
        d->add_attr("__new__", Value(new StaticMethod(make_native("__new__", dd_new))));
        d->add_attr("default_factory", Value(new Property(make_native("default_factory", dd_get_factory),
                                                          make_native("default_factory", dd_set_factory))));
        return d;
    }();
    return t;
}

// ---- OrderedDict ------------------------------------------------------------------------
Type* ordereddict_type();

Dict& self_od(const CallArgs& a, const char* method) { return *static_cast<Dict*>(self_of(a, ordereddict_type(), method)); }

Value od_make(Interp& in, Type* t, const CallArgs& a) {
    if (a.nargs > 1) raise_type_error("expected at most 1 argument, got " + std::to_string(a.nargs));
    auto* d = new Dict();
    Value v(d);
    retype(d, t);
    if (a.nargs == 1) dict_update(in, *d, a[0]);
    merge_kwargs(in, *d, a);
    return v;
}
Value od_construct(Interp& in, const CallArgs& a) { return od_make(in, ordereddict_type(), a); }
Value od_new(Interp& in, const CallArgs& a) {
    CallArgs rest = a;
    rest.args = a.args + 1;
    rest.nargs = a.nargs - 1;
    return od_make(in, a[0].as<Type>(), rest);
}
// OrderedDict.move_to_end(key, last=True)
Value od_move_to_end(Interp& in, const CallArgs& a) {
    Dict& d = self_od(a, "move_to_end");
    Value v[2];
    bind_args(a, 1, "move_to_end", "move_to_end", Sig::clinic, 1, 2, v, {"key", "last"});
    Value value = d.get(in, v[0]);
    if (value.is_undefined()) throw_exception(new_exception_args(exc_types().KeyError, {v[0]}));
    bool last = v[1].is_undefined() || truthy(in, v[1]);
    if (last) {
        d.erase(in, v[0]);
        d.set(in, v[0], value);
        return Value::none();
    }
    std::vector<std::pair<Value, Value>> rest;
    for (auto& e : d.entries())
        if (!e.key.is_undefined() && !e.key.is(v[0]) && !eq(in, e.key, v[0])) rest.emplace_back(e.key, e.value);
    d.clear();
    d.set(in, v[0], value);
    for (auto& [k, x] : rest) d.set(in, k, x);
    return Value::none();
}
// OrderedDict.popitem(last=True): LIFO, or FIFO with last=False.
Value od_popitem(Interp& in, const CallArgs& a) {
    Dict& d = self_od(a, "popitem");
    Value v[1];
    bind_args(a, 1, "popitem", "popitem", Sig::clinic, 0, 1, v, {"last"});
    if (d.size() == 0) throw_exception(new_exception_args(exc_types().KeyError, {make_str("dictionary is empty")}));
    bool last = v[0].is_undefined() || truthy(in, v[0]);
    const Dict::Entry* pick = nullptr;
    for (auto& e : d.entries()) {
        if (e.key.is_undefined()) continue;
        pick = &e;
        if (!last) break;
    }
    Value key = pick->key, value = pick->value;
    d.erase(in, key);
    return make_tuple({key, value});
}
Value od_repr(Interp& in, const CallArgs& a) {
    Dict& d = self_od(a, "__repr__");
    std::string name = qualname_of(d.type);
    ReprGuard guard(&d);
    if (!guard.entered()) return make_str("...");
    if (d.size() == 0) return make_str(name + "()");
    std::vector<Value> items;
    for (auto& e : d.entries())
        if (!e.key.is_undefined()) items.push_back(make_tuple({e.key, e.value}));
    return make_str(name + "(" + repr(in, make_list(std::move(items))) + ")");
}
// odict_richcompare: order matters between two OrderedDicts.
Value od_eq(Interp& in, const CallArgs& a) {
    Dict& d = self_od(a, "__eq__");
    if (kind_of(a[1]) != Kind::dict) return not_implemented();
    Dict& o = *as_dict(a[1]);
    if (!dict_equal(in, d, o)) return Value::boolean(false);
    if (!a[1].type()->is_subtype(ordereddict_type())) return Value::boolean(true);
    std::vector<Value> k1, k2;
    for (auto& e : d.entries())
        if (!e.key.is_undefined()) k1.push_back(e.key);
    for (auto& e : o.entries())
        if (!e.key.is_undefined()) k2.push_back(e.key);
    for (size_t i = 0; i < k1.size() && i < k2.size(); ++i)
        if (!eq(in, k1[i], k2[i])) return Value::boolean(false);
    return Value::boolean(true);
}
Value od_ne(Interp& in, const CallArgs& a) {
    Value r = od_eq(in, a);
    return r.is_bool() ? Value::boolean(!r.as_bool()) : r;
}
Value od_copy(Interp& in, const CallArgs& a) {
    Dict& d = self_od(a, "copy");
    Value args[1] = {a[0]};
    CallArgs ca;
    ca.args = args;
    ca.nargs = 1;
    return od_make(in, d.type, ca);
}

Type* ordereddict_type() {
    static Type* t = [] {
        Type* d = make_type("OrderedDict", "collections", Kind::dict, types().dict);
        d->construct = od_construct;
        d->add_method("move_to_end", od_move_to_end);
        d->add_method("popitem", od_popitem);
        d->add_method("__repr__", od_repr);
        d->add_method("__eq__", od_eq);
        d->add_method("__ne__", od_ne);
        d->add_method("copy", od_copy);
        d->add_method("__copy__", od_copy);
        d->add_attr("__new__", Value(new StaticMethod(make_native("__new__", od_new))));
        d->add_attr("__hash__", Value::none());
        return d;
    }();
    return t;
}

// ---- Counter (Lib/collections/__init__.py, 3.11) ------------------------------------------
// dict.__new__(cls): Dict storage for a Python-level dict subclass.
Value dict_new_for(Interp&, const CallArgs& a) {
    if (a.nargs < 1 || !a[0].is_object() || a[0].type()->kind != Kind::type) raise_type_error("dict.__new__(X): X is not a type object");
    auto* d = new Dict();
    Value v(d);
    retype(d, a[0].as<Type>());
    return v;
}

const char* const kCounterSource = R"PY(
class Counter(dict):
    def __new__(cls, *args, **kwds):
        return _dict_new(cls)

    def __init__(self, iterable=None, /, **kwds):
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        items = sorted(self.items(), key=lambda kv: kv[1], reverse=True)
        if n is None:
            return items
        return items[:n] if n > 0 else []

    def elements(self):
        return _chain_from_iterable(_starmap(_repeat, self.items()))

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                if self:
                    self_get = self.get
                    for elem, count in iterable.items():
                        self[elem] = count + self_get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                self_get = self.get
                for elem in iterable:
                    self[elem] = self_get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            self_get = self.get
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self_get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self_get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return self.__class__(self)

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, elem):
        if elem in self:
            super().__delitem__(elem)

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self)
        return f'{self.__class__.__name__}({d!r})'

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        nonpositive = [elem for elem, count in self.items() if not count > 0]
        for elem in nonpositive:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()
)PY";

}  // namespace

void install_collection_dicts(Interp& in, Module& m) {
    m.dict->set_str("defaultdict", Value(defaultdict_type()));
    m.dict->set_str("OrderedDict", Value(ordereddict_type()));
    // Counter's helpers live in the module namespace, as CPython's module globals do.
    m.dict->set_str("_dict_new", make_native("_dict_new", dict_new_for));
    Value itertools = in.import_module("itertools");
    Dict& it = *itertools.as<Module>()->dict;
    m.dict->set_str("_chain_from_iterable", getattr(in, it.get_str("chain"), intern("from_iterable")));
    m.dict->set_str("_starmap", it.get_str("starmap"));
    m.dict->set_str("_repeat", it.get_str("repeat"));
    exec_source(in, kCounterSource, "<looplab:collections>", m.dict);
}

}  // namespace looplab::py::stdlib
