// dict's methods and iterators (CPython 3.11 Objects/dictobject.c). The views
// (keys/values/items) are in dict_views.cpp.
#include <utility>

#include "looplab/py/abstract.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/py/sequence.hpp"

namespace looplab::py {

void install_dict_views();  // dict_views.cpp

namespace {

[[noreturn]] void key_error(const Value& key) {
    throw_exception(new_exception_args(exc_types().KeyError, {key}));
}

bool is_dict(const Value& v) { return v.is_object() && kind_of(v) == Kind::dict; }

Dict& self_dict(const CallArgs& a) { return *as_dict(a[0]); }

// ---- iterators --------------------------------------------------------------------------
// NativeIterator fields: index = next entry position (di_pos), end = the size the dict had
// (di_used; -1 once the size changed, so the error repeats), step = items left (di->len),
// aux = DictIterKind.

Value entry_result(const Dict::Entry& e, int64_t kind) {
    switch (DictIterKind(kind)) {
        case DictIterKind::keys: return e.key;
        case DictIterKind::values: return e.value;
        case DictIterKind::items: return make_tuple({e.key, e.value});
    }
    return Value();
}

// dictiter_iternextkey & co.
Value dict_iter_next(Interp&, NativeIterator& it) {
    if (it.source.is_undefined()) return Value();
    const Dict& d = *as_dict(it.source);
    if (it.end != int64_t(d.size())) {
        it.end = -1;
        raise(exc_types().RuntimeError, "dictionary changed size during iteration");
    }
    const auto& entries = d.entries();
    int64_t i = it.index;
    while (i < int64_t(entries.size()) && entries[size_t(i)].key.is_undefined()) ++i;
    if (i >= int64_t(entries.size())) {
        it.source = Value();
        return Value();
    }
    if (it.step == 0) {  // same size, but a key was deleted and another added
        it.source = Value();
        raise(exc_types().RuntimeError, "dictionary keys changed during iteration");
    }
    it.index = i + 1;
    --it.step;
    return entry_result(entries[size_t(i)], it.aux);
}

// dictreviter_iternext: from the last entry down.
Value dict_reviter_next(Interp&, NativeIterator& it) {
    if (it.source.is_undefined()) return Value();
    const Dict& d = *as_dict(it.source);
    if (it.end != int64_t(d.size())) {
        it.end = -1;
        raise(exc_types().RuntimeError, "dictionary changed size during iteration");
    }
    const auto& entries = d.entries();
    int64_t i = std::min<int64_t>(it.index, int64_t(entries.size()) - 1);
    while (i >= 0 && entries[size_t(i)].key.is_undefined()) --i;
    if (i < 0) {
        it.source = Value();
        return Value();
    }
    it.index = i - 1;
    --it.step;
    return entry_result(entries[size_t(i)], it.aux);
}

Type* reverse_iterator_type(DictIterKind kind) {
    static Type* const types_[3] = {
        new Type("dict_reversekeyiterator", Kind::iterator, types().object),
        new Type("dict_reversevalueiterator", Kind::iterator, types().object),
        new Type("dict_reverseitemiterator", Kind::iterator, types().object),
    };
    static const bool installed = [] {
        for (Type* t : types_) {
            t->add_ref();  // immortal
            t->type = types().type;  // Type's constructor leaves the metaclass to the caller
            t->is_final = true;
            install_iterator_protocol(*t);
        }
        return true;
    }();
    (void)installed;
    return types_[int(kind)];
}

}  // namespace

Value make_dict_iterator(const Value& d, DictIterKind kind, bool reversed) {
    static Type* const forward[3] = {types().dict_keyiterator, types().dict_valueiterator,
                                     types().dict_itemiterator};
    const Dict& dict = *as_dict(d);
    NativeIterator* it;
    if (reversed) {
        it = new NativeIterator(reverse_iterator_type(kind), dict_reviter_next, d);
        it->index = int64_t(dict.entries().size()) - 1;
    } else {
        it = new NativeIterator(forward[int(kind)], dict_iter_next, d);
    }
    it->end = int64_t(dict.size());
    it->step = int64_t(dict.size());
    it->aux = int64_t(kind);
    return Value::adopt(it);
}

// ---- protocols shared with the VM ---------------------------------------------------------

Value dict_getitem(Interp& in, const Value& d, const Value& key) {
    Value v = as_dict(d)->get(in, key);
    if (!v.is_undefined()) return v;
    if (d.type() != types().dict) {
        Value missing = lookup_special(d, "__missing__");
        if (!missing.is_undefined()) return call(in, missing, std::vector<Value>{d, key});
    }
    key_error(key);
}

// PyDict_Merge: a dict's entries in order; otherwise keys() then other[key] for each.
void dict_merge(Interp& in, Dict& d, const Value& other, bool override_existing) {
    if (is_dict(other) && lookup_special(other, "__iter__").is(types().dict->lookup("__iter__"))) {
        if (as_dict(other) == &d) return;
        const std::vector<Dict::Entry> entries = as_dict(other)->entries();
        for (const Dict::Entry& e : entries) {
            if (e.key.is_undefined()) continue;
            if (!override_existing && d.contains(in, e.key)) continue;
            d.set(in, e.key, e.value);
        }
        return;
    }
    Value keys = call(in, getattr(in, other, intern("keys")), std::vector<Value>{});
    Value it = iter(in, keys);
    for (Value k = next(in, it); !k.is_undefined(); k = next(in, it)) {
        if (!override_existing && d.contains(in, k)) continue;
        d.set(in, k, getitem(in, other, k));
    }
}

// dict_update_arg / PyDict_MergeFromSeq2.
void dict_update(Interp& in, Dict& d, const Value& other) {
    if (is_dict(other) || hasattr(in, other, intern("keys"))) return dict_merge(in, d, other, true);
    Value it = iter(in, other);
    int64_t i = 0;
    for (Value item = next(in, it); !item.is_undefined(); item = next(in, it), ++i) {
        std::vector<Value> pair;
        try {
            pair = to_vector(in, item);
        } catch (PyErrorBase& e) {
            if (!exception_matches(*e.exc, exc_types().TypeError)) throw;
            raise_type_error("cannot convert dictionary update sequence element #" +
                             std::to_string(i) + " to a sequence");
        }
        if (pair.size() != 2)
            raise_value_error("dictionary update sequence element #" + std::to_string(i) +
                              " has length " + std::to_string(pair.size()) + "; 2 is required");
        d.set(in, pair[0], pair[1]);
    }
}

// dict_repr: entries in order; code run by a repr may change the dict (PyDict_Next).
std::string dict_repr(Interp& in, const Dict& d) {
    ReprGuard guard(&d);
    if (!guard.entered()) return "{...}";
    if (d.size() == 0) return "{}";
    std::string s = "{";
    bool first = true;
    for (size_t i = 0; i < d.entries().size(); ++i) {
        if (d.entries()[i].key.is_undefined()) continue;
        Value key = d.entries()[i].key, value = d.entries()[i].value;
        if (!first) s += ", ";
        first = false;
        s += repr(in, key);
        s += ": ";
        s += repr(in, value);
    }
    return s + "}";
}

// dict_equal: same size, and every key of a maps to an equal value in b.
bool dict_equal(Interp& in, const Dict& a, const Dict& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.entries().size(); ++i) {
        if (a.entries()[i].key.is_undefined()) continue;
        Value key = a.entries()[i].key, aval = a.entries()[i].value;
        Value bval = b.get(in, key);
        if (bval.is_undefined()) return false;
        if (!eq(in, aval, bval)) return false;
    }
    return true;
}

