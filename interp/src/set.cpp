// set's hash table, line by line after CPython 3.11 Objects/setobject.c: linear probing in
// runs of LINEAR_PROBES slots, then a perturbed jump; dummies left by deletions; the
// fill*5 >= mask*3 growth rule; set_merge's shortcuts. Iteration is slot order, so for the
// same hashes and the same sequence of operations a LoopLab set iterates exactly as
// CPython's (runtime/src/py_set.cpp is the same logic restricted to int hashes).
#include "looplab/py/set.hpp"

#include <utility>

#include "looplab/py/abstract.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/exceptions.hpp"

namespace looplab::py {

namespace {

constexpr size_t kMinSize = 8;         // PySet_MINSIZE
constexpr size_t kLinearProbes = 9;    // LINEAR_PROBES
constexpr unsigned kPerturbShift = 5;  // PERTURB_SHIFT
constexpr uint8_t kUnused = 0, kActive = 1, kDummy = 2;

bool is_exact_str(const Value& v) { return v.is_object() && v.type() == types().str; }

// The `startkey == key` and unicode fast paths of set_lookkey/set_add_entry: no user code.
enum class Quick { equal, unequal, ask };
Quick quick_eq(const Value& stored, const Value& key) {
    if (stored.is(key)) return Quick::equal;
    if (is_exact_str(stored) && is_exact_str(key))
        return stored.as<Str>()->s == key.as<Str>()->s ? Quick::equal : Quick::unequal;
    return Quick::ask;
}

}  // namespace

Set::Set(Type* t) : Object(t), table_(kMinSize) {}

// set_lookkey: the active slot holding key, or -1. A comparison that replaced the table or
// the compared entry restarts the search (CPython recurses).
int64_t Set::lookkey(Interp& in, const Value& key, int64_t hash) const {
restart:
    size_t mask = table_.size() - 1;
    size_t perturb = uint64_t(hash);
    size_t i = uint64_t(hash) & mask;
    while (true) {
        const size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        for (size_t j = i; j <= i + probes; ++j) {
            const Slot& e = table_[j];
            if (e.state == kUnused) return -1;
            if (e.state != kActive || e.hash != hash) continue;
            const Quick q = quick_eq(e.key, key);
            if (q == Quick::equal) return int64_t(j);
            if (q == Quick::unequal) continue;
            Value startkey = e.key;
            const Slot* table = table_.data();
            const bool equal = eq(in, startkey, key);
            if (table_.data() != table || j >= table_.size() || !table_[j].key.is(startkey))
                goto restart;
            if (equal) return int64_t(j);
            mask = table_.size() - 1;
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

// set_add_entry. The search runs to an unused slot (or the key) even past dummies; the
// dummy it reuses is the LAST one seen (`freeslot = entry` overwrites), and reusing a dummy
// neither raises fill nor checks for a resize.
bool Set::add_entry(Interp& in, const Value& key, int64_t hash) {
restart:
    size_t mask = table_.size() - 1;
    size_t perturb = uint64_t(hash);
    size_t i = uint64_t(hash) & mask;
    int64_t freeslot = -1;
    size_t entry = 0;
    while (true) {
        const size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        for (entry = i; entry <= i + probes; ++entry) {
            const Slot& e = table_[entry];
            if (e.state == kUnused) goto found_unused_or_dummy;
            if (e.state == kActive && e.hash == hash) {
                const Quick q = quick_eq(e.key, key);
                if (q == Quick::equal) return false;  // found_active
                if (q == Quick::unequal) continue;
                Value startkey = e.key;
                const Slot* table = table_.data();
                const bool equal = eq(in, startkey, key);
                if (equal) return false;
                if (table_.data() != table || entry >= table_.size() ||
                    !table_[entry].key.is(startkey))
                    goto restart;
                mask = table_.size() - 1;
            } else if (e.state == kDummy) {
                freeslot = int64_t(entry);
            }
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    ++version_;
    if (freeslot >= 0) {
        table_[size_t(freeslot)] = Slot{key, hash, kActive};
        ++used_;
        return true;
    }
    // found_unused
    table_[entry] = Slot{key, hash, kActive};
    ++fill_;
    ++used_;
    if (fill_ * 5 < mask * 3) return true;
    resize(used_ > 50000 ? used_ * 2 : used_ * 4);
    return true;
}

bool Set::add(Interp& in, const Value& key) { return add_entry(in, key, hash(in, key)); }

bool Set::contains_entry(Interp& in, const Value& key, int64_t hash) const {
    return lookkey(in, key, hash) >= 0;
}

bool Set::contains(Interp& in, const Value& key) const {
    return lookkey(in, key, hash(in, key)) >= 0;
}

// set_discard_entry: the slot becomes a dummy; fill is unchanged and nothing shrinks.
bool Set::discard_entry(Interp& in, const Value& key, int64_t hash) {
    const int64_t j = lookkey(in, key, hash);
    if (j < 0) return false;
    Value old = std::move(table_[size_t(j)].key);
    table_[size_t(j)] = Slot{Value(), -1, kDummy};
    --used_;
    ++version_;
    return true;  // `old` is released once the table is consistent
}

bool Set::discard(Interp& in, const Value& key) { return discard_entry(in, key, hash(in, key)); }

// set_insert_clean: only empty slots and keys unequal to this one exist, so it stops at
// the first unused slot of the probe sequence.
void Set::insert_clean(std::vector<Slot>& table, Value key, int64_t hash) {
    const size_t mask = table.size() - 1;
    size_t perturb = uint64_t(hash);
    size_t i = uint64_t(hash) & mask;
    while (true) {
        if (table[i].state == kUnused) {
            table[i] = Slot{std::move(key), hash, kActive};
            return;
        }
        if (i + kLinearProbes <= mask) {
            for (size_t j = i + 1; j <= i + kLinearProbes; ++j) {
                if (table[j].state == kUnused) {
                    table[j] = Slot{std::move(key), hash, kActive};
                    return;
                }
            }
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

// set_table_resize: the smallest power of two > minused (at least PySet_MINSIZE). A small
// table without dummies that would stay small is left as is; otherwise the active entries
// are re-inserted in old slot order and the dummies dropped.
void Set::resize(size_t minused) {
    size_t newsize = kMinSize;
    while (newsize <= minused) newsize <<= 1;
    if (newsize == kMinSize && table_.size() == kMinSize && fill_ == used_) return;
    std::vector<Slot> old(newsize);
    old.swap(table_);
    for (Slot& e : old)
        if (e.state == kActive) insert_clean(table_, std::move(e.key), e.hash);
    fill_ = used_;
}

// set_clear_internal: back to an empty PySet_MINSIZE table (the pop finger is kept). The
// set is empty before the old keys are released.
void Set::clear() {
    std::vector<Slot> old(kMinSize);
    old.swap(table_);
    if (used_ != 0) ++version_;
    fill_ = used_ = 0;
}

std::vector<Value> Set::items() const {
    std::vector<Value> out;
    out.reserve(used_);
    for (const Slot& e : table_)
        if (e.state == kActive) out.push_back(e.key);
    return out;
}

void Set::swap_bodies(Set& other) noexcept {
    table_.swap(other.table_);
    std::swap(fill_, other.fill_);
    std::swap(used_, other.used_);
    ++version_;
    ++other.version_;
}

// set_merge: one big resize first; an empty target of the same size copies slot for slot;
// an empty target otherwise takes set_insert_clean in the other's slot order; else normal
// insertions.
void Set::merge(Interp& in, const Set& other) {
    if (&other == this || other.used_ == 0) return;
    if ((fill_ + other.used_) * 5 >= (table_.size() - 1) * 3) resize((used_ + other.used_) * 2);
    if (fill_ == 0 && table_.size() == other.table_.size() && other.fill_ == other.used_) {
        for (size_t i = 0; i < other.table_.size(); ++i)
            if (other.table_[i].state == kActive) table_[i] = other.table_[i];
        fill_ = used_ = other.used_;
        ++version_;
        return;
    }
    if (fill_ == 0) {
        for (const Slot& e : other.table_)
            if (e.state == kActive) insert_clean(table_, e.key, e.hash);
        fill_ = used_ = other.used_;
        ++version_;
        return;
    }
    // Normal insertions; user __eq__ may mutate `other`, so walk a snapshot of its slots.
    std::vector<Slot> snapshot = other.table_;
    for (const Slot& e : snapshot)
        if (e.state == kActive) add_entry(in, e.key, e.hash);
}

// set_update_internal: sets merge; an exact dict is pre-sized and walked with its stored
// hashes; anything else is iterated.
void Set::update(Interp& in, const Value& iterable) {
    if (is_anyset(iterable)) {
        merge(in, *iterable.as<Set>());
        return;
    }
    if (iterable.is_object() && iterable.type() == types().dict) {
        const Dict& d = *as_dict(iterable);
        if ((fill_ + d.size()) * 5 >= (table_.size() - 1) * 3) resize((used_ + d.size()) * 2);
        std::vector<Dict::Entry> entries = d.entries();  // user __eq__ may mutate the dict
        for (const Dict::Entry& e : entries)
            if (!e.key.is_undefined()) add_entry(in, e.key, e.hash);
        return;
    }
    Value it = iter(in, iterable);
    while (true) {
        Value key = next(in, it);
        if (key.is_undefined()) break;
        add(in, key);
    }
}

// set.pop: scan from the finger for an active slot, wrapping around.
Value set_pop(Interp& in, Set& s) {
    (void)in;
    if (s.used_ == 0) raise(exc_types().KeyError, "pop from an empty set");
    const size_t mask = s.table_.size() - 1;
    size_t i = s.finger_ & mask;
    while (s.table_[i].state != kActive) {
        ++i;
        if (i > mask) i = 0;
    }
    Value key = std::move(s.table_[i].key);
    s.table_[i] = Set::Slot{Value(), -1, kDummy};
    --s.used_;
    ++s.version_;
    s.finger_ = i + 1;
    return key;
}

Ref<Set> make_set(Type* type) { return Ref<Set>(new Set(type)); }

Ref<Set> make_set_from(Interp& in, Type* type, const Value& iterable) {
    Ref<Set> s = make_set(type);
    if (!iterable.is_undefined()) s->update(in, iterable);
    return s;
}

Value make_frozenset_constant(Interp& in, const std::vector<Value>& items, bool reinterned) {
    Ref<Set> folded = make_set(types().frozenset);
    for (const Value& v : items) folded->add(in, v);
    // merge_consts_recursive (and, for re-interned strs, intern_string_constants) rebuild
    // the frozenset from a tuple of its items in iteration order.
    for (int rebuild = 0; rebuild < (reinterned ? 2 : 1); ++rebuild) {
        Ref<Set> again = make_set(types().frozenset);
        for (const Value& v : folded->items()) again->add(in, v);
        folded = again;
    }
    return Value(folded);
}

// frozenset_hash (3.11): xor of every active entry's shuffled hash, the size mixed in, then
// a final dispersion. (CPython also xors the unused and dummy slots and cancels them out.)
int64_t frozenset_hash(const Set& s) {
    auto shuffle_bits = [](uint64_t h) -> uint64_t {
        return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL;
    };
    uint64_t hash = 0;
    for (const Set::Slot& e : s.table())
        if (e.state == kActive) hash ^= shuffle_bits(uint64_t(e.hash));
    hash ^= (uint64_t(s.size()) + 1) * 1927868237ULL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923ULL;
    if (hash == uint64_t(-1)) hash = 590923713ULL;
    return int64_t(hash);
}

}  // namespace looplab::py
