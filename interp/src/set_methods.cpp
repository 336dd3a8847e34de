// set and frozenset methods and operators, following CPython 3.11 Objects/setobject.c
// function by function: which operand is iterated, which set the result is built from and
// in what order decide the result's iteration order, so those choices are CPython's.
#include <string>
#include <utility>

#include "looplab/py/abstract.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/py/sequence.hpp"
#include "looplab/py/set.hpp"

namespace looplab::py {

namespace {

Set& self_set(const CallArgs& a) { return *a[0].as<Set>(); }

bool is_exact_dict(const Value& v) { return v.is_object() && v.type() == types().dict; }
// PySet_Check: set or a subclass (not frozenset).
bool is_mutable_set(const Value& v) { return v.is_object() && kind_of(v) == Kind::set; }

// make_new_set_basetype: results of set algebra are plain sets or plain frozensets.
Type* basetype(const Set& s) {
    return s.type->is_subtype(types().set) ? types().set : types().frozenset;
}

// set_copy (not frozenset.copy): a new set of the base type, merged from s.
Ref<Set> set_copy(Interp& in, const Set& s) {
    Ref<Set> r = make_set(basetype(s));
    r->merge(in, s);
    return r;
}

// The active slots of a set (keys with their hashes), copied: user __eq__ may mutate it.
std::vector<Set::Slot> active_slots(const Set& s) {
    std::vector<Set::Slot> out;
    out.reserve(s.size());
    for (const Set::Slot& e : s.table())
        if (e.state == 1) out.push_back(e);
    return out;
}

// set_update_internal for several arguments (set.update, set.union).
void update_all(Interp& in, Set& s, const CallArgs& a, const Set* skip) {
    for (size_t i = 1; i < a.nargs; ++i) {
        if (skip && a[i].obj() == skip) continue;
        s.update(in, a[i]);
    }
}

// set_intersection
Ref<Set> set_intersection(Interp& in, const Value& self, const Value& other) {
    const Set* so = self.as<Set>();
    if (self.is(other)) return set_copy(in, *so);
    Ref<Set> result = make_set(basetype(*so));
    if (is_anyset(other)) {
        const Set* o = other.as<Set>();
        if (o->size() > so->size()) std::swap(so, o);
        for (const Set::Slot& e : active_slots(*o))
            if (so->contains_entry(in, e.key, e.hash)) result->add_entry(in, e.key, e.hash);
        return result;
    }
    Value it = iter(in, other);
    for (Value key = next(in, it); !key.is_undefined(); key = next(in, it)) {
        const int64_t h = hash(in, key);
        if (so->contains_entry(in, key, h)) {
            result->add_entry(in, key, h);
            if (result->size() >= so->size()) break;  // nothing more can be found
        }
    }
    return result;
}

// set_intersection_multi
Ref<Set> intersection_multi(Interp& in, const CallArgs& a) {
    if (a.nargs == 1) return set_copy(in, self_set(a));
    Value result = a[0];
    for (size_t i = 1; i < a.nargs; ++i) result = Value(set_intersection(in, result, a[i]));
    return Ref<Set>(result.as<Set>());
}

// set_difference_update_internal
void difference_update(Interp& in, Set& so, const Value& other) {
    if (other.obj() == &so) return so.clear();
    if (is_anyset(other)) {
        Value o = other;
        // A much larger other set is first reduced to the common elements.
        if ((other.as<Set>()->size() >> 3) > so.size()) o = Value(set_intersection(in, Value(&so), other));
        for (const Set::Slot& e : active_slots(*o.as<Set>())) so.discard_entry(in, e.key, e.hash);
    } else {
        Value it = iter(in, other);
        for (Value key = next(in, it); !key.is_undefined(); key = next(in, it)) so.discard(in, key);
    }
    // More than 1/4 dummies: resize them away.
    const size_t mask = so.table().size() - 1;
    if (so.fill() - so.size() <= mask / 4) return;
    so.table_resize(so.size() > 50000 ? so.size() * 2 : so.size() * 4);
}

// set_difference
Ref<Set> set_difference(Interp& in, const Value& self, const Value& other) {
    const Set& so = *self.as<Set>();
    size_t other_size;
    if (is_anyset(other)) other_size = other.as<Set>()->size();
    else if (is_exact_dict(other)) other_size = as_dict(other)->size();
    else other_size = SIZE_MAX;
    // set_copy_and_difference: for other iterables, or when so is much larger.
    if (other_size == SIZE_MAX || (so.size() >> 2) > other_size) {
        Ref<Set> result = set_copy(in, so);
        difference_update(in, *result, other);
        return result;
    }
    Ref<Set> result = make_set(basetype(so));
    for (const Set::Slot& e : active_slots(so)) {
        const bool found = is_exact_dict(other) ? as_dict(other)->contains(in, e.key)
                                                : other.as<Set>()->contains_entry(in, e.key, e.hash);
        if (!found) result->add_entry(in, e.key, e.hash);
    }
    return result;
}

// set_symmetric_difference_update
void symmetric_difference_update(Interp& in, Set& so, const Value& other) {
    if (other.obj() == &so) return so.clear();
    if (is_exact_dict(other)) {
        const std::vector<Dict::Entry> entries = as_dict(other)->entries();
        for (const Dict::Entry& e : entries) {
            if (e.key.is_undefined()) continue;
            if (!so.discard_entry(in, e.key, e.hash)) so.add_entry(in, e.key, e.hash);
        }
        return;
    }
    Value otherset = is_anyset(other) ? other : Value(make_set_from(in, basetype(so), other));
    for (const Set::Slot& e : active_slots(*otherset.as<Set>()))
        if (!so.discard_entry(in, e.key, e.hash)) so.add_entry(in, e.key, e.hash);
}

// set_symmetric_difference: built from `other`, then updated with self.
Ref<Set> set_symmetric_difference(Interp& in, const Value& self, const Value& other) {
    Ref<Set> result = make_set_from(in, basetype(*self.as<Set>()), other);
    symmetric_difference_update(in, *result, self);
    return result;
}

// set_issubset / set_issuperset
bool issubset(Interp& in, const Value& self, const Value& other) {
    if (!is_anyset(other)) return issubset(in, self, Value(make_set_from(in, types().set, other)));
    const Set& so = *self.as<Set>();
    const Set& o = *other.as<Set>();
    if (so.size() > o.size()) return false;
    for (const Set::Slot& e : active_slots(so))
        if (!o.contains_entry(in, e.key, e.hash)) return false;
    return true;
}

bool issuperset(Interp& in, const Value& self, const Value& other) {
    if (is_anyset(other)) return issubset(in, other, self);
    Value it = iter(in, other);
    for (Value key = next(in, it); !key.is_undefined(); key = next(in, it))
        if (!self.as<Set>()->contains(in, key)) return false;
    return true;
}

// set_isdisjoint
bool isdisjoint(Interp& in, const Value& self, const Value& other) {
    if (self.is(other)) return self.as<Set>()->size() == 0;
    if (other.is_object() && (other.type() == types().set || other.type() == types().frozenset)) {
        const Set* so = self.as<Set>();
        const Set* o = other.as<Set>();
        if (o->size() > so->size()) std::swap(so, o);
        for (const Set::Slot& e : active_slots(*o))
            if (so->contains_entry(in, e.key, e.hash)) return false;
        return true;
    }
    Value it = iter(in, other);
    for (Value key = next(in, it); !key.is_undefined(); key = next(in, it))
        if (self.as<Set>()->contains(in, key)) return false;
    return true;
}

// set_discard_key with set_remove/set_discard's retry: an unhashable set key is looked up
// as the equal frozenset.
bool discard_retrying(Interp& in, Set& s, const Value& key) {
    try {
        return s.discard(in, key);
    } catch (PyErrorBase& e) {
        if (!is_mutable_set(key) || !exception_matches(*e.exc, exc_types().TypeError)) throw;
    }
    return s.discard(in, Value(make_set_from(in, types().frozenset, key)));
}

// setiter_iternext: index = slot position, end = the size at creation (si_used; -1 once
// the size changed, so the error repeats), step = items left.
Value set_iter_next(Interp&, NativeIterator& it) {
    if (it.source.is_undefined()) return Value();
    const Set& s = *it.source.as<Set>();
    if (it.end != int64_t(s.size())) {
        it.end = -1;
        raise(exc_types().RuntimeError, "Set changed size during iteration");
    }
    const auto& table = s.table();
    int64_t i = it.index;
    while (i < int64_t(table.size()) && table[size_t(i)].state != 1) ++i;
    it.index = i + 1;
    if (i >= int64_t(table.size())) {
        it.source = Value();
        return Value();
    }
    --it.step;
    return table[size_t(i)].key;
}

}  // namespace

// ---- exported protocols -------------------------------------------------------------------

bool set_contains(Interp& in, const Set& s, const Value& key) {
    try {
        return s.contains(in, key);
    } catch (PyErrorBase& e) {
        if (!is_mutable_set(key) || !exception_matches(*e.exc, exc_types().TypeError)) throw;
    }
    return s.contains(in, Value(make_set_from(in, types().frozenset, key)));
}

Value make_set_iterator(const Value& s) {
    auto* it = new NativeIterator(types().set_iterator, set_iter_next, s);
    it->end = int64_t(s.as<Set>()->size());
    it->step = it->end;
    return Value::adopt(it);
}

std::string set_repr(Interp& in, const Value& v) {
    const Set& s = *v.as<Set>();
    const bool exact = v.type() == types().set;
    ReprGuard guard(&s);
    if (!guard.entered()) return type_name(v) + "(...)";
    if (s.size() == 0) return type_name(v) + "()";
    Value keys = make_list(s.items());
    std::string listrepr = list_repr(in, *keys.as<List>());
    std::string inner = "{" + listrepr.substr(1, listrepr.size() - 2) + "}";
    return exact ? inner : type_name(v) + "(" + inner + ")";
}

Value set_binary_op(Interp& in, const Value& a, const Value& b, ast::Operator op) {
    if (!is_anyset(a) || !is_anyset(b)) return not_implemented();
    switch (op) {
        case ast::Operator::BitOr: {  // set_or
            Ref<Set> r = set_copy(in, *a.as<Set>());
            if (!a.is(b)) r->update(in, b);
            return Value(r);
        }
        case ast::Operator::BitAnd: return Value(set_intersection(in, a, b));
        case ast::Operator::Sub: return Value(set_difference(in, a, b));
        case ast::Operator::BitXor: return Value(set_symmetric_difference(in, a, b));
        default: return not_implemented();
    }
}

Value set_inplace_op(Interp& in, const Value& a, const Value& b, ast::Operator op) {
    if (!is_anyset(a) || !is_anyset(b)) return not_implemented();
    Set& s = *a.as<Set>();
    switch (op) {
        case ast::Operator::BitOr: s.update(in, b); return a;
        case ast::Operator::BitAnd: {  // set_intersection_update: swap in the result's table
            Ref<Set> r = set_intersection(in, a, b);
            s.swap_bodies(*r);
            return a;
        }
        case ast::Operator::Sub: difference_update(in, s, b); return a;
        case ast::Operator::BitXor: symmetric_difference_update(in, s, b); return a;
        default: return not_implemented();
    }
}

Value set_richcompare(Interp& in, const Value& a, const Value& b, ast::CmpOp op) {
    if (!is_anyset(b)) return not_implemented();
    const size_t la = a.as<Set>()->size(), lb = b.as<Set>()->size();
    switch (op) {
        case ast::CmpOp::Eq: return Value::boolean(la == lb && issubset(in, a, b));
        case ast::CmpOp::NotEq: return Value::boolean(!(la == lb && issubset(in, a, b)));
        case ast::CmpOp::LtE: return Value::boolean(issubset(in, a, b));
        case ast::CmpOp::GtE: return Value::boolean(issuperset(in, a, b));
        case ast::CmpOp::Lt: return Value::boolean(la < lb && issubset(in, a, b));
        case ast::CmpOp::Gt: return Value::boolean(la > lb && issuperset(in, a, b));
        default: return not_implemented();
    }
}

// ---- methods ------------------------------------------------------------------------------

namespace {

// "set.add" or "frozenset.issubset" for METH_O / METH_NOARGS messages.
std::string qual(const CallArgs& a, const char* name) { return type_name(a[0]) + "." + name; }
void onearg(const CallArgs& a, const char* name) {
    if (a.nargs != 2 || a.nkw) check_onearg(a, qual(a, name).c_str());
}
void noargs(const CallArgs& a, const char* name) {
    if (a.nargs != 1 || a.nkw) check_noargs(a, qual(a, name).c_str());
}

// set(iterable=()) and frozenset(iterable=()); frozenset(f) of an exact frozenset is f.
template <bool frozen>
Value set_new(Interp& in, const CallArgs& a) {
    const char* name = frozen ? "frozenset" : "set";
    check_no_keywords(a, name);
    check_positional(a, name, 0, 1, false);
    if (frozen && a.nargs == 1 && a[0].is_object() && a[0].type() == types().frozenset) return a[0];
    return Value(make_set_from(in, frozen ? types().frozenset : types().set,
                               a.nargs == 1 ? a[0] : Value()));
}

Value m_add(Interp& in, const CallArgs& a) {
    onearg(a, "add");
    self_set(a).add(in, a[1]);
    return Value::none();
}
Value m_discard(Interp& in, const CallArgs& a) {
    onearg(a, "discard");
    discard_retrying(in, self_set(a), a[1]);
    return Value::none();
}
Value m_remove(Interp& in, const CallArgs& a) {
    onearg(a, "remove");
    if (!discard_retrying(in, self_set(a), a[1]))
        throw_exception(new_exception_args(exc_types().KeyError, {a[1]}));
    return Value::none();
}
Value m_pop(Interp& in, const CallArgs& a) {
    noargs(a, "pop");
    return set_pop(in, self_set(a));
}
Value m_clear(Interp&, const CallArgs& a) {
    noargs(a, "clear");
    self_set(a).clear();
    return Value::none();
}
// set.copy makes a set; frozenset.copy of an exact frozenset is itself.
Value m_copy(Interp& in, const CallArgs& a) {
    noargs(a, "copy");
    if (a[0].type() == types().frozenset) return a[0];
    return Value(set_copy(in, self_set(a)));
}
Value m_update(Interp& in, const CallArgs& a) {
    check_no_keywords(a, "set.update");
    update_all(in, self_set(a), a, nullptr);
    return Value::none();
}
Value m_union(Interp& in, const CallArgs& a) {
    if (a.nkw) check_no_keywords(a, qual(a, "union").c_str());
    Ref<Set> r = set_copy(in, self_set(a));
    update_all(in, *r, a, &self_set(a));
    return Value(r);
}
Value m_intersection(Interp& in, const CallArgs& a) {
    if (a.nkw) check_no_keywords(a, qual(a, "intersection").c_str());
    return Value(intersection_multi(in, a));
}
Value m_intersection_update(Interp& in, const CallArgs& a) {
    check_no_keywords(a, "set.intersection_update");
    Ref<Set> r = intersection_multi(in, a);
    if (r.get() != &self_set(a)) self_set(a).swap_bodies(*r);
    return Value::none();
}
// set_difference_multi
Value m_difference(Interp& in, const CallArgs& a) {
    if (a.nkw) check_no_keywords(a, qual(a, "difference").c_str());
    if (a.nargs == 1) return Value(set_copy(in, self_set(a)));
    Ref<Set> r = set_difference(in, a[0], a[1]);
    for (size_t i = 2; i < a.nargs; ++i) difference_update(in, *r, a[i]);
    return Value(r);
}
Value m_difference_update(Interp& in, const CallArgs& a) {
    check_no_keywords(a, "set.difference_update");
    for (size_t i = 1; i < a.nargs; ++i) difference_update(in, self_set(a), a[i]);
    return Value::none();
}
Value m_symmetric_difference(Interp& in, const CallArgs& a) {
    onearg(a, "symmetric_difference");
    return Value(set_symmetric_difference(in, a[0], a[1]));
}
Value m_symmetric_difference_update(Interp& in, const CallArgs& a) {
    onearg(a, "symmetric_difference_update");
    symmetric_difference_update(in, self_set(a), a[1]);
    return Value::none();
}
Value m_issubset(Interp& in, const CallArgs& a) {
    onearg(a, "issubset");
    return Value::boolean(issubset(in, a[0], a[1]));
}
Value m_issuperset(Interp& in, const CallArgs& a) {
    onearg(a, "issuperset");
    return Value::boolean(issuperset(in, a[0], a[1]));
}
Value m_isdisjoint(Interp& in, const CallArgs& a) {
    onearg(a, "isdisjoint");
    return Value::boolean(isdisjoint(in, a[0], a[1]));
}
Value m_len(Interp&, const CallArgs& a) {
    noargs(a, "__len__");
    return Value::integer(int64_t(self_set(a).size()));
}
Value m_contains(Interp& in, const CallArgs& a) {
    onearg(a, "__contains__");
    return Value::boolean(set_contains(in, self_set(a), a[1]));
}
Value m_iter(Interp&, const CallArgs& a) {
    noargs(a, "__iter__");
    return make_set_iterator(a[0]);
}
Value m_repr(Interp& in, const CallArgs& a) {
    noargs(a, "__repr__");
    return make_str(set_repr(in, a[0]));
}
Value m_hash(Interp&, const CallArgs& a) {
    noargs(a, "__hash__");
    return Value::integer(frozenset_hash(self_set(a)));
}

template <ast::Operator op, bool reflected>
Value m_binary(Interp& in, const CallArgs& a) {
    check_onearg(a, "__or__");
    return reflected ? set_binary_op(in, a[1], a[0], op) : set_binary_op(in, a[0], a[1], op);
}
template <ast::Operator op>
Value m_inplace(Interp& in, const CallArgs& a) {
    check_onearg(a, "__ior__");
    return set_inplace_op(in, a[0], a[1], op);
}
template <ast::CmpOp op>
Value m_compare(Interp& in, const CallArgs& a) {
    check_onearg(a, "__eq__");
    return set_richcompare(in, a[0], a[1], op);
}

struct Method {
    const char* name;
    NativeFn fn;
};

// What set and frozenset share.
constexpr Method kCommon[] = {
    {"copy", m_copy}, {"union", m_union}, {"intersection", m_intersection},
    {"difference", m_difference}, {"symmetric_difference", m_symmetric_difference},
    {"issubset", m_issubset}, {"issuperset", m_issuperset}, {"isdisjoint", m_isdisjoint},
    {"__len__", m_len}, {"__contains__", m_contains}, {"__iter__", m_iter}, {"__repr__", m_repr},
    {"__or__", m_binary<ast::Operator::BitOr, false>},
    {"__ror__", m_binary<ast::Operator::BitOr, true>},
    {"__and__", m_binary<ast::Operator::BitAnd, false>},
    {"__rand__", m_binary<ast::Operator::BitAnd, true>},
    {"__sub__", m_binary<ast::Operator::Sub, false>},
    {"__rsub__", m_binary<ast::Operator::Sub, true>},
    {"__xor__", m_binary<ast::Operator::BitXor, false>},
    {"__rxor__", m_binary<ast::Operator::BitXor, true>},
    {"__eq__", m_compare<ast::CmpOp::Eq>}, {"__ne__", m_compare<ast::CmpOp::NotEq>},
    {"__lt__", m_compare<ast::CmpOp::Lt>}, {"__le__", m_compare<ast::CmpOp::LtE>},
    {"__gt__", m_compare<ast::CmpOp::Gt>}, {"__ge__", m_compare<ast::CmpOp::GtE>},
};

// Only set's.
constexpr Method kMutating[] = {
    {"add", m_add}, {"discard", m_discard}, {"remove", m_remove}, {"pop", m_pop},
    {"clear", m_clear}, {"update", m_update}, {"intersection_update", m_intersection_update},
    {"difference_update", m_difference_update},
    {"symmetric_difference_update", m_symmetric_difference_update},
    {"__ior__", m_inplace<ast::Operator::BitOr>}, {"__iand__", m_inplace<ast::Operator::BitAnd>},
    {"__isub__", m_inplace<ast::Operator::Sub>}, {"__ixor__", m_inplace<ast::Operator::BitXor>},
};

}  // namespace

void install_set_methods(Type& set, Type& frozenset) {
    set.construct = set_new<false>;
    frozenset.construct = set_new<true>;
    for (const Method& m : kCommon) {
        set.add_method(m.name, m.fn);
        frozenset.add_method(m.name, m.fn);
    }
    for (const Method& m : kMutating) set.add_method(m.name, m.fn);
    set.add_attr("__hash__", Value::none());  // sets are unhashable
    frozenset.add_method("__hash__", m_hash);
    install_iterator_protocol(*types().set_iterator);
}

}  // namespace looplab::py
