// The `functools` module (CPython Modules/_functoolsmodule.c, Lib/functools.py): partial,
// reduce, lru_cache/cache and update_wrapper/wraps natively, as CPython's C parts;
// total_ordering and cmp_to_key as CPython's own Python code.
#include "looplab/py/code.hpp"
#include "looplab/py/sequence.hpp"
#include "looplab/py/unicode_text.hpp"
#include "native_args.hpp"
#include "stdlib_modules.hpp"

namespace looplab::py::stdlib {

namespace {

using argbind::bind_args;
using argbind::Sig;

// ---- partial --------------------------------------------------------------------------------
struct Partial : OpaqueObject {
    explicit Partial(Type* t) : OpaqueObject(t) {}
    Value func, args, keywords;  // callable, tuple, dict
};

Type* partial_type();
Partial& self_partial(const CallArgs& a, const char* method) {
    return *static_cast<Partial*>(self_of(a, partial_type(), method));
}

// partial_new: partial(func, /, *args, **keywords); a plain partial of a partial is flattened.
Value partial_make(Interp& in, Type* t, const CallArgs& a) {
    if (a.nargs < 1) raise_type_error("type 'partial' takes at least one argument");
    Value func = a[0];
    std::vector<Value> args;
    Value kw(new Dict());
    if (func.is_object() && func.type() == partial_type()) {
        auto& inner = *static_cast<Partial*>(func.obj());
        args = inner.args.as<Tuple>()->items;
        dict_merge(in, *as_dict(kw), inner.keywords, true);
        func = inner.func;
    }
    if (!is_callable(func)) raise_type_error("the first argument must be callable");
    args.insert(args.end(), a.args + 1, a.args + a.nargs);
    for (size_t k = 0; k < a.nkw; ++k) as_dict(kw)->set(in, Value(a.kwnames[k]), a.kwvalues[k]);
    auto* p = new Partial(t);
    Value v(p);
    p->func = func;
    p->args = make_tuple(std::move(args));
    p->keywords = kw;
    return v;
}
Value partial_construct(Interp& in, const CallArgs& a) { return partial_make(in, partial_type(), a); }
Value partial_new(Interp& in, const CallArgs& a) {
    CallArgs rest = a;
    rest.args = a.args + 1;
    rest.nargs = a.nargs - 1;
    return partial_make(in, a[0].as<Type>(), rest);
}
Value partial_call(Interp& in, const CallArgs& a) {
    Partial& p = self_partial(a, "__call__");
    std::vector<Value> args = p.args.as<Tuple>()->items;
    args.insert(args.end(), a.args + 1, a.args + a.nargs);
    std::vector<Str*> names;
    std::vector<Value> values;
    for (auto& e : as_dict(p.keywords)->entries()) {
        if (e.key.is_undefined()) continue;
        // Call-time keywords override the stored ones (partial_call merges into a copy).
        bool overridden = false;
        for (size_t k = 0; k < a.nkw; ++k)
            if (is_str(e.key) && a.kwnames[k]->s == e.key.as<Str>()->s) overridden = true;
        if (overridden) continue;
        names.push_back(intern(to_str(e.key, "keywords")));
        values.push_back(e.value);
    }
    for (size_t k = 0; k < a.nkw; ++k) {
        names.push_back(a.kwnames[k]);
        values.push_back(a.kwvalues[k]);
    }
    CallArgs ca;
    ca.args = args.data();
    ca.nargs = args.size();
    ca.kwnames = names.data();
    ca.kwvalues = values.data();
    ca.nkw = names.size();
    return call(in, p.func, ca);
}
// partial_repr: functools.partial(<function f at 0x...>, 1, x=2)
Value partial_repr(Interp& in, const CallArgs& a) {
    Partial& p = self_partial(a, "__repr__");
    ReprGuard guard(&p);
    if (!guard.entered()) return make_str("...");
    std::string s = class_path(p.type) + "(" + repr(in, p.func);
    for (auto& v : p.args.as<Tuple>()->items) s += ", " + repr(in, v);
    for (auto& e : as_dict(p.keywords)->entries())
        if (!e.key.is_undefined()) s += ", " + str(in, e.key) + "=" + repr(in, e.value);
    return make_str(s + ")");
}
Value partial_func(Interp&, const CallArgs& a) { return self_partial(a, "func").func; }
Value partial_args(Interp&, const CallArgs& a) { return self_partial(a, "args").args; }
Value partial_keywords(Interp&, const CallArgs& a) { return self_partial(a, "keywords").keywords; }

Type* partial_type() {
    static Type* t = [] {
        Type* p = make_type("partial", "functools", Kind::opaque);
        p->construct = partial_construct;
        p->add_method("__call__", partial_call);
        p->add_method("__repr__", partial_repr);
        p->add_attr("__new__", Value(new StaticMethod(make_native("__new__", partial_new))));
        p->add_attr("func", Value(new Property(make_native("func", partial_func), Value::none())));
        p->add_attr("args", Value(new Property(make_native("args", partial_args), Value::none())));
        p->add_attr("keywords", Value(new Property(make_native("keywords", partial_keywords), Value::none())));
        return p;
    }();
    return t;
}

// ---- reduce -----------------------------------------------------------------------------
Value functools_reduce(Interp& in, const CallArgs& a) {
    Value v[3];
    bind_args(a, 0, "reduce", "reduce", Sig::parsetuple, 2, 3, v);
    Value it = iter(in, v[1]);
    Value acc = v[2];
    for (Value x = next(in, it); !x.is_undefined(); x = next(in, it))
        acc = acc.is_undefined() ? x : call(in, v[0], std::vector<Value>{acc, x});
    if (acc.is_undefined()) raise_type_error("reduce() of empty iterable with no initial value");
    return acc;
}

// ---- update_wrapper / wraps -------------------------------------------------------------
const char* const kAssigned[] = {"__module__", "__name__", "__qualname__", "__doc__", "__annotations__"};

Value update_wrapper_impl(Interp& in, const Value& wrapper, const Value& wrapped, const Value& assigned,
                          const Value& updated) {
    std::vector<Value> names;
    if (assigned.is_undefined())
        for (const char* n : kAssigned) names.push_back(make_str(n));
    else names = to_vector(in, assigned);
    for (auto& n : names) {
        Str* name = intern(to_str(n, "attribute name"));
        Value v = getattr_or_undefined(in, wrapped, name);
        if (!v.is_undefined()) setattr(in, wrapper, name, v);
    }
    std::vector<Value> upd = updated.is_undefined() ? std::vector<Value>{make_str("__dict__")} : to_vector(in, updated);
    for (auto& n : upd) {
        Str* name = intern(to_str(n, "attribute name"));
        Value target = getattr_or_undefined(in, wrapper, name);
        Value source = getattr_or_undefined(in, wrapped, name);
        if (target.is_undefined() || source.is_undefined()) continue;
        call(in, getattr(in, target, intern("update")), std::vector<Value>{source});
    }
    setattr(in, wrapper, intern("__wrapped__"), wrapped);
    return wrapper;
}
// update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES)
Value functools_update_wrapper(Interp& in, const CallArgs& a) {
    Value v[4];
    bind_args(a, 0, "update_wrapper", "update_wrapper", Sig::clinic, 2, 4, v, {"wrapper", "wrapped", "assigned", "updated"});
    return update_wrapper_impl(in, v[0], v[1], v[2], v[3]);
}
// wraps(wrapped, assigned=..., updated=...) == partial(update_wrapper, wrapped=..., ...)
Value functools_wraps(Interp& in, const CallArgs& a) {
    Value v[3];
    bind_args(a, 0, "wraps", "wraps", Sig::clinic, 1, 3, v, {"wrapped", "assigned", "updated"});
    Value uw = in.import_module("functools").as<Module>()->dict->get_str("update_wrapper");
    std::vector<std::pair<std::string, Value>> kw = {{"wrapped", v[0]}};
    Value assigned = v[1], updated = v[2];
    if (assigned.is_undefined()) {
        std::vector<Value> names;
        for (const char* n : kAssigned) names.push_back(make_str(n));
        assigned = make_tuple(std::move(names));
    }
    if (updated.is_undefined()) updated = make_tuple({make_str("__dict__")});
    kw.emplace_back("assigned", assigned);
    kw.emplace_back("updated", updated);
    return call_kw(in, Value(partial_type()), {uw}, kw);
}

// ---- lru_cache ----------------------------------------------------------------------------
// The wrapper is a NativeFunction (so it binds as a method, as the C wrapper's __get__
// does) of type functools._lru_cache_wrapper; its `self` is the wrapper itself, which
// call() passes first, so the native finds its cache.
struct LruWrapper : NativeFunction {
    using NativeFunction::NativeFunction;
    Value func, cache, cache_info_type;  // wrapped callable, dict, CacheInfo namedtuple
    int64_t maxsize = 128;                 // -1: unbounded
    bool typed = false;
    int64_t hits = 0, misses = 0;
};
Type* lru_type();

LruWrapper& self_lru(const CallArgs& a, const char* method) {
    auto* w = dynamic_cast<LruWrapper*>(self_of(a, lru_type(), method));
    if (!w) raise_type_error(std::string("descriptor '") + method + "' needs a functools._lru_cache_wrapper");
    return *w;
}

// _make_key: the positional args, then a marker and the keyword items (and types if typed).
Value make_key(const CallArgs& a) {
    std::vector<Value> key(a.args + 1, a.args + a.nargs);
    if (a.nkw) {
        key.push_back(Value(intern("<kwd_mark>")));
        for (size_t k = 0; k < a.nkw; ++k) {
            key.push_back(Value(a.kwnames[k]));
            key.push_back(a.kwvalues[k]);
        }
    }
    return make_tuple(std::move(key));
}
Value lru_call(Interp& in, const CallArgs& a) {
    LruWrapper& w = self_lru(a, "__call__");
    CallArgs rest = a;
    rest.args = a.args + 1;
    rest.nargs = a.nargs - 1;
    if (w.maxsize == 0) {
        ++w.misses;
        return call(in, w.func, rest);
    }
    Value key = make_key(a);
    if (w.typed) {
        std::vector<Value> k = key.as<Tuple>()->items;
        for (size_t i = 1; i < a.nargs; ++i) k.push_back(Value(a[i].type()));
        for (size_t i = 0; i < a.nkw; ++i) k.push_back(Value(a.kwvalues[i].type()));
        key = make_tuple(std::move(k));
    }
    Dict& cache = *as_dict(w.cache);
    Value hit = cache.get(in, key);
    if (!hit.is_undefined()) {
        ++w.hits;
        if (w.maxsize > 0) {  // most recently used goes last
            cache.erase(in, key);
            cache.set(in, key, hit);
        }
        return hit;
    }
    ++w.misses;
    Value result = call(in, w.func, rest);
    if (cache.contains(in, key)) return result;  // a recursive call filled it meanwhile
    if (w.maxsize > 0 && int64_t(cache.size()) >= w.maxsize) {
        for (auto& e : cache.entries())
            if (!e.key.is_undefined()) {
                Value oldest = e.key;
                cache.erase(in, oldest);
                break;
            }
    }
    cache.set(in, key, result);
    return result;
}
Value lru_cache_info(Interp& in, const CallArgs& a) {
    LruWrapper& w = self_lru(a, "cache_info");
    Value maxsize = w.maxsize < 0 ? Value::none() : Value::integer(w.maxsize);
    return call(in, w.cache_info_type, std::vector<Value>{Value::integer(w.hits), Value::integer(w.misses), maxsize,
                                                          Value::integer(int64_t(as_dict(w.cache)->size()))});
}
Value lru_cache_clear(Interp&, const CallArgs& a) {
    LruWrapper& w = self_lru(a, "cache_clear");
    as_dict(w.cache)->clear();
    w.hits = w.misses = 0;
    return Value::none();
}
Value lru_wrapped(Interp&, const CallArgs& a) { return self_lru(a, "__wrapped__").func; }
Value lru_repr(Interp&, const CallArgs& a) {
    return make_str("<functools._lru_cache_wrapper object at " + address_of(a[0]) + ">");
}

Type* lru_type() {
    static Type* t = [] {
        Type* l = make_type("_lru_cache_wrapper", "functools", Kind::native, types().native);
        l->add_method("cache_info", lru_cache_info);
        l->add_method("cache_clear", lru_cache_clear);
        l->add_method("__repr__", lru_repr);
        l->add_attr("__wrapped__", Value(new Property(make_native("__wrapped__", lru_wrapped), Value::none())));
        return l;
    }();
    return t;
}

Value make_lru_wrapper(Interp& in, const Value& func, int64_t maxsize, bool typed) {
    if (!is_callable(func)) raise_type_error("the first argument must be callable");
    Value name = getattr_or_undefined(in, func, intern("__name__"));
    auto* w = new LruWrapper(is_str(name) ? name.as<Str>()->s : "lru_cache_wrapper", lru_call);
    Value wv(w);
    retype(w, lru_type());
    w->self = wv;  // a deliberate cycle: the wrapper lives as long as the run (see above)
    w->func = func;
    w->cache = Value(new Dict());
    w->maxsize = maxsize;
    w->typed = typed;
    w->cache_info_type = in.import_module("functools").as<Module>()->dict->get_str("_CacheInfo");
    return wv;
}

// lru_cache(maxsize=128, typed=False), also as a bare decorator; cache(f) is unbounded.
Value lru_decorating(Interp& in, const CallArgs& a) {
    // a[0] is the settings tuple (maxsize, typed) bound as `self`; a[1] the function.
    if (a.nargs != 2) raise_type_error("decorating_function() takes 1 positional argument");
    auto& s = a[0].as<Tuple>()->items;
    return make_lru_wrapper(in, a[1], s[0].is_none() ? -1 : s[0].as_int(), truthy(in, s[1]));
}
Value functools_lru_cache(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, "lru_cache", "lru_cache", Sig::clinic, 0, 2, v, {"maxsize", "typed"});
    Value maxsize = v[0].is_undefined() ? Value::integer(128) : v[0];
    bool typed = !v[1].is_undefined() && truthy(in, v[1]);
    if (maxsize.is_object() && is_callable(maxsize) && !maxsize.is_bool())
        return make_lru_wrapper(in, maxsize, 128, typed);
    if (maxsize.is_intlike()) {
        if (maxsize.as_int() < 0) maxsize = Value::integer(0);
    } else if (!maxsize.is_none()) {
        raise_type_error("Expected first argument to be an integer, a callable, or None");
    }
    return make_native("decorating_function", lru_decorating, make_tuple({maxsize, Value::boolean(typed)}));
}
Value functools_cache(Interp& in, const CallArgs& a) {
    Value v[1];
    bind_args(a, 0, "cache", "cache", Sig::clinic, 1, 1, v, {"user_function"});
    return make_lru_wrapper(in, v[0], -1, false);
}

// ---- cached_property -------------------------------------------------------------------
// LoopLab's attribute lookup runs no __get__ of arbitrary objects, so cached_property is a
// property whose getter keeps the value in the instance __dict__ under the function's name
// and returns it from there afterwards; assignment and `del obj.name` work on that entry,
// as with CPython's (non-data) descriptor.
Dict& cache_dict(Interp& in, const Value& obj, const std::string& name) {
    Value d = getattr_or_undefined(in, obj, intern("__dict__"));
    if (kind_of(d) != Kind::dict)
        raise_type_error("No '__dict__' attribute on " + str_repr(type_name(obj)) + " instance to cache " +
                         str_repr(name) + " property.");
    return *as_dict(d);
}
Value cached_get(Interp& in, const CallArgs& a) {  // bound: a[0] the function, a[1] the instance
    std::string name = str(in, getattr(in, a[0], intern("__name__")));
    Dict& d = cache_dict(in, a[1], name);
    Value v = d.get_str(name);
    if (!v.is_undefined()) return v;
    v = call(in, a[0], std::vector<Value>{a[1]});
    d.set_str(name, v);
    return v;
}
Value cached_set(Interp& in, const CallArgs& a) {
    std::string name = str(in, getattr(in, a[0], intern("__name__")));
    cache_dict(in, a[1], name).set_str(name, a[2]);
    return Value::none();
}
Value functools_cached_property(Interp&, const CallArgs& a) {
    Value v[1];
    bind_args(a, 0, "cached_property", "cached_property", Sig::clinic, 1, 1, v, {"func"});
    return Value(new Property(make_native("cached_property", cached_get, v[0]),
                              make_native("cached_property", cached_set, v[0])));
}

// CPython's Python code for these (Lib/functools.py, 3.11), unchanged in behaviour.
const char* const kFunctoolsSource = R"PY(
def _gt_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result and self != other

def _le_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result or self == other

def _ge_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result

def _ge_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result or self == other

def _lt_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result and self != other

def _gt_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result

def _lt_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result and self != other

def _ge_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result or self == other

def _le_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result

def _le_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result or self == other

def _gt_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result and self != other

def _lt_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result

_convert = {
    '__lt__': [('__gt__', _gt_from_lt),
               ('__le__', _le_from_lt),
               ('__ge__', _ge_from_lt)],
    '__le__': [('__ge__', _ge_from_le),
               ('__lt__', _lt_from_le),
               ('__gt__', _gt_from_le)],
    '__gt__': [('__lt__', _lt_from_gt),
               ('__ge__', _ge_from_gt),
               ('__le__', _le_from_gt)],
    '__ge__': [('__le__', _le_from_ge),
               ('__gt__', _gt_from_ge),
               ('__lt__', _lt_from_ge)]
}

def total_ordering(cls):
    """Class decorator that fills in missing ordering methods"""
    roots = {op for op in _convert if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)
    for opname, opfunc in _convert[root]:
        if opname not in roots:
            opfunc.__name__ = opname
            setattr(cls, opname, opfunc)
    return cls

def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function"""
    class K(object):
        def __init__(self, obj):
            self.obj = obj
        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0
        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0
        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0
        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0
        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0
        __hash__ = None
    return K
)PY";

}  // namespace

void init_functools(Interp& in, Module& m) {
    m.dict->set_str("partial", Value(partial_type()));
    def(m, "reduce", functools_reduce);
    def(m, "update_wrapper", functools_update_wrapper);
    def(m, "wraps", functools_wraps);
    def(m, "lru_cache", functools_lru_cache);
    def(m, "cache", functools_cache);
    def(m, "cached_property", functools_cached_property);
    std::vector<Value> assigned;
    for (const char* n : kAssigned) assigned.push_back(make_str(n));
    m.dict->set_str("WRAPPER_ASSIGNMENTS", make_tuple(std::move(assigned)));
    m.dict->set_str("WRAPPER_UPDATES", make_tuple({make_str("__dict__")}));
    m.dict->set_str("_CacheInfo", make_namedtuple(in, "CacheInfo", {"hits", "misses", "maxsize", "currsize"}, false,
                                                  Value(), "functools"));
    exec_source(in, kFunctoolsSource, "<looplab:functools>", m.dict);
}

}  // namespace looplab::py::stdlib
