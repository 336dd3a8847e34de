// The iteration builtins (CPython 3.11 Python/bltinmodule.c and Objects/enumobject.c,
// iterobject.c): len, sorted, min, max, sum, enumerate, zip, map, filter, reversed, any,
// all, iter, next, and the container types bound to their names.
#include <string>

#include "looplab/py/abstract.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/py/sequence.hpp"

namespace looplab::py {

namespace {

[[noreturn]] void stop_iteration() {
    throw_exception(new_exception_args(exc_types().StopIteration, {}));
}

[[noreturn]] void invalid_keyword(const CallArgs& a, size_t i, const char* fname) {
    raise_type_error("'" + a.kwnames[i]->s + "' is an invalid keyword argument for " + fname + "()");
}

// ---- len, any, all, iter, next --------------------------------------------------------------

Value b_len(Interp& in, const CallArgs& a) {
    check_args(a, "len", 1, 1);
    return Value::integer(len(in, a[0]));
}

Value b_any(Interp& in, const CallArgs& a) {
    check_args(a, "any", 1, 1);
    Value it = iter(in, a[0]);
    for (Value x = next(in, it); !x.is_undefined(); x = next(in, it))
        if (truthy(in, x)) return Value::boolean(true);
    return Value::boolean(false);
}

Value b_all(Interp& in, const CallArgs& a) {
    check_args(a, "all", 1, 1);
    Value it = iter(in, a[0]);
    for (Value x = next(in, it); !x.is_undefined(); x = next(in, it))
        if (!truthy(in, x)) return Value::boolean(false);
    return Value::boolean(true);
}

// calliter_iternext: call until the result equals the sentinel (sentinel == result).
Value callable_iter_next(Interp& in, NativeIterator& it) {
    if (it.source.is_undefined()) return Value();
    Value result;
    try {
        result = call(in, it.source, std::vector<Value>{});
    } catch (PyErrorBase& e) {
        if (!exception_matches(*e.exc, exc_types().StopIteration)) throw;
        it.source = Value();
        return Value();
    }
    if (!eq(in, it.extra, result)) return result;
    it.source = Value();
    it.extra = Value();
    return Value();
}

Value b_iter(Interp& in, const CallArgs& a) {
    check_args(a, "iter", 1, 2);
    if (a.nargs == 1) return iter(in, a[0]);
    if (!is_callable(a[0])) raise_type_error("iter(v, w): v must be callable");
    auto* it = new NativeIterator(types().callable_iterator, callable_iter_next, a[0]);
    it->extra = a[1];
    return Value::adopt(it);
}

Value b_next(Interp& in, const CallArgs& a) {
    check_args(a, "next", 1, 2);
    Value v = next(in, a[0]);
    if (!v.is_undefined()) return v;
    if (a.nargs == 2) return a[1];
    stop_iteration();
}

// ---- sorted, min, max, sum ------------------------------------------------------------------

// builtin_sorted: list(iterable), then list.sort with the keyword arguments.
Value b_sorted(Interp& in, const CallArgs& a) {
    if (a.nargs != 1) raise_type_error("sorted expected 1 argument, got " + std::to_string(a.nargs));
    Value key, reverse;
    for (size_t i = 0; i < a.nkw; ++i) {
        const std::string& k = a.kwnames[i]->s;
        if (k == "key") key = a.kwvalues[i];
        else if (k == "reverse") reverse = a.kwvalues[i];
        else invalid_keyword(a, i, "sort");
    }
    Value out = make_list(to_vector(in, a[0]));
    list_sort(in, *out.as<List>(), key, !reverse.is_undefined() && index_value(in, reverse) != 0);
    return out;
}

// min_max: one iterable or several positional arguments; the first of equal extremes wins
// (an item replaces the best only when strictly less / greater).
Value min_max(Interp& in, const CallArgs& a, bool is_min) {
    const char* name = is_min ? "min" : "max";
    if (a.nargs == 0)
        raise_type_error(std::string(name) + " expected at least 1 argument, got 0");
    Value key, dflt;
    for (size_t i = 0; i < a.nkw; ++i) {
        const std::string& k = a.kwnames[i]->s;
        if (k == "key") key = a.kwvalues[i];
        else if (k == "default") dflt = a.kwvalues[i];
        else invalid_keyword(a, i, name);
    }
    const bool positional = a.nargs > 1;
    if (positional && !dflt.is_undefined())
        raise_type_error(std::string("Cannot specify a default for ") + name +
                         "() with multiple positional arguments");
    Value seq = positional ? make_tuple(std::vector<Value>(a.args, a.args + a.nargs)) : a[0];
    Value it = iter(in, seq);
    if (key.is_none()) key = Value();
    Value best_item, best_val;
    const ast::CmpOp op = is_min ? ast::CmpOp::Lt : ast::CmpOp::Gt;
    for (Value item = next(in, it); !item.is_undefined(); item = next(in, it)) {
        Value val = key.is_undefined() ? item : call(in, key, std::vector<Value>{item});
        if (best_val.is_undefined()) {
            best_item = item;
            best_val = val;
        } else if (truthy(in, compare(in, val, best_val, op))) {
            best_item = item;
            best_val = val;
        }
    }
    if (!best_val.is_undefined()) return best_item;
    if (!dflt.is_undefined()) return dflt;
    raise_value_error(std::string(name) + "() arg is an empty sequence");
}

Value b_min(Interp& in, const CallArgs& a) { return min_max(in, a, true); }
Value b_max(Interp& in, const CallArgs& a) { return min_max(in, a, false); }

// builtin_sum_impl (3.11): an exact-int fast path, then a float fast path with plain double
// addition (3.12's compensated summation is not in 3.11), then generic `+`.
Value b_sum(Interp& in, const CallArgs& a) {
    if (a.nargs == 0)
        raise_type_error("sum() takes at least 1 positional argument (0 given)");
    if (a.nargs + a.nkw > 2)
        raise_type_error("sum() takes at most 2 arguments (" + std::to_string(a.nargs + a.nkw) + " given)");
    Value result = a.nargs > 1 ? a[1] : Value::integer(0);
    for (size_t i = 0; i < a.nkw; ++i) {
        if (a.kwnames[i]->s != "start") invalid_keyword(a, i, "sum");
        if (a.nargs > 1)
            raise_type_error("argument for sum() given by name ('start') and position (2)");
        result = a.kwvalues[i];
    }
    if (is_str(result)) raise_type_error("sum() can't sum strings [use ''.join(seq) instead]");
    if (kind_of(result) == Kind::bytes) raise_type_error("sum() can't sum bytes [use b''.join(seq) instead]");
    Value it = iter(in, a[0]);
    if (result.is_int()) {
        int64_t i_result = result.as_int();
        result = Value();
        while (result.is_undefined()) {
            Value item = next(in, it);
            if (item.is_undefined()) return Value::integer(i_result);
            int64_t sum;
            if (item.is_intlike() && !__builtin_add_overflow(i_result, item.as_int(), &sum)) {
                i_result = sum;
                continue;
            }
            result = binary_op(in, Value::integer(i_result), item, ast::Operator::Add);
        }
    }
    if (result.is_float()) {
        double f_result = result.as_float();
        result = Value();
        while (result.is_undefined()) {
            Value item = next(in, it);
            if (item.is_undefined()) return Value::floating(f_result);
            if (item.is_float()) {
                f_result += item.as_float();
                continue;
            }
            if (item.is_intlike()) {
                f_result += double(item.as_int());
                continue;
            }
            result = binary_op(in, Value::floating(f_result), item, ast::Operator::Add);
        }
    }
    for (Value item = next(in, it); !item.is_undefined(); item = next(in, it))
        result = binary_op(in, result, item, ast::Operator::Add);
    return result;
}

// ---- enumerate, zip, map, filter, reversed --------------------------------------------------

// enumerate: source = the iterator, index = the next count.
Value enumerate_next(Interp& in, NativeIterator& it) {
    Value item = next(in, it.source);
    if (item.is_undefined()) return Value();
    return make_tuple({Value::integer(it.index++), std::move(item)});
}

Value enumerate_new(Interp& in, const CallArgs& a) {
    Value iterable, start;
    if (a.nargs + a.nkw > 2)
        raise_type_error("enumerate() takes at most 2 arguments (" + std::to_string(a.nargs + a.nkw) + " given)");
    if (a.nargs > 0) iterable = a[0];
    if (a.nargs > 1) start = a[1];
    for (size_t i = 0; i < a.nkw; ++i) {
        const std::string& k = a.kwnames[i]->s;
        if (k == "iterable" && iterable.is_undefined()) iterable = a.kwvalues[i];
        else if (k == "start" && start.is_undefined()) start = a.kwvalues[i];
        else if (k == "iterable" || k == "start")
            raise_type_error("argument for enumerate() given by name ('" + k + "') and position (" +
                             (k == "iterable" ? "1" : "2") + ")");
        else invalid_keyword(a, i, "enumerate");
    }
    if (iterable.is_undefined()) raise_type_error("enumerate() missing required argument 'iterable'");
    auto* it = new NativeIterator(types().enumerate, enumerate_next, iter(in, iterable));
    Value result = Value::adopt(it);
    it->index = start.is_undefined() ? 0 : index_value(in, start);
    return result;
}

std::string zip_argument_message(size_t i, bool shorter) {
    return "zip() argument " + std::to_string(i + 1) + " is " + (shorter ? "shorter" : "longer") +
           " than argument" + (i == 1 ? " " : "s 1-") + std::to_string(i);
}

// zip_next: extra = tuple of iterators, aux = strict. Without strict, an exhausted zip
// keeps asking its first iterator (as CPython's does).
Value zip_next(Interp& in, NativeIterator& it) {
    const std::vector<Value> iters = it.extra.as<Tuple>()->items;
    if (iters.empty()) return Value();
    std::vector<Value> items;
    items.reserve(iters.size());
    for (size_t i = 0; i < iters.size(); ++i) {
        Value item = next(in, iters[i]);
        if (item.is_undefined()) {
            if (!it.aux) return Value();
            if (i) raise_value_error(zip_argument_message(i, true));
            for (size_t j = 1; j < iters.size(); ++j)
                if (!next(in, iters[j]).is_undefined()) raise_value_error(zip_argument_message(j, false));
            return Value();
        }
        items.push_back(std::move(item));
    }
    return make_tuple(std::move(items));
}

Value zip_new(Interp& in, const CallArgs& a) {
    bool strict = false;
    if (a.nkw > 1)
        raise_type_error("zip() takes at most 1 keyword argument (" + std::to_string(a.nkw) + " given)");
    for (size_t i = 0; i < a.nkw; ++i) {
        if (a.kwnames[i]->s != "strict") invalid_keyword(a, i, "zip");
        strict = truthy(in, a.kwvalues[i]);
    }
    std::vector<Value> iters;
    for (size_t i = 0; i < a.nargs; ++i) iters.push_back(iter(in, a[i]));
    auto* it = new NativeIterator(types().zip, zip_next, Value());
    it->extra = make_tuple(std::move(iters));
    it->aux = strict;
    return Value::adopt(it);
}

// map_next: extra = (function, iterator, ...); stops at the shortest iterable.
Value map_next(Interp& in, NativeIterator& it) {
    const std::vector<Value> parts = it.extra.as<Tuple>()->items;
    std::vector<Value> args;
    args.reserve(parts.size() - 1);
    for (size_t i = 1; i < parts.size(); ++i) {
        Value item = next(in, parts[i]);
        if (item.is_undefined()) return Value();
        args.push_back(std::move(item));
    }
    return call(in, parts[0], std::move(args));
}

Value map_new(Interp& in, const CallArgs& a) {
    check_no_keywords(a, "map");
    if (a.nargs < 2) raise_type_error("map() must have at least two arguments.");
    std::vector<Value> parts{a[0]};
    for (size_t i = 1; i < a.nargs; ++i) parts.push_back(iter(in, a[i]));
    auto* it = new NativeIterator(types().map, map_next, Value());
    it->extra = make_tuple(std::move(parts));
    return Value::adopt(it);
}

// filter_next: extra = the function (None or bool: the items' own truth).
Value filter_next(Interp& in, NativeIterator& it) {
    const bool checktrue = it.extra.is_none() || it.extra.is(Value(types().boolean));
    while (true) {
        Value item = next(in, it.source);
        if (item.is_undefined()) return Value();
        const bool ok = checktrue ? truthy(in, item)
                                  : truthy(in, call(in, it.extra, std::vector<Value>{item}));
        if (ok) return item;
    }
}

Value filter_new(Interp& in, const CallArgs& a) {
    check_no_keywords(a, "filter");
    check_args(a, "filter", 2, 2);
    auto* it = new NativeIterator(types().filter, filter_next, Value());
    Value result = Value::adopt(it);
    it->extra = a[0];
    it->source = iter(in, a[1]);
    return result;
}

// reversed object: seq[index] counting down; IndexError or StopIteration ends it.
Value reversed_next(Interp& in, NativeIterator& it) {
    if (it.index >= 0 && !it.source.is_undefined()) {
        try {
            Value item = getitem(in, it.source, Value::integer(it.index));
            --it.index;
            return item;
        } catch (PyErrorBase& e) {
            if (!exception_matches(*e.exc, exc_types().IndexError) &&
                !exception_matches(*e.exc, exc_types().StopIteration))
                throw;
        }
    }
    it.index = -1;
    it.source = Value();
    return Value();
}

// reversed_new_impl: __reversed__ if the type has one (None: not reversible), otherwise
// any sequence (__getitem__, not a dict) with a length.
Value reversed_new(Interp& in, const CallArgs& a) {
    check_no_keywords(a, "reversed");
    check_positional(a, "reversed", 1, 1, false);
    const Value& seq = a[0];
    const std::string not_reversible = "'" + type_name(seq) + "' object is not reversible";
    if (seq.is_object()) {
        Value meth = lookup_special(seq, "__reversed__");
        if (meth.is_none()) raise_type_error(not_reversible);
        if (!meth.is_undefined()) return call(in, meth, std::vector<Value>{seq});
    }
    if (!seq.is_object() || kind_of(seq) == Kind::dict || lookup_special(seq, "__getitem__").is_undefined())
        raise_type_error(not_reversible);
    const int64_t n = len(in, seq);
    auto* it = new NativeIterator(types().reversed, reversed_next, seq);
    it->index = n - 1;
    return Value::adopt(it);
}

}  // namespace

void install_iteration_builtins(Interp& in, Dict& builtins) {
    (void)in;
    const BuiltinTypes& t = types();
    t.enumerate->construct = enumerate_new;
    t.zip->construct = zip_new;
    t.map->construct = map_new;
    t.filter->construct = filter_new;
    t.reversed->construct = reversed_new;
    for (Type* type : {t.enumerate, t.zip, t.map, t.filter, t.reversed, t.callable_iterator})
        install_iterator_protocol(*type);
    struct {
        const char* name;
        NativeFn fn;
    } const functions[] = {
        {"len", b_len}, {"sorted", b_sorted}, {"min", b_min}, {"max", b_max}, {"sum", b_sum},
        {"any", b_any}, {"all", b_all}, {"iter", b_iter}, {"next", b_next},
    };
    for (const auto& f : functions) builtins.set_str(f.name, make_native(f.name, f.fn));
    struct {
        const char* name;
        Type* type;
    } const classes[] = {
        {"list", t.list}, {"tuple", t.tuple}, {"dict", t.dict}, {"set", t.set},
        {"frozenset", t.frozenset}, {"range", t.range}, {"enumerate", t.enumerate},
        {"zip", t.zip}, {"map", t.map}, {"filter", t.filter}, {"reversed", t.reversed},
    };
    for (const auto& c : classes) builtins.set_str(c.name, Value(c.type));
}

}  // namespace looplab::py
