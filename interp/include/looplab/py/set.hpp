#pragma once
// set and frozenset (CPython Objects/setobject.c). The table layout — linear probing in
// groups of LINEAR_PROBES, perturbation, the resize rule — is CPython's, so iteration order
// matches CPython's for the same hashes (str hashes are PYTHONHASHSEED=0's, SPEC 4).
#include <cstdint>
#include <vector>

#include <string>

#include "looplab/py/ast.hpp"
#include "looplab/py/types.hpp"

namespace looplab::py {

struct Set : Object {
    explicit Set(Type* t);  // types().set or types().frozenset (or a subclass)
    struct Slot {
        Value key;  // undefined: unused or dummy
        int64_t hash = 0;
        uint8_t state = 0;  // 0 unused, 1 active, 2 dummy
    };

    size_t size() const noexcept { return used_; }
    bool add(Interp& in, const Value& key);       // set_add_entry; false if already present
    bool contains(Interp& in, const Value& key) const;
    bool discard(Interp& in, const Value& key);   // set_discard_entry
    void clear();
    // Slots in table order; iterate active ones (state == 1): that is `for x in s` order.
    const std::vector<Slot>& table() const noexcept { return table_; }
    // Active keys in iteration order.
    std::vector<Value> items() const;
    uint64_t version() const noexcept { return version_; }

    // ---- added by the collections engineer (set.cpp / set_methods.cpp) ----------------
    // The setobject.c primitives that take a precomputed hash (merges and set algebra reuse
    // the hashes stored in the other table, as CPython does).
    bool add_entry(Interp& in, const Value& key, int64_t hash);             // set_add_entry
    bool contains_entry(Interp& in, const Value& key, int64_t hash) const;  // set_contains_entry
    bool discard_entry(Interp& in, const Value& key, int64_t hash);         // set_discard_entry
    void merge(Interp& in, const Set& other);         // set_merge (other: a set or frozenset)
    void update(Interp& in, const Value& iterable);   // set_update_internal
    void table_resize(size_t minused) { resize(minused); }  // set_table_resize
    void swap_bodies(Set& other) noexcept;            // set_swap_bodies (finger stays)
    size_t fill() const noexcept { return fill_; }
    // ---- end of additions ---------------------------------------------------------------

private:
    int64_t lookkey(Interp& in, const Value& key, int64_t hash) const;  // slot index or -1
    void insert_clean(std::vector<Slot>& table, Value key, int64_t hash);
    void resize(size_t minused);
    std::vector<Slot> table_;
    size_t fill_ = 0;
    size_t used_ = 0;
    uint64_t version_ = 0;
    size_t finger_ = 0;  // set.pop's search finger, as CPython's
    friend Value set_pop(Interp& in, Set& s);
};

Value set_pop(Interp& in, Set& s);  // set.pop(): CPython's finger order

// ---- added by the collections engineer (set.cpp / set_methods.cpp) --------------------
// A new empty set or frozenset (type: types().set, types().frozenset or a subclass).
Ref<Set> make_set(Type* type);
// make_new_set(type, iterable): a new set of `type` filled by set_update_internal.
Ref<Set> make_set_from(Interp& in, Type* type, const Value& iterable);
// A constant set display such as `{5, 3, 17}` or the `{...}` of `x in {1, 2, 3}`: CPython's
// compiler folds three or more constants into a frozenset (PyFrozenSet_New of the items in
// source order) and re-creates it from its own iteration order when merging constants
// (compile.c merge_consts_recursive); BUILD_SET 0 + SET_UPDATE then merges it into the new
// set. The compiler should store this value as the constant and the VM's SET_UPDATE should
// `update()` the new set with it, so that `{5, 3, 17, 33, 1}` iterates as CPython's
// {1, 33, 3, 17, 5} (one-by-one insertion gives {1, 33, 3, 5, 17}).
// `reinterned`: CPython re-creates the frozenset once more (codeobject.c
// intern_string_constants) when interning replaced one of its strs, i.e. when an item is
// an ASCII [A-Za-z0-9_]* str equal to a string CPython had already interned — any
// identifier of the module (the parser interns them), or a name interned at startup or by
// an imported module ('done', 'result', 'a'...). Only the compiler can guess that; without
// it, str displays may iterate differently from CPython's (int displays never do).
Value make_frozenset_constant(Interp& in, const std::vector<Value>& items, bool reinterned = false);
// frozenset.__hash__ (frozenset_hash with _shuffle_bits).
int64_t frozenset_hash(const Set& s);
// The number protocol of set/frozenset (set_or, set_and, set_sub, set_xor): returns
// not_implemented() unless both operands are sets/frozensets, as CPython's slots do.
Value set_binary_op(Interp& in, const Value& a, const Value& b, ast::Operator op);
// |= &= -= ^= (set_ior...): updates `a` in place and returns it; NotImplemented as above.
Value set_inplace_op(Interp& in, const Value& a, const Value& b, ast::Operator op);
// set_richcompare: == != < <= > >= (subset tests); NotImplemented unless b is a set.
Value set_richcompare(Interp& in, const Value& a, const Value& b, ast::CmpOp op);
// `key in s`, retrying an unhashable set key as a frozenset (set_contains).
bool set_contains(Interp& in, const Set& s, const Value& key);
// repr: `{1, 2}`, `set()`, `frozenset({1})`, `S({1})` for subclasses.
std::string set_repr(Interp& in, const Value& s);
// An iterator over a set (setiter): RuntimeError "Set changed size during iteration".
Value make_set_iterator(const Value& s);
inline bool is_anyset(const Value& v) noexcept {
    return v.is_object() && (kind_of(v) == Kind::set || kind_of(v) == Kind::frozenset);
}
// ---- end of additions -----------------------------------------------------------------

}  // namespace looplab::py
