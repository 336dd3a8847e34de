// The `copy` module (CPython Lib/copy.py): copy() and deepcopy() with CPython's results
// for what scenarios copy — built-in containers, instances of their own classes (a new
// instance of the class without calling __init__, its __dict__ copied), namedtuples,
// dict subclasses (defaultdict, OrderedDict, Counter), deque, __copy__/__deepcopy__ hooks,
// and deepcopy's memo (shared and cyclic structures stay shared and cyclic). CPython
// copies other objects through pickling's __reduce_ex__; LoopLab raises CPython's
// "cannot pickle 'X' object" for the native objects it cannot rebuild.
#include "looplab/py/set.hpp"
#include "looplab/py/vm.hpp"
#include "native_args.hpp"
#include "stdlib_modules.hpp"

namespace looplab::py::stdlib {

namespace {

using argbind::bind_args;
using argbind::Sig;

// Types copy.py's _copy_immutable / _deepcopy_atomic return unchanged.
bool is_atomic(const Value& v) {
    if (!v.is_object()) return true;
    if (v.type()->heap) return false;
    switch (v.type()->kind) {
        case Kind::str:
        case Kind::bytes:
        case Kind::range:
        case Kind::slice:
        case Kind::type:
        case Kind::function:
        case Kind::native:
        case Kind::code:
        case Kind::module:
        case Kind::property:
        case Kind::cell: return true;
        default: return v.is(ellipsis()) || v.is(not_implemented());
    }
}

[[noreturn]] void cannot_copy(const Value& v) {
    raise_type_error("cannot pickle '" + class_path(v.type()) + "' object");
}

Value copy_value(Interp& in, const Value& x);

// An object of x's class made without __init__ (copyreg.__newobj__: cls.__new__(cls)).
Value new_like(const Value& x) {
    Type* t = x.type();
    switch (t->builtin_base()->kind) {
        case Kind::object: return Value(new Instance(t));
        case Kind::exception: {
            auto* e = new ExceptionObject(t);
            e->args = x.as<ExceptionObject>()->args;
            return Value(e);
        }
        default: return {};
    }
}
Dict* dict_of(const Value& v) {
    auto* inst = v.is_object() ? dynamic_cast<Instance*>(v.obj()) : nullptr;
    return inst ? inst->dict : nullptr;
}

Value copy_value(Interp& in, const Value& x) {
    if (is_atomic(x)) return x;
    Type* t = x.type();
    if (!t->heap) {
        switch (t->kind) {
            case Kind::list: return make_list(x.as<List>()->items);
            case Kind::tuple:
            case Kind::frozenset: return x;
            case Kind::dict:
                if (t == types().dict) {
                    Value d(new Dict());
                    dict_merge(in, *as_dict(d), x, true);
                    return d;
                }
                break;
            case Kind::set: return Value(make_set_from(in, t, x).get());
            default: break;
        }
    }
    Value cp = t->lookup("__copy__");
    if (!cp.is_undefined()) return call(in, cp, std::vector<Value>{x});
    Value reduce = t->lookup("__reduce__");
    if (reduce.is_object() && reduce.type()->kind == Kind::function) {
        // A class's own __reduce__ (Counter's): callable(*args).
        Value r = call(in, reduce, std::vector<Value>{x});
        auto& parts = r.as<Tuple>()->items;
        return call(in, parts[0], to_vector(in, parts[1]));
    }
    Kind k = t->kind;
    if (k == Kind::tuple) {
        auto* tup = new Tuple(x.as<Tuple>()->items);
        retype(tup, t);
        return Value(tup);
    }
    if (k == Kind::dict) {
        auto* d = new Dict();
        Value dv(d);
        retype(d, t);
        dict_merge(in, *d, x, true);
        return dv;
    }
    Value y = new_like(x);
    if (y.is_undefined()) cannot_copy(x);
    Dict* src = dict_of(x);
    Dict* dst = dict_of(y);
    if (src && dst) dict_merge(in, *dst, Value(src), true);
    return y;
}

// ---- deepcopy ------------------------------------------------------------------------------
struct Deep {
    Interp& in;
    Value memo;  // the memo dict: id(x) -> copy, as copy.py's (passed to __deepcopy__)

    Value seen(const Value& x) { return as_dict(memo)->get(in, Value::integer(int64_t(x.identity()))); }
    void keep(const Value& x, const Value& y) {
        as_dict(memo)->set(in, Value::integer(int64_t(x.identity())), y);
    }

    Value operator()(const Value& x) {
        if (is_atomic(x)) return x;
        Value m = seen(x);
        if (!m.is_undefined()) return m;
        Value y = copy_new(x);
        if (!y.is(x)) keep(x, y);
        return y;
    }

