#pragma once
// Iteration order of CPython's `set` (Objects/setobject.c), for objects whose hash LoopLab
// fixes: tasks hash by their creation number (SPEC 4). asyncio builds sets in all_tasks(),
// wait() and TaskGroup; reproducing the order keeps their output identical to CPython's.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "looplab/task.hpp"

namespace looplab {

// A set of non-negative integer hashes with CPython 3.11's table layout: insertion, discard
// and iteration order exactly as a CPython set of those ints (hash(n) == n for
// 0 <= n < 2**61 - 1, the domain supported here).
class PySetOrder {
public:
    PySetOrder();
    void add(uint64_t hash);      // set_add_entry
    void discard(uint64_t hash);  // set_discard_entry
    bool contains(uint64_t hash) const;
    size_t size() const noexcept { return used_; }
    // The hashes in the order `for x in s` visits them (set_next: slot order).
    std::vector<uint64_t> order() const;

private:
    // setentry: CPython tells the states apart by key (NULL / dummy / object) and stores
    // hash -1 in a dummy; a state byte does the same for hashes that are all >= 0.
    struct Slot {
        uint64_t hash = 0;
        uint8_t state = 0;  // 0 unused, 1 active, 2 dummy
    };
    static constexpr uint8_t unused = 0, active = 1, dummy = 2;
    static constexpr size_t npos = static_cast<size_t>(-1);

    size_t lookkey(uint64_t hash) const;  // set_lookkey: slot of the active entry, or npos
    static void insert_clean(std::vector<Slot>& table, uint64_t hash);
    void resize(size_t minused);  // set_table_resize
    std::vector<Slot> table_;     // mask + 1 == table_.size(), a power of two
    size_t fill_ = 0;             // active + dummy slots
    size_t used_ = 0;             // active slots
};

// The tasks in the order a CPython set built from them (added in this order) iterates.
std::vector<TaskBase*> python_set_order(const std::vector<TaskBase*>& tasks);

}  // namespace looplab