// ---- methods ------------------------------------------------------------------------------

namespace {

Value new_dict() { return Value::adopt(new Dict()); }

void merge_kwargs(Interp& in, Dict& d, const CallArgs& a) {
    for (size_t i = 0; i < a.nkw; ++i) d.set(in, Value(a.kwnames[i]), a.kwvalues[i]);
}

// dict(), dict(mapping), dict(iterable of pairs), dict(**kw), dict(x, **kw).
Value dict_new(Interp& in, const CallArgs& a) {
    if (a.nargs > 1)
        raise_type_error("dict expected at most 1 argument, got " + std::to_string(a.nargs));
    Value out = new_dict();
    if (a.nargs == 1) dict_update(in, *as_dict(out), a[0]);
    merge_kwargs(in, *as_dict(out), a);
    return out;
}

Value dict_get(Interp& in, const CallArgs& a) {
    check_positional(a, "get", 1, 2);
    Value v = self_dict(a).get(in, a[1]);
    if (!v.is_undefined()) return v;
    return a.nargs > 2 ? a[2] : Value::none();
}

Value dict_setdefault(Interp& in, const CallArgs& a) {
    check_positional(a, "setdefault", 1, 2);
    Dict& d = self_dict(a);
    Value v = d.get(in, a[1]);
    if (!v.is_undefined()) return v;
    Value dflt = a.nargs > 2 ? a[2] : Value::none();
    d.set(in, a[1], dflt);
    return dflt;
}

Value dict_pop(Interp& in, const CallArgs& a) {
    check_positional(a, "pop", 1, 2);
    Dict& d = self_dict(a);
    Value v = d.get(in, a[1]);
    if (v.is_undefined()) {
        if (a.nargs > 2) return a[2];
        key_error(a[1]);
    }
    d.erase(in, a[1]);
    return v;
}

// dict.popitem: the last entry (LIFO).
Value dict_popitem(Interp& in, const CallArgs& a) {
    check_noargs(a, "dict.popitem");
    Dict& d = self_dict(a);
    if (d.size() == 0) raise(exc_types().KeyError, "popitem(): dictionary is empty");
    const auto& entries = d.entries();
    size_t i = entries.size();
    while (entries[i - 1].key.is_undefined()) --i;
    Value key = entries[i - 1].key, value = entries[i - 1].value;
    d.erase(in, key);
    return make_tuple({key, value});
}

Value dict_keys(Interp&, const CallArgs& a) {
    check_noargs(a, "dict.keys");
    return make_dict_view(a[0], DictIterKind::keys);
}
Value dict_values(Interp&, const CallArgs& a) {
    check_noargs(a, "dict.values");
    return make_dict_view(a[0], DictIterKind::values);
}
Value dict_items(Interp&, const CallArgs& a) {
    check_noargs(a, "dict.items");
    return make_dict_view(a[0], DictIterKind::items);
}

// dict.update([other], **kw)
Value dict_update_m(Interp& in, const CallArgs& a) {
    if (a.nargs > 2)
        raise_type_error("update expected at most 1 argument, got " + std::to_string(a.nargs - 1));
    if (a.nargs == 2) dict_update(in, self_dict(a), a[1]);
    merge_kwargs(in, self_dict(a), a);
    return Value::none();
}

Value dict_copy(Interp& in, const CallArgs& a) {
    check_noargs(a, "dict.copy");
    Value out = new_dict();
    dict_merge(in, *as_dict(out), a[0], true);
    return out;
}

Value dict_clear(Interp&, const CallArgs& a) {
    check_noargs(a, "dict.clear");
    self_dict(a).clear();
    return Value::none();
}

// dict.fromkeys(iterable, value=None), a classmethod: args[0] is the class.
Value dict_fromkeys(Interp& in, const CallArgs& a) {
    check_positional(a, "fromkeys", 1, 2);
    Value value = a.nargs > 2 ? a[2] : Value::none();
    Value d = a[0].is(Value(types().dict)) ? new_dict() : call(in, a[0], std::vector<Value>{});
    Value it = iter(in, a[1]);
    for (Value k = next(in, it); !k.is_undefined(); k = next(in, it)) {
        if (d.type() == types().dict) as_dict(d)->set(in, k, value);
        else setitem(in, d, k, value);
    }
    return d;
}

Value dict_contains(Interp& in, const CallArgs& a) {
    check_onearg(a, "dict.__contains__");
    return Value::boolean(self_dict(a).contains(in, a[1]));
}
Value dict_len(Interp&, const CallArgs& a) {
    check_noargs(a, "dict.__len__");
    return Value::integer(int64_t(self_dict(a).size()));
}
Value dict_getitem_m(Interp& in, const CallArgs& a) {
    check_onearg(a, "dict.__getitem__");
    return dict_getitem(in, a[0], a[1]);
}
Value dict_setitem_m(Interp& in, const CallArgs& a) {
    check_positional(a, "__setitem__", 2, 2);
    self_dict(a).set(in, a[1], a[2]);
    return Value::none();
}
Value dict_delitem_m(Interp& in, const CallArgs& a) {
    check_onearg(a, "dict.__delitem__");
    if (!self_dict(a).erase(in, a[1])) key_error(a[1]);
    return Value::none();
}
Value dict_iter(Interp&, const CallArgs& a) {
    check_noargs(a, "dict.__iter__");
    return make_dict_iterator(a[0], DictIterKind::keys);
}
Value dict_reversed(Interp&, const CallArgs& a) {
    check_noargs(a, "dict.__reversed__");
    return make_dict_iterator(a[0], DictIterKind::keys, true);
}
Value dict_repr_m(Interp& in, const CallArgs& a) {
    check_noargs(a, "dict.__repr__");
    return make_str(dict_repr(in, self_dict(a)));
}
Value dict_eq(Interp& in, const CallArgs& a) {
    check_onearg(a, "dict.__eq__");
    if (!is_dict(a[1])) return not_implemented();
    return Value::boolean(dict_equal(in, self_dict(a), *as_dict(a[1])));
}
Value dict_ne(Interp& in, const CallArgs& a) {
    check_onearg(a, "dict.__ne__");
    if (!is_dict(a[1])) return not_implemented();
    return Value::boolean(!dict_equal(in, self_dict(a), *as_dict(a[1])));
}

// dict_or (3.9+): a copy of the left operand updated with the right one.
Value dict_or(Interp& in, const CallArgs& a) {
    check_onearg(a, "dict.__or__");
    if (!is_dict(a[1])) return not_implemented();
    Value out = new_dict();
    dict_merge(in, *as_dict(out), a[0], true);
    dict_update(in, *as_dict(out), a[1]);
    return out;
}
Value dict_ror(Interp& in, const CallArgs& a) {
    check_onearg(a, "dict.__ror__");
    if (!is_dict(a[1])) return not_implemented();
    Value out = new_dict();
    dict_merge(in, *as_dict(out), a[1], true);
    dict_update(in, *as_dict(out), a[0]);
    return out;
}
// dict_ior: any mapping or iterable of pairs.
Value dict_ior(Interp& in, const CallArgs& a) {
    check_onearg(a, "dict.__ior__");
    dict_update(in, self_dict(a), a[1]);
    return a[0];
}

}  // namespace

