// The `itertools` module (CPython Modules/itertoolsmodule.c): each iterator is a
// NativeIterator (types.hpp) of its own type, producing values in CPython's order with its
// laziness (islice consumes only what it must; groupby's groups share the iterator).
#include "looplab/py/sequence.hpp"
#include "native_args.hpp"
#include "stdlib_modules.hpp"

namespace looplab::py::stdlib {

namespace {

using argbind::bind_args;
using argbind::Sig;

// An itertools iterator with room for the state the simple NativeIterator fields lack.
struct State : NativeIterator {
    State(Type* t, NextFn n, Value src) : NativeIterator(t, n, std::move(src)) {}
    std::vector<std::vector<Value>> pools;  // product; [0]: the pool of permutations/combinations
    std::vector<Value> values;             // iterators (chain, zip_longest), or the last result
    std::vector<int64_t> indices, cycles;
    Value func, a, b, c;                   // per-iterator meaning, see each type
    bool first = true, done = false;
};
State& st(NativeIterator& it) { return static_cast<State&>(it); }

Type* itertype(const char* name) {
    Type* t = make_type(name, "itertools", Kind::iterator);
    install_iterator_protocol(*t);
    return t;
}

template <class F>
Value make_state(Type* t, NativeIterator::NextFn next, Value src, F&& setup) {
    auto* s = new State(t, next, std::move(src));
    Value v(s);
    setup(*s);
    return v;
}

// ---- count(start=0, step=1) ------------------------------------------------------------------
Type* count_type();
Value count_next(Interp& in, NativeIterator& it) {
    State& s = st(it);
    Value v = s.a;
    s.a = binary_op(in, s.a, s.b, ast::Operator::Add);
    return v;
}
bool is_number(const Value& v) { return v.is_intlike() || v.is_float(); }
Value count_new(Interp&, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, "count", "count", Sig::clinic, 0, 2, v, {"start", "step"});
    Value start = v[0].is_undefined() ? Value::integer(0) : v[0];
    Value step = v[1].is_undefined() ? Value::integer(1) : v[1];
    if (!is_number(start) || !is_number(step)) raise_type_error("a number is required");
    return make_state(count_type(), count_next, Value(), [&](State& s) {
        s.a = start;
        s.b = step;
    });
}
Value count_repr(Interp& in, const CallArgs& a) {
    State& s = st(*static_cast<NativeIterator*>(a[0].obj()));
    std::string r = "count(" + repr(in, s.a);
    if (!(s.b.is_int() && s.b.as_int() == 1)) r += ", " + repr(in, s.b);
    return make_str(r + ")");
}
Type* count_type() {
    static Type* t = [] {
        Type* c = itertype("count");
        c->construct = count_new;
        c->add_method("__repr__", count_repr);
        return c;
    }();
    return t;
}

// ---- cycle(iterable) -------------------------------------------------------------------------
Type* cycle_type() { static Type* t = itertype("cycle"); return t; }
Value cycle_next(Interp& in, NativeIterator& it) {
    State& s = st(it);
    if (!s.done) {
        Value v = next(in, s.source);
        if (!v.is_undefined()) {
            s.values.push_back(v);
            return v;
        }
        s.done = true;
        s.index = 0;
    }
    if (s.values.empty()) return {};
    Value v = s.values[size_t(s.index)];
    s.index = (s.index + 1) % int64_t(s.values.size());
    return v;
}
Value cycle_new(Interp& in, const CallArgs& a) {
    Value v[1];
    bind_args(a, 0, "cycle", "cycle", Sig::checkpos, 1, 1, v);
    return make_state(cycle_type(), cycle_next, iter(in, v[0]), [](State&) {});
}

// ---- repeat(object[, times]) -----------------------------------------------------------------
Type* repeat_type();
Value repeat_next(Interp&, NativeIterator& it) {
    State& s = st(it);
    if (s.end >= 0) {
        if (s.end == 0) return {};
        --s.end;
    }
    return s.a;
}
Value repeat_new(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, "repeat", "repeat", Sig::clinic, 1, 2, v, {"object", "times"});
    int64_t times = v[1].is_undefined() ? -1 : std::max<int64_t>(0, argbind::index_arg(in, v[1]));
    return make_state(repeat_type(), repeat_next, Value(), [&](State& s) {
        s.a = v[0];
        s.end = times;
    });
}
Value repeat_repr(Interp& in, const CallArgs& a) {
    State& s = st(*static_cast<NativeIterator*>(a[0].obj()));
    if (s.end < 0) return make_str("repeat(" + repr(in, s.a) + ")");
    return make_str("repeat(" + repr(in, s.a) + ", " + std::to_string(s.end) + ")");
}
Value repeat_len(Interp&, const CallArgs& a) {
    State& s = st(*static_cast<NativeIterator*>(a[0].obj()));
    if (s.end < 0) raise_type_error("len() of unsized object");
    return Value::integer(s.end);
}
Type* repeat_type() {
    static Type* t = [] {
        Type* r = itertype("repeat");
        r->construct = repeat_new;
        r->add_method("__repr__", repeat_repr);
        r->add_method("__length_hint__", repeat_len);
        return r;
    }();
    return t;
}

