// dict.keys(), dict.values(), dict.items(): live views of a dict (CPython 3.11
// Objects/dictobject.c, the dictview_* and dictviews_* functions). Keys and items views
// are set-like: comparisons with sets, & | - ^ and isdisjoint.
#include "looplab/py/abstract.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/sequence.hpp"
#include "looplab/py/set.hpp"

namespace looplab::py {

namespace {

Type* view_type(DictIterKind kind) {
    switch (kind) {
        case DictIterKind::keys: return types().dict_keys;
        case DictIterKind::values: return types().dict_values;
        case DictIterKind::items: return types().dict_items;
    }
    return types().dict_keys;
}

DictIterKind view_kind(const Value& v) {
    Type* t = v.type();
    if (t == types().dict_values) return DictIterKind::values;
    if (t == types().dict_items) return DictIterKind::items;
    return DictIterKind::keys;
}

// PyDictViewSet_Check: keys and items views (values views are not set-like).
bool is_set_view(const Value& v) {
    return v.is_object() && (v.type() == types().dict_keys || v.type() == types().dict_items);
}

const Value& view_dict(const Value& v) { return v.as<DictView>()->dict; }
int64_t view_len(const Value& v) { return int64_t(as_dict(view_dict(v))->size()); }

// dictitems_contains: (key, value) with d[key] == value.
bool view_contains(Interp& in, const Value& view, const Value& x) {
    const Dict& d = *as_dict(view_dict(view));
    if (view_kind(view) == DictIterKind::keys) return d.contains(in, x);
    if (view_kind(view) == DictIterKind::items) {
        if (kind_of(x) != Kind::tuple || x.as<Tuple>()->items.size() != 2) return false;
        Value key = x.as<Tuple>()->items[0], value = x.as<Tuple>()->items[1];
        Value found = d.get(in, key);
        return !found.is_undefined() && eq(in, found, value);
    }
    return contains(in, view, x);
}

// dictviews_to_set: a keys view of an exact dict uses set()'s dict fast path.
Ref<Set> to_set(Interp& in, const Value& v) {
    if (is_set_view(v) && view_kind(v) == DictIterKind::keys && view_dict(v).type() == types().dict)
        return make_set_from(in, types().set, view_dict(v));
    return make_set_from(in, types().set, v);
}

Value call_method(Interp& in, const Value& obj, const char* name, const Value& arg) {
    return call(in, getattr(in, obj, intern(name)), std::vector<Value>{arg});
}

// all_contained_in(self, other)
bool all_contained_in(Interp& in, const Value& self, const Value& other) {
    Value it = iter(in, self);
    for (Value x = next(in, it); !x.is_undefined(); x = next(in, it))
        if (!contains(in, other, x)) return false;
    return true;
}

Value view_len_m(Interp&, const CallArgs& a) {
    check_noargs(a, "__len__");
    return Value::integer(view_len(a[0]));
}
Value view_iter(Interp&, const CallArgs& a) {
    check_noargs(a, "__iter__");
    return make_dict_iterator(view_dict(a[0]), view_kind(a[0]));
}
Value view_reversed(Interp&, const CallArgs& a) {
    check_noargs(a, "__reversed__");
    return make_dict_iterator(view_dict(a[0]), view_kind(a[0]), true);
}
Value view_contains_m(Interp& in, const CallArgs& a) {
    check_onearg(a, "__contains__");
    return Value::boolean(view_contains(in, a[0], a[1]));
}

// dictview_repr: `dict_keys(['a', 'b'])`, `...` when recursive.
Value view_repr(Interp& in, const CallArgs& a) {
    check_noargs(a, "__repr__");
    ReprGuard guard(a[0].obj());
    if (!guard.entered()) return make_str("...");
    Value list = make_list(to_vector(in, a[0]));
    return make_str(type_name(a[0]) + "(" + list_repr(in, *list.as<List>()) + ")");
}

// dictview_richcompare: against sets and set-like views only, by size then containment.
template <ast::CmpOp op>
Value view_richcompare(Interp& in, const CallArgs& a) {
    check_onearg(a, "__eq__");
    const Value& self = a[0];
    const Value& other = a[1];
    if (!is_anyset(other) && !is_set_view(other)) return not_implemented();
    const int64_t ls = len(in, self), lo = len(in, other);
    bool ok = false;
    switch (op) {
        case ast::CmpOp::Eq:
        case ast::CmpOp::NotEq:
            if (ls == lo) ok = all_contained_in(in, self, other);
            if (op == ast::CmpOp::NotEq) ok = !ok;
            break;
        case ast::CmpOp::Lt: ok = ls < lo && all_contained_in(in, self, other); break;
        case ast::CmpOp::LtE: ok = ls <= lo && all_contained_in(in, self, other); break;
        case ast::CmpOp::Gt: ok = ls > lo && all_contained_in(in, other, self); break;
        case ast::CmpOp::GtE: ok = ls >= lo && all_contained_in(in, other, self); break;
        default: return not_implemented();
    }
    return Value::boolean(ok);
}

// _PyDictView_Intersect(self, other); `self` is a set-like view.
Value view_intersect(Interp& in, Value self, Value other) {
    const int64_t len_self = view_len(self);
    if (other.is_object() && other.type() == types().set && len_self <= len(in, other))
        return call_method(in, other, "intersection", self);
    if (is_set_view(other) && view_len(other) > len_self) std::swap(self, other);
    Ref<Set> result = make_set(types().set);
    Value it = iter(in, other);
    for (Value x = next(in, it); !x.is_undefined(); x = next(in, it))
        if (view_contains(in, self, x)) result->add(in, x);
    return Value(result);
}

// The set operators. In CPython one slot serves both operand orders with the operands
// as written; __rand__ & co. here receive them swapped, so they swap back.
Value view_and(Interp& in, const CallArgs& a) {
    check_onearg(a, "__and__");
    return view_intersect(in, a[0], a[1]);
}
Value view_rand(Interp& in, const CallArgs& a) {
    check_onearg(a, "__rand__");
    return view_intersect(in, a[0], a[1]);
}
Value views_or(Interp& in, const Value& left, const Value& right) {
    Ref<Set> result = to_set(in, left);
    result->update(in, right);
    return Value(result);
}
Value views_sub(Interp& in, const Value& left, const Value& right) {
    Value result(to_set(in, left));
    call_method(in, result, "difference_update", right);
    return result;
}
Value views_xor(Interp& in, const Value& left, const Value& right) {
    Value result(to_set(in, left));
    call_method(in, result, "symmetric_difference_update", right);
    return result;
}
Value view_or(Interp& in, const CallArgs& a) {
    check_onearg(a, "__or__");
    return views_or(in, a[0], a[1]);
}
Value view_ror(Interp& in, const CallArgs& a) {
    check_onearg(a, "__ror__");
    return views_or(in, a[1], a[0]);
}
Value view_sub(Interp& in, const CallArgs& a) {
    check_onearg(a, "__sub__");
    return views_sub(in, a[0], a[1]);
}
Value view_rsub(Interp& in, const CallArgs& a) {
    check_onearg(a, "__rsub__");
    return views_sub(in, a[1], a[0]);
}
Value view_xor(Interp& in, const CallArgs& a) {
    check_onearg(a, "__xor__");
    return views_xor(in, a[0], a[1]);
}
Value view_rxor(Interp& in, const CallArgs& a) {
    check_onearg(a, "__rxor__");
    return views_xor(in, a[1], a[0]);
}

// dictviews_isdisjoint: iterate the shorter operand when both are sized set-likes.
Value view_isdisjoint(Interp& in, const CallArgs& a) {
    check_onearg(a, "isdisjoint");
    Value self = a[0], other = a[1];
    if (self.is(other)) return Value::boolean(view_len(self) == 0);
    if ((is_anyset(other) || is_set_view(other)) && len(in, other) > view_len(self))
        std::swap(self, other);
    Value it = iter(in, other);
    for (Value x = next(in, it); !x.is_undefined(); x = next(in, it))
        if (contains(in, self, x)) return Value::boolean(false);
    return Value::boolean(true);
}

}  // namespace

Value make_dict_view(const Value& d, DictIterKind kind) {
    return Value::adopt(new DictView(view_type(kind), d));
}

void install_dict_views() {
    for (Type* t : {types().dict_keys, types().dict_values, types().dict_items}) {
        // A view is iterable but is not an iterator: iter(view) must call __iter__ (the
        // Kind::iterator types.cpp gives these types would make iter() return the view).
        t->kind = Kind::opaque;
        t->add_method("__len__", view_len_m);
        t->add_method("__iter__", view_iter);
        t->add_method("__reversed__", view_reversed);
        t->add_method("__repr__", view_repr);
    }
    for (Type* t : {types().dict_keys, types().dict_items}) {
        struct {
            const char* name;
            NativeFn fn;
        } const methods[] = {
            {"__contains__", view_contains_m},
            {"__eq__", view_richcompare<ast::CmpOp::Eq>},
            {"__ne__", view_richcompare<ast::CmpOp::NotEq>},
            {"__lt__", view_richcompare<ast::CmpOp::Lt>},
            {"__le__", view_richcompare<ast::CmpOp::LtE>},
            {"__gt__", view_richcompare<ast::CmpOp::Gt>},
            {"__ge__", view_richcompare<ast::CmpOp::GtE>},
            {"__and__", view_and}, {"__rand__", view_rand}, {"__or__", view_or},
            {"__ror__", view_ror}, {"__sub__", view_sub}, {"__rsub__", view_rsub},
            {"__xor__", view_xor}, {"__rxor__", view_rxor}, {"isdisjoint", view_isdisjoint},
        };
        for (const auto& m : methods) t->add_method(m.name, m.fn);
        t->add_attr("__hash__", Value::none());
    }
}

}  // namespace looplab::py