void install_dict_methods(Type& dict) {
    dict.construct = dict_new;
    struct {
        const char* name;
        NativeFn fn;
    } const methods[] = {
        {"get", dict_get}, {"setdefault", dict_setdefault}, {"pop", dict_pop},
        {"popitem", dict_popitem}, {"keys", dict_keys}, {"values", dict_values},
        {"items", dict_items}, {"update", dict_update_m}, {"copy", dict_copy},
        {"clear", dict_clear}, {"__contains__", dict_contains}, {"__len__", dict_len},
        {"__getitem__", dict_getitem_m}, {"__setitem__", dict_setitem_m},
        {"__delitem__", dict_delitem_m}, {"__iter__", dict_iter}, {"__reversed__", dict_reversed},
        {"__repr__", dict_repr_m}, {"__eq__", dict_eq}, {"__ne__", dict_ne}, {"__or__", dict_or},
        {"__ror__", dict_ror}, {"__ior__", dict_ior},
    };
    for (const auto& m : methods) dict.add_method(m.name, m.fn);
    dict.add_attr("fromkeys", Value(new ClassMethod(make_native("fromkeys", dict_fromkeys))));
    dict.add_attr("__hash__", Value::none());  // dicts are unhashable
    for (Type* t : {types().dict_keyiterator, types().dict_valueiterator, types().dict_itemiterator})
        install_iterator_protocol(*t);
    install_dict_views();
}

}  // namespace looplab::py
