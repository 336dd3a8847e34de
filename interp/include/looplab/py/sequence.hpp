#pragma once
// list, tuple and range as sequences (CPython Objects/listobject.c, tupleobject.c,
// rangeobject.c, and the sequence parts of abstract.c): what the VM's subscripting,
// comparison and arithmetic need, with CPython's error messages. The methods themselves
// are installed by install_list_methods (list_methods.cpp, tuple_range.cpp).
#include <cstdint>
#include <string>
#include <vector>

#include "looplab/py/ast.hpp"
#include "looplab/py/types.hpp"

namespace looplab::py {

// ---- indices --------------------------------------------------------------------------
// PyNumber_AsSsize_t: an int, a bool or an object with __index__; otherwise TypeError
// "'float' object cannot be interpreted as an integer".
int64_t index_value(Interp& in, const Value& v);
// _PyIndex_Check: may v be used as an index (int, bool, __index__)?
bool is_index(const Value& v);

// ---- subscripts (the VM's BINARY_SUBSCR / STORE_SUBSCR / DELETE_SUBSCR for built-ins) ---
Value list_getitem(Interp& in, const List& l, const Value& key);   // int or slice
void list_setitem(Interp& in, List& l, const Value& key, Value v);  // incl. slice assignment
void list_delitem(Interp& in, List& l, const Value& key);
Value tuple_getitem(Interp& in, const Value& tuple, const Value& key);
Value range_getitem(Interp& in, const Range& r, const Value& key);

// ---- comparison, hashing, membership ---------------------------------------------------
// list_richcompare / tuplerichcompare: NotImplemented unless both are lists or both tuples.
Value sequence_compare(Interp& in, const Value& a, const Value& b, ast::CmpOp op);
int64_t tuple_hash(Interp& in, const Tuple& t);  // 3.11's xxHash-based tuplehash
// `x in seq` for a vector of items: identity, then item == x (list_contains).
bool items_contain(Interp& in, const std::vector<Value>& items, const Value& x);
bool range_contains(Interp& in, const Range& r, const Value& x);
// range_equals: same sequence of values.
bool range_equals(const Range& a, const Range& b);

// ---- arithmetic (abstract.c's sq_concat / sq_repeat; call after the operands' number
// slots — e.g. a user class's __radd__ — have returned NotImplemented) ----------------
// list+list, tuple+tuple; TypeError `can only concatenate list (not "tuple") to list`.
Value sequence_concat(Interp& in, const Value& a, const Value& b);
// seq * n (either order); TypeError "can't multiply sequence by non-int of type 'str'".
Value sequence_repeat(Interp& in, const Value& seq, const Value& n);
// list += iterable (list_inplace_concat) and list *= n: both mutate and return the list.
Value list_inplace_concat(Interp& in, const Value& list, const Value& other);
Value list_inplace_repeat(Interp& in, const Value& list, const Value& n);

// ---- list operations the builtins share ------------------------------------------------
// list.sort(key=, reverse=): CPython's timsort (list_sort.cpp), so the same comparisons in
// the same order. The list looks empty while it is sorted; "list modified during sort" if
// code changed it.
void list_sort(Interp& in, List& l, const Value& key, bool reverse);
void list_extend(Interp& in, List& l, const Value& iterable);  // list.extend

// ---- text -----------------------------------------------------------------------------
std::string list_repr(Interp& in, const List& l);    // [1, 'a'], [...] when recursive
std::string tuple_repr(Interp& in, const Tuple& t);  // (1,), (...) when recursive
std::string range_repr(const Range& r);              // range(0, 5), range(0, 10, 2)

// Py_ReprEnter/Py_ReprLeave: `entered()` is false when `o` is already being repr'd on
// this thread (the container then prints `[...]`, `{...}`, ...).
class ReprGuard {
public:
    explicit ReprGuard(const Object* o);
    ~ReprGuard();
    ReprGuard(const ReprGuard&) = delete;
    ReprGuard& operator=(const ReprGuard&) = delete;
    bool entered() const noexcept { return entered_; }

private:
    const Object* o_;
    bool entered_;
};

// ---- iterators --------------------------------------------------------------------------
Value make_list_iterator(const Value& list);          // list_iterator
Value make_list_reverse_iterator(const Value& list);  // list_reverseiterator
Value make_tuple_iterator(const Value& tuple);        // tuple_iterator
Value make_range_iterator(const Range& r, bool reversed = false);  // range_iterator
// Adds __iter__ (returns self) and __next__ (StopIteration when exhausted) to an iterator
// type whose instances are NativeIterators.
void install_iterator_protocol(Type& t);
// The types CPython has but BuiltinTypes lacks (created once, immortal).
Type* list_reverseiterator_type();

Value make_range(int64_t start, int64_t stop, int64_t step);

// ---- argument checks with CPython's messages (self is args[0] for methods) -------------
// METH_NOARGS: "list.copy() takes no arguments (1 given)".
void check_noargs(const CallArgs& a, const char* qualname);
// METH_O: "list.append() takes exactly one argument (0 given)".
void check_onearg(const CallArgs& a, const char* qualname);
// Argument Clinic positional-only (_PyArg_CheckPositional + _PyArg_NoKwnames):
// "insert expected 2 arguments, got 1", "pop() takes no keyword arguments".
// `self` says whether args[0] is the receiver (not counted).
void check_positional(const CallArgs& a, const char* name, size_t min, size_t max,
                      bool self = true);
// "list() takes no keyword arguments"
void check_no_keywords(const CallArgs& a, const char* name);

// ---- shared by list_methods.cpp and tuple_range_methods.cpp -------------------------------
void install_sequence_comparisons(Type& t);  // __eq__ ... __ge__ via sequence_compare
int64_t sequence_count(Interp& in, const std::vector<Value>& items, const Value& x);
// list.index / tuple.index over args (self, x[, start[, stop]]): the index or -1.
int64_t sequence_find(Interp& in, const Value& seq, const CallArgs& a);
// listsort (list_sort.cpp): sorts `perm`, a permutation of indices into keys, stably by
// keys[i] < keys[j], making exactly CPython's comparisons.
void timsort(Interp& in, const std::vector<Value>& keys, std::vector<size_t>& perm);
void install_tuple_methods(Type& tuple);  // tuple_range_methods.cpp
void install_range_methods(Type& range);  // tuple_range_methods.cpp

}  // namespace looplab::py
