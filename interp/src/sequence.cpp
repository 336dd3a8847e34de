// The sequence protocol of list, tuple and range (CPython 3.11 Objects/listobject.c
// list_subscript/list_ass_subscript, tupleobject.c, rangeobject.c and abstract.c's
// sequence_repeat): indexing, slicing, slice assignment, comparison, concatenation,
// repetition, reprs, iterators and the argument-count messages the methods share.
#include "looplab/py/sequence.hpp"

#include <algorithm>

#include "looplab/py/abstract.hpp"
#include "looplab/py/exceptions.hpp"

namespace looplab::py {

// ---- indices ------------------------------------------------------------------------------

bool is_index(const Value& v) {
    if (v.is_intlike()) return true;
    return v.is_object() && !lookup_special(v, "__index__").is_undefined();
}

int64_t index_value(Interp& in, const Value& v) {
    if (v.is_intlike()) return v.as_int();
    if (v.is_object()) {
        Value m = lookup_special(v, "__index__");
        if (!m.is_undefined()) {
            Value r = call(in, m, std::vector<Value>{v});
            if (!r.is_intlike())
                raise_type_error("__index__ returned non-int (type " + type_name(r) + ")");
            return r.as_int();
        }
    }
    raise_type_error("'" + type_name(v) + "' object cannot be interpreted as an integer");
}

// ---- argument checks ------------------------------------------------------------------------

void check_no_keywords(const CallArgs& a, const char* name) {
    if (a.nkw != 0) raise_type_error(std::string(name) + "() takes no keyword arguments");
}

void check_noargs(const CallArgs& a, const char* qualname) {
    check_no_keywords(a, qualname);
    if (a.nargs != 1)
        raise_type_error(std::string(qualname) + "() takes no arguments (" +
                         std::to_string(a.nargs - 1) + " given)");
}

void check_onearg(const CallArgs& a, const char* qualname) {
    check_no_keywords(a, qualname);
    if (a.nargs != 2)
        raise_type_error(std::string(qualname) + "() takes exactly one argument (" +
                         std::to_string(a.nargs - 1) + " given)");
}

// _PyArg_CheckPositional
void check_positional(const CallArgs& a, const char* name, size_t min, size_t max, bool self) {
    check_no_keywords(a, name);
    const size_t n = a.nargs - (self ? 1 : 0);
    if (n < min)
        raise_type_error(std::string(name) + " expected " + (min == max ? "" : "at least ") +
                         std::to_string(min) + " argument" + (min == 1 ? "" : "s") + ", got " +
                         std::to_string(n));
    if (n > max)
        raise_type_error(std::string(name) + " expected " + (min == max ? "" : "at most ") +
                         std::to_string(max) + " argument" + (max == 1 ? "" : "s") + ", got " +
                         std::to_string(n));
}

// ---- Py_ReprEnter / Py_ReprLeave ------------------------------------------------------------

namespace {
thread_local std::vector<const Object*> repr_stack;
}

ReprGuard::ReprGuard(const Object* o) : o_(o) {
    entered_ = std::find(repr_stack.begin(), repr_stack.end(), o) == repr_stack.end();
    if (entered_) repr_stack.push_back(o);
}

ReprGuard::~ReprGuard() {
    if (!entered_) return;
    auto it = std::find(repr_stack.rbegin(), repr_stack.rend(), o_);
    if (it != repr_stack.rend()) repr_stack.erase(std::next(it).base());
}

// ---- helpers ---------------------------------------------------------------------------------

namespace {

bool is_list(const Value& v) { return v.is_object() && kind_of(v) == Kind::list; }
bool is_tuple(const Value& v) { return v.is_object() && kind_of(v) == Kind::tuple; }

const std::vector<Value>& items_of(const Value& v) {
    return kind_of(v) == Kind::list ? v.as<List>()->items : v.as<Tuple>()->items;
}

// PySequence_Fast(v, message): v's items; `message` replaces iter()'s TypeError.
std::vector<Value> sequence_fast(Interp& in, const Value& v, const char* message) {
    if (is_list(v) || is_tuple(v)) return items_of(v);
    Value it;
    try {
        it = iter(in, v);
    } catch (PyErrorBase& e) {
        if (!exception_matches(*e.exc, exc_types().TypeError)) throw;
        raise_type_error(message);
    }
    std::vector<Value> out;
    for (Value x = next(in, it); !x.is_undefined(); x = next(in, it)) out.push_back(std::move(x));
    return out;
}

Value slice_items(Interp& in, const std::vector<Value>& items, const Slice& s, bool tuple) {
    int64_t start = 0, stop = 0, step = 1;
    const int64_t n = s.indices(in, int64_t(items.size()), start, stop, step);
    std::vector<Value> out;
    out.reserve(size_t(n));
    for (int64_t k = 0, cur = start; k < n; ++k, cur += step) out.push_back(items[size_t(cur)]);
    return tuple ? make_tuple(std::move(out)) : make_list(std::move(out));
}

// list_ass_slice: replace items[ilow:ihigh] by v's items (v null: delete).
void list_ass_slice(Interp& in, List& l, int64_t ilow, int64_t ihigh, const Value* v) {
    std::vector<Value> repl;
    if (v) repl = sequence_fast(in, *v, "can only assign an iterable");  // copies a[:] = a too
    const int64_t n = int64_t(l.items.size());
    ilow = std::clamp<int64_t>(ilow, 0, n);
    ihigh = std::clamp<int64_t>(ihigh, ilow, n);
    std::vector<Value> removed(std::make_move_iterator(l.items.begin() + ilow),
                               std::make_move_iterator(l.items.begin() + ihigh));
    l.items.erase(l.items.begin() + ilow, l.items.begin() + ihigh);
    l.items.insert(l.items.begin() + ilow, std::make_move_iterator(repl.begin()),
                   std::make_move_iterator(repl.end()));
}  // `removed` is released after the list is consistent

}  // namespace

// ---- subscripts ------------------------------------------------------------------------------

Value list_getitem(Interp& in, const List& l, const Value& key) {
    if (is_index(key)) {
        int64_t i = index_value(in, key);
        const int64_t n = int64_t(l.items.size());
        if (i < 0) i += n;
        if (i < 0 || i >= n) raise(exc_types().IndexError, "list index out of range");
        return l.items[size_t(i)];
    }
    if (kind_of(key) == Kind::slice) return slice_items(in, l.items, *key.as<Slice>(), false);
    raise_type_error("list indices must be integers or slices, not " + type_name(key));
}

void list_setitem(Interp& in, List& l, const Value& key, Value v) {
    if (is_index(key)) {
        int64_t i = index_value(in, key);
        const int64_t n = int64_t(l.items.size());
        if (i < 0) i += n;
        if (i < 0 || i >= n) raise(exc_types().IndexError, "list assignment index out of range");
        Value old = std::move(l.items[size_t(i)]);
        l.items[size_t(i)] = std::move(v);
        return;
    }
    if (kind_of(key) != Kind::slice)
        raise_type_error("list indices must be integers or slices, not " + type_name(key));
    int64_t start = 0, stop = 0, step = 1;
    const int64_t slicelen =
        key.as<Slice>()->indices(in, int64_t(l.items.size()), start, stop, step);
    if (step == 1) return list_ass_slice(in, l, start, stop, &v);
    // Extended slice: exactly slicelen items (a[::-1] = a works on a copy).
    std::vector<Value> seq = sequence_fast(in, v, "must assign iterable to extended slice");
    if (int64_t(seq.size()) != slicelen)
        raise_value_error("attempt to assign sequence of size " + std::to_string(seq.size()) +
                          " to extended slice of size " + std::to_string(slicelen));
    std::vector<Value> old;
    old.reserve(seq.size());
    for (int64_t k = 0, cur = start; k < slicelen; ++k, cur += step) {
        old.push_back(std::move(l.items[size_t(cur)]));
        l.items[size_t(cur)] = std::move(seq[size_t(k)]);
    }
}

void list_delitem(Interp& in, List& l, const Value& key) {
    if (is_index(key)) {
        int64_t i = index_value(in, key);
        const int64_t n = int64_t(l.items.size());
        if (i < 0) i += n;
        if (i < 0 || i >= n) raise(exc_types().IndexError, "list assignment index out of range");
        Value old = std::move(l.items[size_t(i)]);
        l.items.erase(l.items.begin() + i);
        return;
    }
    if (kind_of(key) != Kind::slice)
        raise_type_error("list indices must be integers or slices, not " + type_name(key));
    int64_t start = 0, stop = 0, step = 1;
    const int64_t slicelen =
        key.as<Slice>()->indices(in, int64_t(l.items.size()), start, stop, step);
    if (step == 1) return list_ass_slice(in, l, start, stop, nullptr);
    if (slicelen <= 0) return;
    std::vector<bool> dead(l.items.size(), false);
    for (int64_t k = 0, cur = start; k < slicelen; ++k, cur += step) dead[size_t(cur)] = true;
    std::vector<Value> keep, removed;
    keep.reserve(l.items.size() - size_t(slicelen));
    for (size_t i = 0; i < l.items.size(); ++i)
        (dead[i] ? removed : keep).push_back(std::move(l.items[i]));
    l.items.swap(keep);
}

Value tuple_getitem(Interp& in, const Value& tuple, const Value& key) {
    const Tuple& t = *tuple.as<Tuple>();
    if (is_index(key)) {
        int64_t i = index_value(in, key);
        const int64_t n = int64_t(t.items.size());
        if (i < 0) i += n;
        if (i < 0 || i >= n) raise(exc_types().IndexError, "tuple index out of range");
        return t.items[size_t(i)];
    }
    if (kind_of(key) == Kind::slice) {
        int64_t start = 0, stop = 0, step = 1;
        const int64_t n = key.as<Slice>()->indices(in, int64_t(t.items.size()), start, stop, step);
        // tuplesubscript: a full slice of an exact tuple is the tuple itself.
        if (start == 0 && step == 1 && n == int64_t(t.items.size()) && tuple.type() == types().tuple)
            return tuple;
        return slice_items(in, t.items, *key.as<Slice>(), true);
    }
    raise_type_error("tuple indices must be integers or slices, not " + type_name(key));
}

// range_subscript: an item, or (compute_slice) a new range over the selected values.
Value range_getitem(Interp& in, const Range& r, const Value& key) {
    const int64_t len = r.length();
    if (is_index(key)) {
        int64_t i = index_value(in, key);
        if (i < 0) i += len;
        if (i < 0 || i >= len) raise(exc_types().IndexError, "range object index out of range");
        return Value::integer(int64_t(uint64_t(r.start) + uint64_t(i) * uint64_t(r.step)));
    }
    if (kind_of(key) == Kind::slice) {
        int64_t start = 0, stop = 0, step = 1;
        key.as<Slice>()->indices(in, len, start, stop, step);
        auto at = [&](int64_t k) { return int64_t(uint64_t(r.start) + uint64_t(k) * uint64_t(r.step)); };
        return make_range(at(start), at(stop), r.step * step);
    }
    raise_type_error("range indices must be integers or slices, not " + type_name(key));
}

// ---- comparison, hashing, membership ---------------------------------------------------------

// list_richcompare / tuplerichcompare: the first index where the items differ (identity or
// ==) decides; with none, the lengths do.
Value sequence_compare(Interp& in, const Value& a, const Value& b, ast::CmpOp op) {
    using ast::CmpOp;
    const bool lists = is_list(a) && is_list(b);
    if (!lists && !(is_tuple(a) && is_tuple(b))) return not_implemented();
    const std::vector<Value>& va = items_of(a);
    const std::vector<Value>& vb = items_of(b);
    if (lists && va.size() != vb.size() && (op == CmpOp::Eq || op == CmpOp::NotEq))
        return Value::boolean(op == CmpOp::NotEq);
    size_t i = 0;
    for (; i < va.size() && i < vb.size(); ++i) {  // user __eq__ may resize the lists
        Value x = va[i], y = vb[i];
        // Identity first, as PyObject_RichCompareBool; floats are values here, not objects,
        // so two NaNs are never "the same object" (eq() makes the same choice).
        if (x.is(y) && !x.is_float()) continue;
        if (!eq(in, x, y)) break;
    }
    if (i >= va.size() || i >= vb.size()) {
        const size_t la = va.size(), lb = vb.size();
        switch (op) {
            case CmpOp::Eq: return Value::boolean(la == lb);
            case CmpOp::NotEq: return Value::boolean(la != lb);
            case CmpOp::Lt: return Value::boolean(la < lb);
            case CmpOp::LtE: return Value::boolean(la <= lb);
            case CmpOp::Gt: return Value::boolean(la > lb);
            case CmpOp::GtE: return Value::boolean(la >= lb);
            default: return not_implemented();
        }
    }
    if (op == CmpOp::Eq) return Value::boolean(false);
    if (op == CmpOp::NotEq) return Value::boolean(true);
    Value x = va[i], y = vb[i];
    return compare(in, x, y, op);
}

// tuplehash (3.11): xxHash's round over the items' hashes, then the length.
int64_t tuple_hash(Interp& in, const Tuple& t) {
    constexpr uint64_t prime1 = 11400714785074694791ULL;  // _PyHASH_XXPRIME_1
    constexpr uint64_t prime2 = 14029467366897019727ULL;  // _PyHASH_XXPRIME_2
    constexpr uint64_t prime5 = 2870177450012600261ULL;   // _PyHASH_XXPRIME_5
    uint64_t acc = prime5;
    for (const Value& item : t.items) {
        const uint64_t lane = uint64_t(hash(in, item));
        acc += lane * prime2;
        acc = (acc << 31) | (acc >> 33);  // _PyHASH_XXROTATE
        acc *= prime1;
    }
    acc += uint64_t(t.items.size()) ^ (prime5 ^ 3527539ULL);
    if (acc == uint64_t(-1)) return 1546275796;
    return int64_t(acc);
}

bool items_contain(Interp& in, const std::vector<Value>& items, const Value& x) {
    for (size_t i = 0; i < items.size(); ++i) {
        Value item = items[i];
        if (item.is(x) || eq(in, item, x)) return true;
    }
    return false;
}

// range_contains: arithmetic for ints and bools, a linear search with == otherwise.
bool range_contains(Interp& in, const Range& r, const Value& x) {
    if (x.is_intlike()) {
        const __int128 v = x.as_int(), start = r.start, stop = r.stop, step = r.step;
        if (step > 0 ? (v < start || v >= stop) : (v > start || v <= stop)) return false;
        return (v - start) % step == 0;
    }
    const int64_t len = r.length();
    for (int64_t k = 0; k < len; ++k) {
        Value item = Value::integer(int64_t(uint64_t(r.start) + uint64_t(k) * uint64_t(r.step)));
        if (eq(in, item, x)) return true;
    }
    return false;
}

bool range_equals(const Range& a, const Range& b) {
    if (&a == &b) return true;
    const int64_t len = a.length();
    if (len != b.length()) return false;
    if (len == 0) return true;
    if (a.start != b.start) return false;
    if (len == 1) return true;
    return a.step == b.step;
}

// ---- arithmetic ------------------------------------------------------------------------------

Value sequence_concat(Interp& in, const Value& a, const Value& b) {
    (void)in;
    if (is_list(a)) {
        if (!is_list(b))
            raise_type_error("can only concatenate list (not \"" + type_name(b) + "\") to list");
        std::vector<Value> out = a.as<List>()->items;
        const std::vector<Value>& tail = b.as<List>()->items;
        out.insert(out.end(), tail.begin(), tail.end());
        return make_list(std::move(out));
    }
    if (!is_tuple(b))
        raise_type_error("can only concatenate tuple (not \"" + type_name(b) + "\") to tuple");
    const std::vector<Value>& x = a.as<Tuple>()->items;
    const std::vector<Value>& y = b.as<Tuple>()->items;
    if (y.empty() && a.type() == types().tuple) return a;
    if (x.empty() && b.type() == types().tuple) return b;
    std::vector<Value> out = x;
    out.insert(out.end(), y.begin(), y.end());
    return make_tuple(std::move(out));
}

namespace {
std::vector<Value> repeated(const std::vector<Value>& items, int64_t n) {
    std::vector<Value> out;
    if (n <= 0 || items.empty()) return out;
    if (uint64_t(n) > (uint64_t(1) << 40) / items.size())
        raise(exc_types().OverflowError, "repeated sequence is too long");
    out.reserve(items.size() * size_t(n));
    for (int64_t k = 0; k < n; ++k) out.insert(out.end(), items.begin(), items.end());
    return out;
}
}  // namespace

Value sequence_repeat(Interp& in, const Value& a, const Value& b) {
    const bool left = is_list(a) || is_tuple(a);
    const Value& seq = left ? a : b;
    const Value& count = left ? b : a;
    if (!is_index(count))
        raise_type_error("can't multiply sequence by non-int of type '" + type_name(count) + "'");
    const int64_t n = index_value(in, count);
    if (is_list(seq)) return make_list(repeated(seq.as<List>()->items, n));
    if (n == 1 && seq.type() == types().tuple) return seq;
    return make_tuple(repeated(seq.as<Tuple>()->items, n));
}

Value list_inplace_concat(Interp& in, const Value& list, const Value& other) {
    list_extend(in, *list.as<List>(), other);
    return list;
}

Value list_inplace_repeat(Interp& in, const Value& list, const Value& n) {
    if (!is_index(n))
        raise_type_error("can't multiply sequence by non-int of type '" + type_name(n) + "'");
    List& l = *list.as<List>();
    std::vector<Value> out = repeated(l.items, index_value(in, n));
    l.items.swap(out);
    return list;
}

void list_extend(Interp& in, List& l, const Value& iterable) {
    if (is_list(iterable) || is_tuple(iterable)) {
        std::vector<Value> tail = items_of(iterable);  // a copy: l.extend(l)
        l.items.insert(l.items.end(), std::make_move_iterator(tail.begin()),
                       std::make_move_iterator(tail.end()));
        return;
    }
    Value it = iter(in, iterable);
    for (Value x = next(in, it); !x.is_undefined(); x = next(in, it)) l.items.push_back(std::move(x));
}

// ---- text --------------------------------------------------------------------------------------

std::string list_repr(Interp& in, const List& l) {
    if (l.items.empty()) return "[]";
    ReprGuard guard(&l);
    if (!guard.entered()) return "[...]";
    std::string s = "[";
    for (size_t i = 0; i < l.items.size(); ++i) {  // an item's repr may change the list
        if (i) s += ", ";
        Value item = l.items[i];
        s += repr(in, item);
    }
    return s + "]";
}

std::string tuple_repr(Interp& in, const Tuple& t) {
    if (t.items.empty()) return "()";
    ReprGuard guard(&t);
    if (!guard.entered()) return "(...)";
    std::string s = "(";
    for (size_t i = 0; i < t.items.size(); ++i) {
        if (i) s += ", ";
        s += repr(in, t.items[i]);
    }
    return s + (t.items.size() == 1 ? ",)" : ")");
}

std::string range_repr(const Range& r) {
    std::string s = "range(" + std::to_string(r.start) + ", " + std::to_string(r.stop);
    if (r.step != 1) s += ", " + std::to_string(r.step);
    return s + ")";
}

// ---- iterators -----------------------------------------------------------------------------
// listiter_next & co.: once exhausted an iterator drops its sequence and stays exhausted.

namespace {

Value list_iter_next(Interp&, NativeIterator& it) {
    if (it.source.is_undefined()) return Value();
    const List& l = *it.source.as<List>();
    if (it.index < int64_t(l.items.size())) return l.items[size_t(it.index++)];
    it.source = Value();
    return Value();
}

// listreviter_next: index counts down from len-1; a list that shrank ends the iteration.
Value list_reviter_next(Interp&, NativeIterator& it) {
    if (it.source.is_undefined()) return Value();
    const List& l = *it.source.as<List>();
    if (it.index >= 0 && it.index < int64_t(l.items.size())) return l.items[size_t(it.index--)];
    it.index = -1;
    it.source = Value();
    return Value();
}

Value tuple_iter_next(Interp&, NativeIterator& it) {
    if (it.source.is_undefined()) return Value();
    const Tuple& t = *it.source.as<Tuple>();
    if (it.index < int64_t(t.items.size())) return t.items[size_t(it.index++)];
    it.source = Value();
    return Value();
}

// rangeiter_next: start + index*step in unsigned arithmetic (no overflow), `aux` = start.
Value range_iter_next(Interp&, NativeIterator& it) {
    if (it.index >= it.end) return Value();
    return Value::integer(int64_t(uint64_t(it.aux) + uint64_t(it.index++) * uint64_t(it.step)));
}

Value iterator_iter(Interp&, const CallArgs& a) { return a[0]; }

Value iterator_next(Interp& in, const CallArgs& a) {
    check_noargs(a, "__next__");
    NativeIterator& it = *a[0].as<NativeIterator>();
    Value v = it.next(in, it);
    if (v.is_undefined()) throw_exception(new_exception_args(exc_types().StopIteration, {}));
    return v;
}

}  // namespace

Value make_list_iterator(const Value& list) {
    return Value::adopt(new NativeIterator(types().list_iterator, list_iter_next, list));
}

Value make_list_reverse_iterator(const Value& list) {
    auto* it = new NativeIterator(list_reverseiterator_type(), list_reviter_next, list);
    it->index = int64_t(list.as<List>()->items.size()) - 1;
    return Value::adopt(it);
}

Value make_tuple_iterator(const Value& tuple) {
    return Value::adopt(new NativeIterator(types().tuple_iterator, tuple_iter_next, tuple));
}

// range_iter / range_reverse: the reversed iterator starts at the last value and steps back.
Value make_range_iterator(const Range& r, bool reversed) {
    auto* it = new NativeIterator(types().range_iterator, range_iter_next, Value());
    const int64_t len = r.length();
    it->end = len;
    it->aux = reversed ? int64_t(uint64_t(r.start) + uint64_t(len - 1) * uint64_t(r.step)) : r.start;
    it->step = reversed ? int64_t(0 - uint64_t(r.step)) : r.step;
    return Value::adopt(it);
}

void install_iterator_protocol(Type& t) {
    t.add_method("__iter__", iterator_iter);
    t.add_method("__next__", iterator_next);
}

Type* list_reverseiterator_type() {
    static Type* const t = [] {
        auto* type = new Type("list_reverseiterator", Kind::iterator, types().object);
        type->add_ref();  // immortal, like the other built-in types
        type->type = types().type;  // Type's constructor leaves the metaclass to the caller
        type->is_final = true;
        install_iterator_protocol(*type);
        return type;
    }();
    return t;
}

Value make_range(int64_t start, int64_t stop, int64_t step) {
    return Value::adopt(new Range(start, stop, step));
}

}  // namespace looplab::py
