#pragma once
// Iteration order of CPython's `set` (Objects/setobject.c), for objects whose hash LoopLab
// fixes: tasks hash by their creation number (SPEC 4). asyncio builds sets in all_tasks(),
// wait() and TaskGroup; reproducing the order keeps their output identical to CPython's.
#include <cstdint>
#include <vector>

#include "looplab/task.hpp"

namespace looplab {

// A set of non-negative integer hashes with CPython's table layout: insertion, discard and
// iteration order exactly as a CPython 3.11 set of those ints (int hash == value).
class PySetOrder {
public:
    PySetOrder();
    void add(uint64_t hash);
    void discard(uint64_t hash);
    bool contains(uint64_t hash) const;
    size_t size() const noexcept { return used_; }
    // The hashes in the order `for x in s` visits them.
    std::vector<uint64_t> order() const;

private:
    struct Slot {
        uint64_t hash = 0;
        uint8_t state = 0;  // 0 unused, 1 active, 2 dummy
    };
    void insert_clean(uint64_t hash);
    void resize(size_t minused);
    std::vector<Slot> table_;
    size_t fill_ = 0;
    size_t used_ = 0;
};

// The tasks in the order a CPython set built from them (in this order) iterates.
std::vector<TaskBase*> python_set_order(const std::vector<TaskBase*>& tasks);

}  // namespace looplab