// ---- islice(iterable, stop) / islice(iterable, start, stop[, step]) --------------------------
Type* islice_type() { static Type* t = itertype("islice"); return t; }
// islice_next: s.index = items consumed, s.aux = next index to yield, s.end = stop (-1: none).
Value islice_next(Interp& in, NativeIterator& it) {
    State& s = st(it);
    if (s.done) return {};
    while (s.index < s.aux) {
        if (next(in, s.source).is_undefined()) {
            s.done = true;
            return {};
        }
        ++s.index;
    }
    if (s.end != -1 && s.index >= s.end) {
        s.done = true;
        return {};
    }
    Value v = next(in, s.source);
    if (v.is_undefined()) {
        s.done = true;
        return {};
    }
    ++s.index;
    int64_t old = s.aux;
    s.aux += s.step;
    if (s.aux < old || (s.end != -1 && s.aux > s.end)) s.aux = s.end;
    return v;
}
int64_t islice_arg(Interp& in, const Value& v, const char* msg) {
    if (v.is_none()) return -1;
    if (!v.is_intlike() && lookup_special(v, "__index__").is_undefined()) raise_value_error(msg);
    int64_t n = argbind::index_arg(in, v);
    if (n < 0) raise_value_error(msg);
    return n;
}
Value islice_new(Interp& in, const CallArgs& a) {
    check_args(a, "islice", 2, 4);
    int64_t start = 0, stop, step = 1;
    const char* stop_msg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const char* idx_msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    if (a.nargs == 2) {
        stop = islice_arg(in, a[1], stop_msg);
    } else {
        int64_t s0 = islice_arg(in, a[1], idx_msg);
        stop = islice_arg(in, a[2], idx_msg);
        start = s0 < 0 ? 0 : s0;
        if (a.nargs == 4 && !a[3].is_none()) {
            if (!a[3].is_intlike() && lookup_special(a[3], "__index__").is_undefined())
                raise_value_error("Step for islice() must be a positive integer or None.");
            step = argbind::index_arg(in, a[3]);
            if (step < 1) raise_value_error("Step for islice() must be a positive integer or None.");
        }
    }
    Value source = iter(in, a[0]);
    return make_state(islice_type(), islice_next, source, [&](State& s) {
        s.aux = start;
        s.end = stop;
        s.step = step;
    });
}

// ---- chain(*iterables), chain.from_iterable(iterable) ------------------------------------------
Type* chain_type();
// s.source: iterator over the iterables; s.a: the current iterator (undefined: none).
Value chain_next(Interp& in, NativeIterator& it) {
    State& s = st(it);
    for (;;) {
        if (s.a.is_undefined()) {
            if (s.source.is_undefined()) return {};
            Value nxt = next(in, s.source);
            if (nxt.is_undefined()) {
                s.source = Value();
                return {};
            }
            s.a = iter(in, nxt);
        }
        Value v = next(in, s.a);
        if (!v.is_undefined()) return v;
        s.a = Value();
    }
}
Value chain_new(Interp& in, const CallArgs& a) {
    check_args(a, "chain", 0, SIZE_MAX);
    Value all = make_tuple(std::vector<Value>(a.args, a.args + a.nargs));
    return make_state(chain_type(), chain_next, iter(in, all), [](State&) {});
}
Value chain_from_iterable(Interp& in, const CallArgs& a) {
    Value unused[1];
    bind_args(a, 1, "from_iterable", "chain.from_iterable", Sig::one, 1, 1, unused);
    return make_state(chain_type(), chain_next, iter(in, a[1]), [](State&) {});
}
Type* chain_type() {
    static Type* t = [] {
        Type* c = itertype("chain");
        c->construct = chain_new;
        c->add_attr("from_iterable", Value(new ClassMethod(make_native("from_iterable", chain_from_iterable))));
        return c;
    }();
    return t;
}

