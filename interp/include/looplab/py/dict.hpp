#pragma once
// dict (CPython Objects/dictobject.c): insertion ordered. Entries live in a vector in
// insertion order (deleted ones become holes until the next compaction); an open-addressed
// index maps hashes to entry positions. Keys are hashed and compared with Python semantics,
// so a user class with __hash__/__eq__ can be a key.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "looplab/py/types.hpp"

namespace looplab::py {

struct Dict : Object {
    struct Entry {
        Value key;  // undefined: deleted
        Value value;
        int64_t hash = 0;
    };

    Dict();
    size_t size() const noexcept { return used_; }

    // Python-semantics operations (may run __hash__/__eq__ and raise).
    Value get(Interp& in, const Value& key) const;  // undefined when absent
    void set(Interp& in, const Value& key, Value value);
    bool erase(Interp& in, const Value& key);  // false when absent
    bool contains(Interp& in, const Value& key) const { return !get(in, key).is_undefined(); }

    // Fast paths for str keys (globals, attributes, kwargs): no user code can run.
    Value get_str(std::string_view key) const;
    // The same for a Str key (e.g. an interned name): uses and caches the Str's hash, so
    // no hashing on repeated lookups. [added by the collections engineer]
    Value get_str(const Str& key) const;
    void set_str(std::string_view key, Value value);
    bool erase_str(std::string_view key);

    void clear();
    // Entries in insertion order; skip those whose key is undefined (deleted).
    const std::vector<Entry>& entries() const noexcept { return entries_; }
    // Bumped on every insertion/deletion: iterators detect "changed size during iteration".
    uint64_t version() const noexcept { return version_; }

private:
    int64_t find(Interp* in, const Value& key, int64_t hash) const;  // entry index or -1
    int64_t find_str(std::string_view key, int64_t hash) const;
    void insert_new(Value key, Value value, int64_t hash);
    void rebuild(size_t min_capacity);

    std::vector<Entry> entries_;
    std::vector<int32_t> index_;  // -1 empty, -2 deleted, else entry position
    size_t used_ = 0;
    uint64_t version_ = 0;
};

inline Dict* as_dict(const Value& v) { return v.as<Dict>(); }

// ---- added by the collections engineer (dict_methods.cpp) -------------------------------
// d.keys() / d.values() / d.items(): a view of `dict` (its type is types().dict_keys,
// dict_values or dict_items; those types are made Kind::opaque by install_dict_methods, as
// a view is iterable but not an iterator).
struct DictView : Object {
    DictView(Type* t, Value d) : Object(t), dict(std::move(d)) {}
    Value dict;
};
enum class DictIterKind : uint8_t { keys, values, items };
// d[key] (dict_subscript): a subclass's __missing__, else KeyError(key).
Value dict_getitem(Interp& in, const Value& d, const Value& key);
// PyDict_Merge(d, other, override): other is a dict or has keys() and __getitem__.
void dict_merge(Interp& in, Dict& d, const Value& other, bool override_existing = true);
// dict_update_arg: a dict, an object with keys(), or an iterable of key/value pairs
// ("dictionary update sequence element #0 has length 3; 2 is required").
void dict_update(Interp& in, Dict& d, const Value& other);
// An iterator over the keys/values/items (dict_keyiterator...; "dictionary changed size
// during iteration"), or in reverse (dict_reversekeyiterator...).
Value make_dict_iterator(const Value& d, DictIterKind kind, bool reversed = false);
std::string dict_repr(Interp& in, const Dict& d);    // {'a': 1}, {...} when recursive
bool dict_equal(Interp& in, const Dict& a, const Dict& b);
Value make_dict_view(const Value& d, DictIterKind kind);
// ---- end of additions -----------------------------------------------------------------

}  // namespace looplab::py
