// Slabs and thread hand-over for small_objects.hpp.
#include "looplab/small_objects.hpp"

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <utility>
#include <vector>

namespace looplab::detail {

namespace {

constexpr size_t kSlabBytes = 64 * 1024;

// What ended threads left behind, for the next thread that runs short. Slabs themselves
// stay listed here forever: they are never freed, and a reachable list keeps leak checkers
// (LeakSanitizer without ASan, valgrind) from reporting them.
struct Depot {
    std::mutex mutex;
    std::vector<void*> slabs;
    FreeBlock* free[kSmallObjectClasses + 1] = {};  // ended threads' free blocks
};
Depot& depot() {
    static Depot* d = new Depot();  // never destroyed: blocks may be freed during exit
    return *d;
}

void push(FreeBlock** lists, char* p, size_t units) noexcept {
    auto* b = reinterpret_cast<FreeBlock*>(p);
    b->next = lists[units];
    lists[units] = b;
}

// Cuts the unused rest of the arena's slab into free blocks (largest classes first), keeping
// the rule that blocks of an even number of units are 16-aligned.
void retire_bump_range(SmallObjectArena& arena, FreeBlock** into) noexcept {
    while (arena.bump && size_t(arena.bump_end - arena.bump) >= 8) {
        size_t units = std::min(size_t(arena.bump_end - arena.bump) / 8, kSmallObjectClasses);
        if (units % 2 == 0 && uintptr_t(arena.bump) % 16 != 0) --units;
        push(into, arena.bump, units);
        arena.bump += units * 8;
    }
    arena.bump = arena.bump_end = nullptr;
}

void splice(FreeBlock*& into, FreeBlock* list) noexcept {
    if (!list) return;
    FreeBlock* tail = list;
    while (tail->next) tail = tail->next;
    tail->next = into;
    into = list;
}

// Registered at a thread's first slab: at thread exit, its free blocks and the rest of its
// slab go to the depot.
struct ThreadExit {
    bool registered = false;
    ~ThreadExit() {
        auto& arena = small_object_arena;
        auto& d = depot();
        std::lock_guard lock(d.mutex);
        for (size_t u = 1; u <= kSmallObjectClasses; ++u) splice(d.free[u], std::exchange(arena.free[u], nullptr));
        retire_bump_range(arena, d.free);
    }
};
thread_local ThreadExit thread_exit;

}  // namespace

void* allocate_small_slow(size_t units) {
    auto& arena = small_object_arena;
    size_t bytes = units * 8;
    // Even sizes start 16-aligned: the odd 8 bytes before become an 8-byte block.
    if (units % 2 == 0 && uintptr_t(arena.bump) % 16 != 0 && arena.bump != arena.bump_end) {
        push(arena.free, arena.bump, 1);
        arena.bump += 8;
    }
    if (size_t(arena.bump_end - arena.bump) < bytes) {
        thread_exit.registered = true;  // odr-use: registers the destructor
        auto& d = depot();
        std::lock_guard lock(d.mutex);
        // An ended thread's blocks of this size first.
        if (FreeBlock* b = d.free[units]) {
            d.free[units] = b->next;
            return b;
        }
        retire_bump_range(arena, arena.free);
        d.slabs.reserve(d.slabs.size() + 1);  // before the slab: no leak if this throws
        char* slab = static_cast<char*>(::operator new(kSlabBytes));  // 16-aligned
        d.slabs.push_back(slab);
        arena.bump = slab;
        arena.bump_end = slab + kSlabBytes;
    }
    void* p = arena.bump;
    arena.bump += bytes;
    return p;
}

}  // namespace looplab::detail