// ---- product(*iterables, repeat=1) -----------------------------------------------------------
Type* product_type() { static Type* t = itertype("product"); return t; }
Value product_next(Interp&, NativeIterator& it) {
    State& s = st(it);
    if (s.done) return {};
    size_t n = s.pools.size();
    if (s.first) {
        s.first = false;
        for (auto& p : s.pools)
            if (p.empty()) {
                s.done = true;
                return {};
            }
        s.indices.assign(n, 0);
    } else {
        size_t i = n;
        for (;;) {
            if (i == 0) {
                s.done = true;
                return {};
            }
            --i;
            if (++s.indices[i] < int64_t(s.pools[i].size())) break;
            s.indices[i] = 0;
        }
    }
    std::vector<Value> out;
    for (size_t i = 0; i < n; ++i) out.push_back(s.pools[i][size_t(s.indices[i])]);
    return make_tuple(std::move(out));
}
Value product_new(Interp& in, const CallArgs& a) {
    int64_t repeat = 1;
    for (size_t k = 0; k < a.nkw; ++k) {
        if (a.kwnames[k]->s != "repeat") raise_type_error("product() got an unexpected keyword argument '" + a.kwnames[k]->s + "'");
        repeat = argbind::index_arg(in, a.kwvalues[k]);
        if (repeat < 0) raise_value_error("repeat argument cannot be negative");
    }
    std::vector<std::vector<Value>> pools;
    for (size_t i = 0; i < a.nargs; ++i) pools.push_back(to_vector(in, a[i]));
    return make_state(product_type(), product_next, Value(), [&](State& s) {
        for (int64_t r = 0; r < repeat; ++r) s.pools.insert(s.pools.end(), pools.begin(), pools.end());
    });
}

// ---- permutations / combinations / combinations_with_replacement ---------------------------
// The algorithms of the "roughly equivalent" Python code in the itertools docs, which the C
// implementation follows (same output order).
Type* permutations_type() { static Type* t = itertype("permutations"); return t; }
Type* combinations_type() { static Type* t = itertype("combinations"); return t; }
Type* cwr_type() { static Type* t = itertype("combinations_with_replacement"); return t; }

Value pick(const State& s, size_t r) {
    std::vector<Value> out;
    for (size_t i = 0; i < r; ++i) out.push_back(s.pools[0][size_t(s.indices[i])]);
    return make_tuple(std::move(out));
}
Value permutations_next(Interp&, NativeIterator& it) {
    State& s = st(it);
    int64_t n = int64_t(s.pools[0].size()), r = s.aux;
    if (s.done || r > n) return {};
    if (s.first) {
        s.first = false;
        for (int64_t i = 0; i < n; ++i) s.indices.push_back(i);
        for (int64_t i = n; i > n - r; --i) s.cycles.push_back(i);
        return pick(s, size_t(r));
    }
    for (int64_t i = r - 1; i >= 0; --i) {
        if (--s.cycles[size_t(i)] == 0) {
            std::rotate(s.indices.begin() + i, s.indices.begin() + i + 1, s.indices.end());
            s.cycles[size_t(i)] = n - i;
        } else {
            int64_t j = s.cycles[size_t(i)];
            std::swap(s.indices[size_t(i)], s.indices[size_t(n - j)]);
            return pick(s, size_t(r));
        }
    }
    s.done = true;
    return {};
}
Value permutations_new(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, "permutations", "permutations", Sig::clinic, 1, 2, v, {"iterable", "r"});
    std::vector<Value> pool = to_vector(in, v[0]);
    int64_t r = (v[1].is_undefined() || v[1].is_none()) ? int64_t(pool.size()) : argbind::index_arg(in, v[1]);
    if (r < 0) raise_value_error("r must be non-negative");
    return make_state(permutations_type(), permutations_next, Value(), [&](State& s) {
        s.pools.push_back(std::move(pool));
        s.aux = r;
    });
}
Value combinations_next(Interp&, NativeIterator& it) {
    State& s = st(it);
    int64_t n = int64_t(s.pools[0].size()), r = s.aux;
    bool repl = s.type == cwr_type();
    if (s.done || (!repl && r > n) || (repl && n == 0 && r > 0)) return {};
    if (s.first) {
        s.first = false;
        for (int64_t i = 0; i < r; ++i) s.indices.push_back(repl ? 0 : i);
        return pick(s, size_t(r));
    }
    int64_t i = r - 1;
    for (; i >= 0; --i)
        if (repl ? s.indices[size_t(i)] != n - 1 : s.indices[size_t(i)] != i + n - r) break;
    if (i < 0) {
        s.done = true;
        return {};
    }
    if (repl) {
        int64_t v = s.indices[size_t(i)] + 1;
        for (int64_t j = i; j < r; ++j) s.indices[size_t(j)] = v;
    } else {
        ++s.indices[size_t(i)];
        for (int64_t j = i + 1; j < r; ++j) s.indices[size_t(j)] = s.indices[size_t(j - 1)] + 1;
    }
    return pick(s, size_t(r));
}
Value combinations_make(Interp& in, const CallArgs& a, Type* t, const char* name) {
    Value v[2];
    bind_args(a, 0, name, name, Sig::clinic, 2, 2, v, {"iterable", "r"});
    std::vector<Value> pool = to_vector(in, v[0]);
    int64_t r = argbind::index_arg(in, v[1]);
    if (r < 0) raise_value_error("r must be non-negative");
    return make_state(t, combinations_next, Value(), [&](State& s) {
        s.pools.push_back(std::move(pool));
        s.aux = r;
    });
}
Value combinations_new(Interp& in, const CallArgs& a) { return combinations_make(in, a, combinations_type(), "combinations"); }
Value cwr_new(Interp& in, const CallArgs& a) {
    return combinations_make(in, a, cwr_type(), "combinations_with_replacement");
}