    std::vector<Value> all(const std::vector<Value>& items) {
        std::vector<Value> out;
        for (auto& v : items) out.push_back((*this)(v));
        return out;
    }

    void fill_dict(Dict& dst, const Value& src) {
        std::vector<std::pair<Value, Value>> items;
        for (auto& e : as_dict(src)->entries())
            if (!e.key.is_undefined()) items.emplace_back(e.key, e.value);
        for (auto& [k, v] : items) dst.set(in, (*this)(k), (*this)(v));
    }

    Value copy_new(const Value& x) {
        Type* t = x.type();
        Value dc = t->lookup("__deepcopy__");
        if (!dc.is_undefined()) return call(in, dc, std::vector<Value>{x, memo});
        Kind k = t->kind;
        if (k == Kind::list) {
            Value y = make_list({});
            keep(x, y);  // before the items: a list may contain itself
            y.as<List>()->items = all(x.as<List>()->items);
            return y;
        }
        if (k == Kind::tuple) {
            std::vector<Value> items = all(x.as<Tuple>()->items);
            Value m = seen(x);  // a cycle through the tuple was copied meanwhile
            if (!m.is_undefined()) return m;
            bool same = true;
            for (size_t i = 0; i < items.size(); ++i) same &= items[i].is(x.as<Tuple>()->items[i]);
            if (same && !t->heap) return x;
            auto* tup = new Tuple(std::move(items));
            retype(tup, t);
            return Value(tup);
        }
        if (k == Kind::dict) {
            Value y;
            Value cp = t->lookup("__copy__");
            if (!cp.is_undefined()) {
                y = call(in, cp, std::vector<Value>{x});  // keeps defaultdict's factory
                as_dict(y)->clear();
            } else {
                auto* d = new Dict();
                y = Value(d);
                retype(d, t);
            }
            keep(x, y);
            fill_dict(*as_dict(y), x);
            return y;
        }
        if (k == Kind::set || k == Kind::frozenset) {
            Value items = make_list(all(x.as<Set>()->items()));
            return Value(make_set_from(in, t, items).get());
        }
        if (t->name == "deque" && t->module == "collections") {
            Value maxlen = getattr(in, x, intern("maxlen"));
            Value y = call_kw(in, Value(t), {}, {{"maxlen", maxlen}});
            keep(x, y);
            call(in, getattr(in, y, intern("extend")), std::vector<Value>{make_list(all(to_vector(in, x)))});
            return y;
        }
        Value reduce = t->lookup("__reduce__");
        if (reduce.is_object() && reduce.type()->kind == Kind::function) {
            Value r = call(in, reduce, std::vector<Value>{x});
            auto& parts = r.as<Tuple>()->items;
            return call(in, parts[0], all(to_vector(in, parts[1])));
        }
        Value y = new_like(x);
        if (y.is_undefined()) cannot_copy(x);
        keep(x, y);
        if (k == Kind::exception) y.as<ExceptionObject>()->args = make_tuple(all(x.as<ExceptionObject>()->args.as<Tuple>()->items));
        Dict* src = dict_of(x);
        Dict* dst = dict_of(y);
        if (src && dst) fill_dict(*dst, Value(src));
        return y;
    }
};

Value copy_copy(Interp& in, const CallArgs& a) {
    Value v[1];
    bind_args(a, 0, "copy", "copy", Sig::clinic, 1, 1, v, {"x"});
    return copy_value(in, v[0]);
}
Value copy_deepcopy(Interp& in, const CallArgs& a) {
    Value v[3];
    bind_args(a, 0, "deepcopy", "deepcopy", Sig::clinic, 1, 2, v, {"x", "memo", "_nil"});
    Value memo = (v[1].is_undefined() || v[1].is_none()) ? Value(new Dict()) : v[1];
    if (kind_of(memo) != Kind::dict) raise_type_error("memo must be a dict");
    Deep deep{in, memo};
    return deep(v[0]);
}

}  // namespace

void init_copy(Interp& in, Module& m) {
    def(m, "copy", copy_copy);
    def(m, "deepcopy", copy_deepcopy);
    // copy.Error (alias copy.error): class Error(Exception).
    Value ns(new Dict());
    as_dict(ns)->set_str("__name__", make_str("copy"));
    exec_source(in, "class Error(Exception):\n    pass\n", "<looplab:copy>", as_dict(ns));
    m.dict->set_str("Error", as_dict(ns)->get_str("Error"));
    m.dict->set_str("error", as_dict(ns)->get_str("Error"));
}

}  // namespace looplab::py::stdlib
