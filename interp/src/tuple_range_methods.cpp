// tuple's and range's methods (CPython 3.11 Objects/tupleobject.c, rangeobject.c). The
// subscripts, comparisons and reprs they use are in sequence.cpp.
#include "looplab/py/abstract.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/hash.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/py/sequence.hpp"

namespace looplab::py {

namespace {

// ---- tuple ------------------------------------------------------------------------------

const Tuple& self_tuple(const CallArgs& a) { return *a[0].as<Tuple>(); }

// tuple_new_impl: tuple(t) of an exact tuple is t itself.
Value tuple_new(Interp& in, const CallArgs& a) {
    check_no_keywords(a, "tuple");
    check_positional(a, "tuple", 0, 1, false);
    if (a.nargs == 0) return make_tuple({});
    if (a[0].is_object() && a[0].type() == types().tuple) return a[0];
    return make_tuple(to_vector(in, a[0]));
}

Value tuple_len(Interp&, const CallArgs& a) {
    check_noargs(a, "tuple.__len__");
    return Value::integer(int64_t(self_tuple(a).items.size()));
}
Value tuple_getitem_m(Interp& in, const CallArgs& a) {
    check_onearg(a, "tuple.__getitem__");
    return tuple_getitem(in, a[0], a[1]);
}
Value tuple_contains(Interp& in, const CallArgs& a) {
    check_onearg(a, "tuple.__contains__");
    return Value::boolean(items_contain(in, self_tuple(a).items, a[1]));
}
Value tuple_iter(Interp&, const CallArgs& a) {
    check_noargs(a, "tuple.__iter__");
    return make_tuple_iterator(a[0]);
}
Value tuple_repr_m(Interp& in, const CallArgs& a) {
    check_noargs(a, "tuple.__repr__");
    return make_str(tuple_repr(in, self_tuple(a)));
}
Value tuple_hash_m(Interp& in, const CallArgs& a) {
    check_noargs(a, "tuple.__hash__");
    return Value::integer(tuple_hash(in, self_tuple(a)));
}
Value tuple_add(Interp& in, const CallArgs& a) {
    check_onearg(a, "tuple.__add__");
    if (kind_of(a[1]) != Kind::tuple) return not_implemented();
    return sequence_concat(in, a[0], a[1]);
}
Value tuple_mul(Interp& in, const CallArgs& a) {
    check_onearg(a, "tuple.__mul__");
    if (!is_index(a[1])) return not_implemented();
    return sequence_repeat(in, a[0], a[1]);
}
Value tuple_index(Interp& in, const CallArgs& a) {
    check_positional(a, "index", 1, 3);
    const int64_t i = sequence_find(in, a[0], a);
    if (i < 0) raise_value_error("tuple.index(x): x not in tuple");
    return Value::integer(i);
}
Value tuple_count(Interp& in, const CallArgs& a) {
    check_onearg(a, "tuple.count");
    return Value::integer(sequence_count(in, self_tuple(a).items, a[1]));
}

// ---- range ------------------------------------------------------------------------------

const Range& self_range(const CallArgs& a) { return *a[0].as<Range>(); }

// range_new: range(stop) / range(start, stop[, step]); every argument goes through
// __index__ ("'float' object cannot be interpreted as an integer").
Value range_new(Interp& in, const CallArgs& a) {
    check_no_keywords(a, "range");
    check_positional(a, "range", 1, 3, false);
    if (a.nargs == 1) return make_range(0, index_value(in, a[0]), 1);
    const int64_t start = index_value(in, a[0]);
    const int64_t stop = index_value(in, a[1]);
    const int64_t step = a.nargs == 3 ? index_value(in, a[2]) : 1;
    if (step == 0) raise_value_error("range() arg 3 must not be zero");
    return make_range(start, stop, step);
}

Value range_len(Interp&, const CallArgs& a) {
    check_noargs(a, "range.__len__");
    return Value::integer(self_range(a).length());
}
Value range_getitem_m(Interp& in, const CallArgs& a) {
    check_onearg(a, "range.__getitem__");
    return range_getitem(in, self_range(a), a[1]);
}
Value range_contains_m(Interp& in, const CallArgs& a) {
    check_onearg(a, "range.__contains__");
    return Value::boolean(range_contains(in, self_range(a), a[1]));
}
Value range_iter(Interp&, const CallArgs& a) {
    check_noargs(a, "range.__iter__");
    return make_range_iterator(self_range(a), false);
}
Value range_reversed(Interp&, const CallArgs& a) {
    check_noargs(a, "range.__reversed__");
    return make_range_iterator(self_range(a), true);
}
Value range_repr_m(Interp&, const CallArgs& a) {
    check_noargs(a, "range.__repr__");
    return make_str(range_repr(self_range(a)));
}
Value range_eq(Interp&, const CallArgs& a) {
    check_onearg(a, "range.__eq__");
    if (kind_of(a[1]) != Kind::range) return not_implemented();
    return Value::boolean(range_equals(self_range(a), *a[1].as<Range>()));
}
Value range_ne(Interp&, const CallArgs& a) {
    check_onearg(a, "range.__ne__");
    if (kind_of(a[1]) != Kind::range) return not_implemented();
    return Value::boolean(!range_equals(self_range(a), *a[1].as<Range>()));
}

// range_hash: hash((len, start, step)), with None for start and step of an empty range
// and None for the step of a one-item range, so equal ranges hash alike.
Value range_hash(Interp& in, const CallArgs& a) {
    check_noargs(a, "range.__hash__");
    const Range& r = self_range(a);
    const int64_t len = r.length();
    const int64_t lanes[3] = {
        hash_int(len),
        len == 0 ? hash(in, Value::none()) : hash_int(r.start),
        len <= 1 ? hash(in, Value::none()) : hash_int(r.step),
    };
    return Value::integer(hash_tuple(lanes));
}

// range_index / range_count: arithmetic for ints and bools, a linear == search otherwise.
Value range_index(Interp& in, const CallArgs& a) {
    check_onearg(a, "range.index");
    const Range& r = self_range(a);
    const Value& x = a[1];
    if (x.is_intlike()) {
        if (!range_contains(in, r, x)) raise_value_error(repr(in, x) + " is not in range");
        return Value::integer(int64_t((__int128(x.as_int()) - r.start) / r.step));
    }
    const int64_t len = r.length();
    for (int64_t k = 0; k < len; ++k) {
        Value item = Value::integer(int64_t(uint64_t(r.start) + uint64_t(k) * uint64_t(r.step)));
        if (eq(in, item, x)) return Value::integer(k);
    }
    raise_value_error("sequence.index(x): x not in sequence");
}

Value range_count(Interp& in, const CallArgs& a) {
    check_onearg(a, "range.count");
    const Range& r = self_range(a);
    const Value& x = a[1];
    if (x.is_intlike()) return Value::integer(range_contains(in, r, x) ? 1 : 0);
    int64_t count = 0;
    const int64_t len = r.length();
    for (int64_t k = 0; k < len; ++k) {
        Value item = Value::integer(int64_t(uint64_t(r.start) + uint64_t(k) * uint64_t(r.step)));
        if (eq(in, item, x)) ++count;
    }
    return Value::integer(count);
}

// r.start / r.stop / r.step are read-only members in CPython: properties here.
Value range_start(Interp&, const CallArgs& a) { return Value::integer(self_range(a).start); }
Value range_stop(Interp&, const CallArgs& a) { return Value::integer(self_range(a).stop); }
Value range_step(Interp&, const CallArgs& a) { return Value::integer(self_range(a).step); }

}  // namespace

void install_tuple_methods(Type& t) {
    t.construct = tuple_new;
    struct {
        const char* name;
        NativeFn fn;
    } const methods[] = {
        {"__len__", tuple_len}, {"__getitem__", tuple_getitem_m},
        {"__contains__", tuple_contains}, {"__iter__", tuple_iter}, {"__repr__", tuple_repr_m},
        {"__hash__", tuple_hash_m}, {"__add__", tuple_add}, {"__mul__", tuple_mul},
        {"__rmul__", tuple_mul}, {"index", tuple_index}, {"count", tuple_count},
    };
    for (const auto& m : methods) t.add_method(m.name, m.fn);
    install_sequence_comparisons(t);
    install_iterator_protocol(*types().tuple_iterator);
}

void install_range_methods(Type& t) {
    t.construct = range_new;
    struct {
        const char* name;
        NativeFn fn;
    } const methods[] = {
        {"__len__", range_len}, {"__getitem__", range_getitem_m},
        {"__contains__", range_contains_m}, {"__iter__", range_iter},
        {"__reversed__", range_reversed}, {"__repr__", range_repr_m}, {"__eq__", range_eq},
        {"__ne__", range_ne}, {"__hash__", range_hash}, {"index", range_index},
        {"count", range_count},
    };
    for (const auto& m : methods) t.add_method(m.name, m.fn);
    t.add_attr("start", Value(new Property(make_native("start", range_start), Value::none())));
    t.add_attr("stop", Value(new Property(make_native("stop", range_stop), Value::none())));
    t.add_attr("step", Value(new Property(make_native("step", range_step), Value::none())));
    install_iterator_protocol(*types().range_iterator);
}

}  // namespace looplab::py