// ---- accumulate(iterable, func=None, *, initial=None) ------------------------------------------
Type* accumulate_type() { static Type* t = itertype("accumulate"); return t; }
// s.a: the running total (undefined before the first), s.b: initial still to yield.
Value accumulate_next(Interp& in, NativeIterator& it) {
    State& s = st(it);
    if (!s.b.is_undefined()) {
        s.a = s.b;
        s.b = Value();
        return s.a;
    }
    Value v = next(in, s.source);
    if (v.is_undefined()) return {};
    if (s.a.is_undefined()) s.a = v;
    else if (s.func.is_undefined() || s.func.is_none()) s.a = binary_op(in, s.a, v, ast::Operator::Add);
    else s.a = call(in, s.func, std::vector<Value>{s.a, v});
    return s.a;
}
Value accumulate_new(Interp& in, const CallArgs& a) {
    Value v[3];
    bind_args(a, 0, "accumulate", "accumulate", Sig::clinic, 1, 2, v, {"iterable", "func", "initial"});
    return make_state(accumulate_type(), accumulate_next, iter(in, v[0]), [&](State& s) {
        s.func = v[1];
        if (!v[2].is_undefined() && !v[2].is_none()) s.b = v[2];
    });
}

// ---- groupby(iterable, key=None) and its _grouper ---------------------------------------------
// groupby state: s.func key function, s.a tgtkey, s.b currkey, s.c currvalue,
// s.values[0] the current grouper (its identity says which grouper may still yield).
Type* groupby_type() { static Type* t = itertype("groupby"); return t; }
Type* grouper_type() {
    static Type* t = [] {
        Type* g = make_type("_grouper", "itertools", Kind::iterator);
        install_iterator_protocol(*g);
        return g;
    }();
    return t;
}
bool groupby_step(Interp& in, State& g) {
    Value v = next(in, g.source);
    if (v.is_undefined()) return false;
    Value k = (g.func.is_undefined() || g.func.is_none()) ? v : call(in, g.func, std::vector<Value>{v});
    g.c = v;
    g.b = k;
    return true;
}
Value grouper_next(Interp& in, NativeIterator& it) {
    State& gr = st(it);
    State& g = st(*static_cast<NativeIterator*>(gr.source.obj()));
    if (g.values.empty() || !g.values[0].is(Value(&gr))) return {};
    if (g.c.is_undefined() && !groupby_step(in, g)) return {};
    if (!eq(in, gr.a, g.b)) return {};
    Value r = g.c;
    g.c = Value();
    return r;
}
Value groupby_next(Interp& in, NativeIterator& it) {
    State& g = st(it);
    g.values.clear();
    for (;;) {
        if (g.b.is_undefined()) {
        } else if (g.a.is_undefined()) {
            break;
        } else if (!eq(in, g.a, g.b)) {
            break;
        }
        if (!groupby_step(in, g)) return {};
    }
    g.a = g.b;
    Value grouper = make_state(grouper_type(), grouper_next, Value(&g), [&](State& s) { s.a = g.a; });
    g.values.push_back(grouper);
    return make_tuple({g.b, grouper});
}
Value groupby_new(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, "groupby", "groupby", Sig::clinic, 1, 2, v, {"iterable", "key"});
    return make_state(groupby_type(), groupby_next, iter(in, v[0]), [&](State& s) { s.func = v[1]; });
}

