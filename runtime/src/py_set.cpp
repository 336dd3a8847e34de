// Mirrors CPython 3.11 Objects/setobject.c (set_add_entry, set_lookkey, set_insert_clean,
// set_table_resize, set_discard_entry, set_next) for int keys, whose hash is the value.
#include "looplab/py_set.hpp"

#include <algorithm>
#include <utility>

namespace looplab {

namespace {
constexpr size_t kMinSize = 8;       // PySet_MINSIZE
constexpr size_t kLinearProbes = 9;  // LINEAR_PROBES
constexpr int kPerturbShift = 5;     // PERTURB_SHIFT
}  // namespace

PySetOrder::PySetOrder() : table_(kMinSize) {}

// set_lookkey: probe `i` and, when the run fits in the table, the LINEAR_PROBES slots after
// it; then jump i = (i*5 + 1 + perturb) & mask. Dummies (hash -1 in CPython) never match.
size_t PySetOrder::lookkey(uint64_t hash) const {
    const size_t mask = table_.size() - 1;
    size_t perturb = hash;
    size_t i = hash & mask;
    while (true) {
        size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        for (size_t j = i; j <= i + probes; ++j) {
            const Slot& e = table_[j];
            if (e.state == unused) return npos;
            if (e.state == active && e.hash == hash) return j;
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

bool PySetOrder::contains(uint64_t hash) const { return lookkey(hash) != npos; }

// set_add_entry. The search runs to an unused slot (or the key) even past dummies; the
// dummy it reuses is the LAST one seen on the way (`freeslot = entry` overwrites), and
// reusing a dummy neither raises fill nor checks for a resize.
void PySetOrder::add(uint64_t hash) {
    const size_t mask = table_.size() - 1;
    size_t perturb = hash;
    size_t i = hash & mask;
    size_t freeslot = npos;
    size_t entry;
    while (true) {
        size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        for (entry = i; entry <= i + probes; ++entry) {
            const Slot& e = table_[entry];
            if (e.state == unused) goto found_unused_or_dummy;
            if (e.state == active && e.hash == hash) return;  // found_active
            if (e.state == dummy) freeslot = entry;
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot != npos) {
        table_[freeslot] = Slot{hash, active};
        ++used_;
        return;
    }
    // found_unused
    table_[entry] = Slot{hash, active};
    ++fill_;
    ++used_;
    if (fill_ * 5 < mask * 3) return;
    resize(used_ > 50000 ? used_ * 2 : used_ * 4);
}

// set_discard_entry: the slot becomes a dummy; fill is unchanged and nothing shrinks.
void PySetOrder::discard(uint64_t hash) {
    size_t j = lookkey(hash);
    if (j == npos) return;
    table_[j].state = dummy;
    --used_;
}

// set_insert_clean: like the add probe, but only empty slots exist (no dummies, no keys
// equal to this one), so it stops at the first unused slot.
void PySetOrder::insert_clean(std::vector<Slot>& table, uint64_t hash) {
    const size_t mask = table.size() - 1;
    size_t perturb = hash;
    size_t i = hash & mask;
    while (true) {
        if (table[i].state == unused) {
            table[i] = Slot{hash, active};
            return;
        }
        if (i + kLinearProbes <= mask) {
            for (size_t j = i + 1; j <= i + kLinearProbes; ++j) {
                if (table[j].state == unused) {
                    table[j] = Slot{hash, active};
                    return;
                }
            }
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

// set_table_resize: the smallest power of two > minused (at least PySet_MINSIZE); a small
// table without dummies that would stay small is left as is. Otherwise the active entries
// are re-inserted in old slot order, dummies dropped.
void PySetOrder::resize(size_t minused) {
    size_t newsize = kMinSize;
    while (newsize <= minused) newsize <<= 1;
    if (newsize == kMinSize && table_.size() == kMinSize && fill_ == used_) return;
    std::vector<Slot> newtable(newsize);
    for (const Slot& e : table_)
        if (e.state == active) insert_clean(newtable, e.hash);
    table_ = std::move(newtable);
    fill_ = used_;
}

// set_next / setiter_iternext: slot order, skipping unused and dummy slots.
std::vector<uint64_t> PySetOrder::order() const {
    std::vector<uint64_t> out;
    out.reserve(used_);
    for (const Slot& e : table_)
        if (e.state == active) out.push_back(e.hash);
    return out;
}

std::vector<TaskBase*> python_set_order(const std::vector<TaskBase*>& tasks) {
    // hash(task) == task->number() (SPEC 4); numbers are unique, so a sorted index maps a
    // hash back to its task.
    PySetOrder set;
    std::vector<std::pair<uint64_t, TaskBase*>> by_hash;
    by_hash.reserve(tasks.size());
    for (TaskBase* t : tasks) {
        set.add(t->number());
        by_hash.emplace_back(t->number(), t);
    }
    std::sort(by_hash.begin(), by_hash.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<TaskBase*> out;
    out.reserve(set.size());
    for (uint64_t h : set.order()) {
        auto it = std::lower_bound(by_hash.begin(), by_hash.end(), h,
                                   [](const auto& p, uint64_t v) { return p.first < v; });
        out.push_back(it->second);
    }
    return out;
}

}  // namespace looplab
