// list's methods (CPython 3.11 Objects/listobject.c). Subscripts, comparison,
// concatenation and reprs are shared with tuple in sequence.cpp; tuple's and range's
// methods are in tuple_range_methods.cpp.
#include <algorithm>

#include "looplab/py/abstract.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/py/sequence.hpp"

namespace looplab::py {

// ---- sort (the algorithm is in list_sort.cpp) ---------------------------------------------

// list.sort: while sorting, the list is empty (its items are held aside), so code run by
// key functions and comparisons sees []; if that code put anything into the list, the
// sort's result still wins and ValueError("list modified during sort") is raised.
// Reverse sorts are stable: reverse, sort, reverse back (as listsort does).
void list_sort(Interp& in, List& l, const Value& key, bool reverse) {
    std::vector<Value> items;
    items.swap(l.items);
    const size_t n = items.size();
    std::vector<size_t> perm(n);
    for (size_t i = 0; i < n; ++i) perm[i] = reverse ? n - 1 - i : i;
    auto finish = [&] {
        std::vector<Value> out;
        out.reserve(n);
        for (size_t i = 0; i < n; ++i) out.push_back(std::move(items[perm[reverse ? n - 1 - i : i]]));
        const bool modified = l.items.capacity() != 0;
        std::vector<Value> intruders;
        intruders.swap(l.items);
        l.items.swap(out);
        return modified;
    };
    try {
        std::vector<Value> keys;
        if (!key.is_undefined() && !key.is_none()) {
            keys.reserve(n);
            for (size_t i = 0; i < n; ++i) keys.push_back(call(in, key, std::vector<Value>{items[i]}));
        }
        timsort(in, keys.empty() ? items : keys, perm);
    } catch (...) {
        finish();
        throw;
    }
    if (finish()) raise_value_error("list modified during sort");
}

// ---- methods ------------------------------------------------------------------------------

namespace {

List& self_list(const CallArgs& a) { return *a[0].as<List>(); }

Value list_new(Interp& in, const CallArgs& a) {
    check_no_keywords(a, "list");
    check_positional(a, "list", 0, 1, false);
    Value out = make_list({});
    if (a.nargs == 1) list_extend(in, *out.as<List>(), a[0]);
    return out;
}

Value list_append(Interp&, const CallArgs& a) {
    check_onearg(a, "list.append");
    self_list(a).items.push_back(a[1]);
    return Value::none();
}

Value list_extend_m(Interp& in, const CallArgs& a) {
    check_onearg(a, "list.extend");
    list_extend(in, self_list(a), a[1]);
    return Value::none();
}

Value list_insert(Interp& in, const CallArgs& a) {
    check_positional(a, "insert", 2, 2);
    int64_t i = index_value(in, a[1]);
    auto& items = self_list(a).items;
    const int64_t n = int64_t(items.size());
    if (i < 0) i = std::max<int64_t>(i + n, 0);
    if (i > n) i = n;
    items.insert(items.begin() + i, a[2]);
    return Value::none();
}

Value list_pop(Interp& in, const CallArgs& a) {
    check_positional(a, "pop", 0, 1);
    int64_t i = a.nargs > 1 ? index_value(in, a[1]) : -1;
    auto& items = self_list(a).items;
    const int64_t n = int64_t(items.size());
    if (n == 0) raise(exc_types().IndexError, "pop from empty list");
    if (i < 0) i += n;
    if (i < 0 || i >= n) raise(exc_types().IndexError, "pop index out of range");
    Value v = std::move(items[size_t(i)]);
    items.erase(items.begin() + i);
    return v;
}

// _PyEval_SliceIndexNotNone for index()'s start/stop.
int64_t slice_bound(Interp& in, const Value& v) {
    if (!is_index(v)) raise_type_error("slice indices must be integers or have an __index__ method");
    return index_value(in, v);
}

// list.index / tuple.index: start and stop clamp like slice bounds; the items are re-read
// each step because __eq__ may change the list.
int64_t find_index(Interp& in, const Value& seq, const CallArgs& a) {
    const Value x = a[1];
    auto size = [&] {
        return int64_t(kind_of(seq) == Kind::list ? seq.as<List>()->items.size()
                                                  : seq.as<Tuple>()->items.size());
    };
    int64_t start = a.nargs > 2 ? slice_bound(in, a[2]) : 0;
    int64_t stop = a.nargs > 3 ? slice_bound(in, a[3]) : INT64_MAX;
    if (start < 0) start = std::max<int64_t>(start + size(), 0);
    if (stop < 0) stop = std::max<int64_t>(stop + size(), 0);
    for (int64_t i = start; i < stop && i < size(); ++i) {
        Value item = kind_of(seq) == Kind::list ? seq.as<List>()->items[size_t(i)]
                                                : seq.as<Tuple>()->items[size_t(i)];
        if (eq(in, item, x)) return i;
    }
    return -1;
}

Value list_index(Interp& in, const CallArgs& a) {
    check_positional(a, "index", 1, 3);
    const int64_t i = find_index(in, a[0], a);
    if (i < 0) raise_value_error(repr(in, a[1]) + " is not in list");
    return Value::integer(i);
}

int64_t count_items(Interp& in, const std::vector<Value>& items, const Value& x) {
    int64_t count = 0;
    for (size_t i = 0; i < items.size(); ++i) {
        Value item = items[i];
        if (eq(in, item, x)) ++count;
    }
    return count;
}

Value list_count(Interp& in, const CallArgs& a) {
    check_onearg(a, "list.count");
    return Value::integer(count_items(in, self_list(a).items, a[1]));
}

Value list_remove(Interp& in, const CallArgs& a) {
    check_onearg(a, "list.remove");
    auto& items = self_list(a).items;
    for (size_t i = 0; i < items.size(); ++i) {
        Value item = items[i];
        if (eq(in, item, a[1])) {
            if (i < items.size()) {
                Value old = std::move(items[i]);
                items.erase(items.begin() + ptrdiff_t(i));
            }
            return Value::none();
        }
    }
    raise_value_error("list.remove(x): x not in list");
}

Value list_clear(Interp&, const CallArgs& a) {
    check_noargs(a, "list.clear");
    std::vector<Value> old;
    old.swap(self_list(a).items);  // the list is empty before the items are released
    release_items_reversed(old);   // last to first, as listobject.c _list_clear
    return Value::none();
}

Value list_copy(Interp&, const CallArgs& a) {
    check_noargs(a, "list.copy");
    return make_list(self_list(a).items);
}

Value list_reverse(Interp&, const CallArgs& a) {
    check_noargs(a, "list.reverse");
    std::reverse(self_list(a).items.begin(), self_list(a).items.end());
    return Value::none();
}

// list.sort(*, key=None, reverse=False)
Value list_sort_m(Interp& in, const CallArgs& a) {
    if (a.nargs > 1) raise_type_error("sort() takes no positional arguments");
    Value key, reverse;
    for (size_t i = 0; i < a.nkw; ++i) {
        const std::string& k = a.kwnames[i]->s;
        if (k == "key") key = a.kwvalues[i];
        else if (k == "reverse") reverse = a.kwvalues[i];
        else raise_type_error("'" + k + "' is an invalid keyword argument for sort()");
    }
    list_sort(in, self_list(a), key, !reverse.is_undefined() && index_value(in, reverse) != 0);
    return Value::none();
}

Value list_len(Interp&, const CallArgs& a) {
    check_noargs(a, "list.__len__");
    return Value::integer(int64_t(self_list(a).items.size()));
}
Value list_getitem_m(Interp& in, const CallArgs& a) {
    check_onearg(a, "list.__getitem__");
    return list_getitem(in, self_list(a), a[1]);
}
Value list_setitem_m(Interp& in, const CallArgs& a) {
    check_positional(a, "__setitem__", 2, 2);
    list_setitem(in, self_list(a), a[1], a[2]);
    return Value::none();
}
Value list_delitem_m(Interp& in, const CallArgs& a) {
    check_onearg(a, "list.__delitem__");
    list_delitem(in, self_list(a), a[1]);
    return Value::none();
}
Value list_contains(Interp& in, const CallArgs& a) {
    check_onearg(a, "list.__contains__");
    return Value::boolean(items_contain(in, self_list(a).items, a[1]));
}
Value list_iter(Interp&, const CallArgs& a) {
    check_noargs(a, "list.__iter__");
    return make_list_iterator(a[0]);
}
Value list_reversed(Interp&, const CallArgs& a) {
    check_noargs(a, "list.__reversed__");
    return make_list_reverse_iterator(a[0]);
}
Value list_repr_m(Interp& in, const CallArgs& a) {
    check_noargs(a, "list.__repr__");
    return make_str(list_repr(in, self_list(a)));
}

// The number slots return NotImplemented for foreign operands: abstract.cpp then tries the
// other operand and finally raises CPython's "can only concatenate list" message.
Value list_add(Interp& in, const CallArgs& a) {
    check_onearg(a, "list.__add__");
    if (kind_of(a[1]) != Kind::list) return not_implemented();
    return sequence_concat(in, a[0], a[1]);
}
Value list_mul(Interp& in, const CallArgs& a) {
    check_onearg(a, "list.__mul__");
    if (!is_index(a[1])) return not_implemented();
    return sequence_repeat(in, a[0], a[1]);
}
Value list_iadd(Interp& in, const CallArgs& a) {
    check_onearg(a, "list.__iadd__");
    return list_inplace_concat(in, a[0], a[1]);
}
Value list_imul(Interp& in, const CallArgs& a) {
    check_onearg(a, "list.__imul__");
    if (!is_index(a[1])) return not_implemented();
    return list_inplace_repeat(in, a[0], a[1]);
}

template <ast::CmpOp op>
Value seq_richcompare(Interp& in, const CallArgs& a) {
    check_onearg(a, "__eq__");
    return sequence_compare(in, a[0], a[1], op);
}

}  // namespace

// Rich comparisons shared by list and tuple (sequence_compare returns NotImplemented for
// mixed kinds).
void install_sequence_comparisons(Type& t) {
    t.add_method("__eq__", seq_richcompare<ast::CmpOp::Eq>);
    t.add_method("__ne__", seq_richcompare<ast::CmpOp::NotEq>);
    t.add_method("__lt__", seq_richcompare<ast::CmpOp::Lt>);
    t.add_method("__le__", seq_richcompare<ast::CmpOp::LtE>);
    t.add_method("__gt__", seq_richcompare<ast::CmpOp::Gt>);
    t.add_method("__ge__", seq_richcompare<ast::CmpOp::GtE>);
}

int64_t sequence_count(Interp& in, const std::vector<Value>& items, const Value& x) {
    return count_items(in, items, x);
}
int64_t sequence_find(Interp& in, const Value& seq, const CallArgs& a) { return find_index(in, seq, a); }

void install_list_methods(Type& list, Type& tuple) {
    list.construct = list_new;
    struct {
        const char* name;
        NativeFn fn;
    } const methods[] = {
        {"append", list_append}, {"extend", list_extend_m}, {"insert", list_insert},
        {"pop", list_pop}, {"remove", list_remove}, {"index", list_index},
        {"count", list_count}, {"clear", list_clear}, {"copy", list_copy},
        {"reverse", list_reverse}, {"sort", list_sort_m}, {"__len__", list_len},
        {"__getitem__", list_getitem_m}, {"__setitem__", list_setitem_m},
        {"__delitem__", list_delitem_m}, {"__contains__", list_contains}, {"__iter__", list_iter},
        {"__reversed__", list_reversed}, {"__repr__", list_repr_m}, {"__add__", list_add},
        {"__mul__", list_mul}, {"__rmul__", list_mul}, {"__iadd__", list_iadd},
        {"__imul__", list_imul},
    };
    for (const auto& m : methods) list.add_method(m.name, m.fn);
    list.add_attr("__hash__", Value::none());  // lists are unhashable
    install_sequence_comparisons(list);
    install_iterator_protocol(*types().list_iterator);
    install_tuple_methods(tuple);
    install_range_methods(*types().range);
}

}  // namespace looplab::py
