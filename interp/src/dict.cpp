// dict's table (CPython 3.11 Objects/dictobject.c): a compact, insertion-ordered entry
// array plus an open-addressed index of entry positions. The growth rule, the usable
// fraction and the probe sequence are CPython's, so the moments at which a dict compacts
// (and hence what an iterator sees when the dict is mutated under it) match CPython's.
#include "looplab/py/dict.hpp"

#include <utility>

#include "looplab/py/abstract.hpp"
#include "looplab/py/hash.hpp"

namespace looplab::py {

namespace {

constexpr int32_t kEmpty = -1;         // DKIX_EMPTY
constexpr int32_t kDummy = -2;         // DKIX_DUMMY: a deleted entry's index slot
constexpr size_t kMinSize = 8;         // PyDict_MINSIZE
constexpr unsigned kPerturbShift = 5;  // PERTURB_SHIFT

// USABLE_FRACTION: at most 2/3 of the index may be in use before the entry array is full.
constexpr size_t usable_fraction(size_t n) { return (n << 1) / 3; }

// calculate_log2_keysize: the smallest power of two >= minsize, at least PyDict_MINSIZE.
size_t keysize_for(size_t minsize) {
    size_t n = kMinSize;
    while (n < minsize) n <<= 1;
    return n;
}

bool is_exact_str(const Value& v) { return v.is_object() && v.type() == types().str; }

// A str's hash, cached in the object (unicode_hash caches it in the PyUnicodeObject).
int64_t str_hash(const Str& s) {
    if (s.hash == -1) s.hash = hash_str(s.s);
    return s.hash;
}

int64_t key_hash(Interp& in, const Value& key) {
    if (is_exact_str(key)) return str_hash(*key.as<Str>());
    return hash(in, key);
}

}  // namespace

Dict::Dict() : Object(types().dict) {}

// lookdict: identity first, then (for equal hashes) ==. Equality may run user code that
// mutates the dict; as CPython does, the search restarts when the table it was probing was
// replaced or the entry it compared against no longer holds the same key.
int64_t Dict::find(Interp* in, const Value& key, int64_t hash) const {
restart:
    if (index_.empty()) return -1;
    const size_t mask = index_.size() - 1;
    size_t perturb = uint64_t(hash);
    size_t i = uint64_t(hash) & mask;
    while (true) {
        const int32_t ix = index_[i];
        if (ix == kEmpty) return -1;
        if (ix >= 0) {
            const Entry& e = entries_[size_t(ix)];
            if (e.key.is(key)) return ix;
            if (e.hash == hash) {
                if (is_exact_str(e.key) && is_exact_str(key)) {
                    // unicode_eq: both exact str, compare contents, no user code.
                    if (e.key.as<Str>()->s == key.as<Str>()->s) return ix;
                } else if (in) {
                    Value startkey = e.key;
                    const int32_t* table = index_.data();
                    const bool equal = eq(*in, startkey, key);
                    if (index_.data() != table || size_t(ix) >= entries_.size() ||
                        !entries_[size_t(ix)].key.is(startkey))
                        goto restart;
                    if (equal) return ix;
                }
            }
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// The str-keys-only path (lookdict_unicode): a non-str key never equals a str here.
int64_t Dict::find_str(std::string_view key, int64_t hash) const {
    if (index_.empty()) return -1;
    const size_t mask = index_.size() - 1;
    size_t perturb = uint64_t(hash);
    size_t i = uint64_t(hash) & mask;
    while (true) {
        const int32_t ix = index_[i];
        if (ix == kEmpty) return -1;
        if (ix >= 0) {
            const Entry& e = entries_[size_t(ix)];
            if (e.hash == hash && is_str(e.key) && e.key.as<Str>()->s == key) return ix;
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// insertdict for a key known to be absent. The entry array only grows at its end; when it is
// full (dk_usable == 0) the table is rebuilt for GROWTH_RATE = used*3 first (insertion_resize).
void Dict::insert_new(Value key, Value value, int64_t hash) {
    if (index_.empty()) {
        index_.assign(kMinSize, kEmpty);  // insert_to_emptydict: a PyDict_MINSIZE table
        entries_.reserve(usable_fraction(kMinSize));
    } else if (entries_.size() >= usable_fraction(index_.size())) {
        rebuild(used_ * 3);
    }
    // find_empty_slot: the first empty or dummy slot of the probe sequence.
    const size_t mask = index_.size() - 1;
    size_t perturb = uint64_t(hash);
    size_t i = uint64_t(hash) & mask;
    while (index_[i] >= 0) {
        perturb >>= kPerturbShift;
        i = (i * 5 + perturb + 1) & mask;
    }
    index_[i] = int32_t(entries_.size());
    entries_.push_back(Entry{std::move(key), std::move(value), hash});
    ++used_;
    ++version_;
}

// dictresize: a new index of keysize_for(min_capacity) slots; deleted entries are dropped
// and the survivors keep their order.
void Dict::rebuild(size_t min_capacity) {
    const size_t size = keysize_for(min_capacity);
    std::vector<Entry> compact;
    compact.reserve(usable_fraction(size));
    for (Entry& e : entries_)
        if (!e.key.is_undefined()) compact.push_back(std::move(e));
    std::vector<int32_t> index(size, kEmpty);
    const size_t mask = size - 1;
    for (size_t ix = 0; ix < compact.size(); ++ix) {
        const int64_t h = compact[ix].hash;
        size_t perturb = uint64_t(h);
        size_t i = uint64_t(h) & mask;
        while (index[i] != kEmpty) {
            perturb >>= kPerturbShift;
            i = (i * 5 + perturb + 1) & mask;
        }
        index[i] = int32_t(ix);
    }
    entries_ = std::move(compact);
    index_ = std::move(index);
}

Value Dict::get(Interp& in, const Value& key) const {
    const int64_t h = key_hash(in, key);
    const int64_t ix = find(&in, key, h);
    return ix < 0 ? Value() : entries_[size_t(ix)].value;
}

// PyDict_SetItem: an existing key keeps its position (and its original key object).
void Dict::set(Interp& in, const Value& key, Value value) {
    const int64_t h = key_hash(in, key);
    const int64_t ix = find(&in, key, h);
    if (ix >= 0) {
        Value old = std::move(entries_[size_t(ix)].value);
        entries_[size_t(ix)].value = std::move(value);
        return;  // `old` dies after the dict is consistent again
    }
    insert_new(key, std::move(value), h);
}

// delitem_common: the entry becomes a hole, its index slot a dummy; nothing shrinks.
bool Dict::erase(Interp& in, const Value& key) {
    const int64_t h = key_hash(in, key);
    const int64_t ix = find(&in, key, h);
    if (ix < 0) return false;
    // lookdict_index: find the index slot that points at entry ix.
    const size_t mask = index_.size() - 1;
    size_t perturb = uint64_t(h);
    size_t i = uint64_t(h) & mask;
    while (index_[i] != int32_t(ix)) {
        perturb >>= kPerturbShift;
        i = (i * 5 + perturb + 1) & mask;
    }
    index_[i] = kDummy;
    Entry dead = std::move(entries_[size_t(ix)]);
    entries_[size_t(ix)].key = Value();
    entries_[size_t(ix)].value = Value();
    --used_;
    ++version_;
    return true;  // `dead` releases the key and value last
}

Value Dict::get_str(std::string_view key) const {
    const int64_t ix = find_str(key, hash_str(key));
    return ix < 0 ? Value() : entries_[size_t(ix)].value;
}

Value Dict::get_str(const Str& key) const {
    const int64_t ix = find_str(key.s, str_hash(key));
    return ix < 0 ? Value() : entries_[size_t(ix)].value;
}

void Dict::set_str(std::string_view key, Value value) {
    const int64_t h = hash_str(key);
    const int64_t ix = find_str(key, h);
    if (ix >= 0) {
        Value old = std::move(entries_[size_t(ix)].value);
        entries_[size_t(ix)].value = std::move(value);
        return;
    }
    Value k = make_str(std::string(key));
    k.as<Str>()->hash = h;
    insert_new(std::move(k), std::move(value), h);
}

bool Dict::erase_str(std::string_view key) {
    const int64_t h = hash_str(key);
    const int64_t ix = find_str(key, h);
    if (ix < 0) return false;
    const size_t mask = index_.size() - 1;
    size_t perturb = uint64_t(h);
    size_t i = uint64_t(h) & mask;
    while (index_[i] != int32_t(ix)) {
        perturb >>= kPerturbShift;
        i = (i * 5 + perturb + 1) & mask;
    }
    index_[i] = kDummy;
    Entry dead = std::move(entries_[size_t(ix)]);
    entries_[size_t(ix)].key = Value();
    entries_[size_t(ix)].value = Value();
    --used_;
    ++version_;
    return true;
}

// PyDict_Clear: the dict is made empty (a fresh, unallocated table) before the old
// entries are released, so code run by their release sees an empty, consistent dict.
void Dict::clear() {
    std::vector<Entry> old;
    old.swap(entries_);
    std::vector<int32_t>().swap(index_);
    if (used_ != 0) ++version_;
    used_ = 0;
}

}  // namespace looplab::py