// ---- zip_longest(*iterables, fillvalue=None) -------------------------------------------------
Type* zip_longest_type() { static Type* t = itertype("zip_longest"); return t; }
// s.values: the iterators (undefined once exhausted); s.aux: how many are still active.
Value zip_longest_next(Interp& in, NativeIterator& it) {
    State& s = st(it);
    if (s.values.empty() || s.aux == 0) return {};
    std::vector<Value> out;
    for (auto& i : s.values) {
        Value v;
        if (!i.is_undefined()) {
            v = next(in, i);
            if (v.is_undefined()) {
                i = Value();
                if (--s.aux == 0) return {};
            }
        }
        out.push_back(v.is_undefined() ? s.a : v);
    }
    return make_tuple(std::move(out));
}
Value zip_longest_new(Interp& in, const CallArgs& a) {
    Value fill = Value::none();
    for (size_t k = 0; k < a.nkw; ++k) {
        if (a.kwnames[k]->s != "fillvalue") raise_type_error("zip_longest() got an unexpected keyword argument '" + a.kwnames[k]->s + "'");
        fill = a.kwvalues[k];
    }
    std::vector<Value> its;
    for (size_t i = 0; i < a.nargs; ++i) its.push_back(iter(in, a[i]));
    return make_state(zip_longest_type(), zip_longest_next, Value(), [&](State& s) {
        s.values = std::move(its);
        s.aux = int64_t(s.values.size());
        s.a = fill;
    });
}

// ---- starmap, takewhile, dropwhile, filterfalse, compress, pairwise ---------------------------
Type* starmap_type() { static Type* t = itertype("starmap"); return t; }
Value starmap_next(Interp& in, NativeIterator& it) {
    State& s = st(it);
    Value args = next(in, s.source);
    if (args.is_undefined()) return {};
    return call(in, s.func, to_vector(in, args));
}
Value starmap_new(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, "starmap", "starmap", Sig::checkpos, 2, 2, v);
    return make_state(starmap_type(), starmap_next, iter(in, v[1]), [&](State& s) { s.func = v[0]; });
}

Type* takewhile_type() { static Type* t = itertype("takewhile"); return t; }
Value takewhile_next(Interp& in, NativeIterator& it) {
    State& s = st(it);
    if (s.done) return {};
    Value v = next(in, s.source);
    if (v.is_undefined()) return {};
    if (truthy(in, call(in, s.func, std::vector<Value>{v}))) return v;
    s.done = true;
    return {};
}
Type* dropwhile_type() { static Type* t = itertype("dropwhile"); return t; }
Value dropwhile_next(Interp& in, NativeIterator& it) {
    State& s = st(it);
    for (;;) {
        Value v = next(in, s.source);
        if (v.is_undefined()) return {};
        if (s.done || !truthy(in, call(in, s.func, std::vector<Value>{v}))) {
            s.done = true;
            return v;
        }
    }
}
Type* filterfalse_type() { static Type* t = itertype("filterfalse"); return t; }
Value filterfalse_next(Interp& in, NativeIterator& it) {
    State& s = st(it);
    for (;;) {
        Value v = next(in, s.source);
        if (v.is_undefined()) return {};
        bool keep = s.func.is_none() ? truthy(in, v) : truthy(in, call(in, s.func, std::vector<Value>{v}));
        if (!keep) return v;
    }
}
template <Type* (*T)(), NativeIterator::NextFn F>
Value predicate_new(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, T()->name.c_str(), T()->name, Sig::checkpos, 2, 2, v);
    return make_state(T(), F, iter(in, v[1]), [&](State& s) { s.func = v[0]; });
}

Type* compress_type() { static Type* t = itertype("compress"); return t; }
Value compress_next(Interp& in, NativeIterator& it) {
    State& s = st(it);
    for (;;) {
        Value v = next(in, s.source);
        if (v.is_undefined()) return {};
        Value sel = next(in, s.a);
        if (sel.is_undefined()) return {};
        if (truthy(in, sel)) return v;
    }
}
Value compress_new(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, "compress", "compress", Sig::clinic, 2, 2, v, {"data", "selectors"});
    return make_state(compress_type(), compress_next, iter(in, v[0]), [&](State& s) { s.a = iter(in, v[1]); });
}

Type* pairwise_type() { static Type* t = itertype("pairwise"); return t; }
Value pairwise_next(Interp& in, NativeIterator& it) {
    State& s = st(it);
    if (s.a.is_undefined()) {
        s.a = next(in, s.source);
        if (s.a.is_undefined()) return {};
    }
    Value b = next(in, s.source);
    if (b.is_undefined()) return {};
    Value r = make_tuple({s.a, b});
    s.a = b;
    return r;
}
Value pairwise_new(Interp& in, const CallArgs& a) {
    Value v[1];
    bind_args(a, 0, "pairwise", "pairwise", Sig::checkpos, 1, 1, v);
    return make_state(pairwise_type(), pairwise_next, iter(in, v[0]), [](State&) {});
}

// ---- tee(iterable, n=2): iterators sharing one buffer -----------------------------------------
struct TeeBuffer : OpaqueObject {
    explicit TeeBuffer(Type* t) : OpaqueObject(t) {}
    Value it;
    std::vector<Value> items;
};
Type* teedata_type() { static Type* t = make_type("_tee_dataobject", "itertools", Kind::opaque); return t; }
Type* tee_type() { static Type* t = itertype("_tee"); return t; }
Value tee_next(Interp& in, NativeIterator& it) {
    auto& buf = *static_cast<TeeBuffer*>(it.source.obj());
    if (it.index == int64_t(buf.items.size())) {
        Value v = next(in, buf.it);
        if (v.is_undefined()) return {};
        buf.items.push_back(v);
    }
    return buf.items[size_t(it.index++)];
}
Value tee_new(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_args(a, 0, "tee", "tee", Sig::checkpos, 1, 2, v);
    int64_t n = v[1].is_undefined() ? 2 : argbind::index_arg(in, v[1]);
    if (n < 0) raise_value_error("n must be >= 0");
    auto* buf = new TeeBuffer(teedata_type());
    Value bv(buf);
    buf->it = iter(in, v[0]);
    std::vector<Value> out;
    for (int64_t i = 0; i < n; ++i) out.push_back(Value(new NativeIterator(tee_type(), tee_next, bv)));
    return make_tuple(std::move(out));
}

Value type_with(Type* t, NativeFn construct) {
    t->construct = construct;
    return Value(t);
}

}  // namespace

void init_itertools(Interp& in, Module& m) {
    (void)in;
    Dict& d = *m.dict;
    d.set_str("count", Value(count_type()));
    d.set_str("cycle", type_with(cycle_type(), cycle_new));
    d.set_str("repeat", Value(repeat_type()));
    d.set_str("islice", type_with(islice_type(), islice_new));
    d.set_str("chain", Value(chain_type()));
    d.set_str("product", type_with(product_type(), product_new));
    d.set_str("permutations", type_with(permutations_type(), permutations_new));
    d.set_str("combinations", type_with(combinations_type(), combinations_new));
    d.set_str("combinations_with_replacement", type_with(cwr_type(), cwr_new));
    d.set_str("accumulate", type_with(accumulate_type(), accumulate_new));
    d.set_str("groupby", type_with(groupby_type(), groupby_new));
    d.set_str("zip_longest", type_with(zip_longest_type(), zip_longest_new));
    d.set_str("starmap", type_with(starmap_type(), starmap_new));
    d.set_str("takewhile", type_with(takewhile_type(), predicate_new<takewhile_type, takewhile_next>));
    d.set_str("dropwhile", type_with(dropwhile_type(), predicate_new<dropwhile_type, dropwhile_next>));
    d.set_str("filterfalse", type_with(filterfalse_type(), predicate_new<filterfalse_type, filterfalse_next>));
    d.set_str("compress", type_with(compress_type(), compress_new));
    d.set_str("pairwise", type_with(pairwise_type(), pairwise_new));
    def(m, "tee", tee_new);
}

}  // namespace looplab::py::stdlib
