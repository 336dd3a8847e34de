#pragma once
// Memory for the runtime's many small, short-lived objects — futures, tasks and coroutine
// frames — the way CPython's obmalloc (pymalloc) serves Python objects: size classes 8 bytes
// apart, a LIFO free list per class, blocks carved from large slabs. malloc would add an
// 8-byte header to each block and round it up to 16 bytes; a pending task (task, coroutine
// frame, waiter future) would cost about 40 bytes more (issue target: ≤ 256 bytes per task).
//
// Free lists are per OS thread (no locking on the hot path); a block may be freed on another
// thread than the one that allocated it, and then serves that thread. Slabs are never given
// back, like obmalloc's arenas in the common case; a thread that ends hands its free blocks
// to the next thread that needs memory, so repeated runs on fresh threads reuse them.
//
// Under AddressSanitizer every block comes from operator new, so use-after-free and leaks
// of these objects are still caught.
#include <cstddef>
#include <new>

namespace looplab {

namespace detail {

inline constexpr size_t kSmallObjectMax = 256;  // larger blocks go straight to operator new
inline constexpr size_t kSmallObjectClasses = kSmallObjectMax / 8;

struct FreeBlock {
    FreeBlock* next;
};

// One thread's free lists and the slab it is carving. Trivially destructible and
// constant-initialized, so reaching it is a plain thread-local access.
struct SmallObjectArena {
    FreeBlock* free[kSmallObjectClasses + 1] = {};  // index: size in 8-byte units
    char* bump = nullptr;
    char* bump_end = nullptr;
};
inline constinit thread_local SmallObjectArena small_object_arena;

void* allocate_small_slow(size_t units);  // carve a block from the slab, or a new slab

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSmallObjectsUseOperatorNew = true;
#else
inline constexpr bool kSmallObjectsUseOperatorNew = false;
#endif

}  // namespace detail

// A block of at least `size` bytes. Blocks of an even number of 8-byte units are 16-aligned,
// the others 8-aligned: sizeof(T) is a multiple of alignof(T), so every type up to the
// default new alignment (16) gets what it needs — including coroutine frames, whose
// alignment the promise's operator new is not told.
inline void* allocate_small(size_t size) {
    if (detail::kSmallObjectsUseOperatorNew || size > detail::kSmallObjectMax) return ::operator new(size);
    size_t units = (size + 7) >> 3;
    auto& arena = detail::small_object_arena;
    if (detail::FreeBlock* b = arena.free[units]) {
        arena.free[units] = b->next;
        return b;
    }
    return detail::allocate_small_slow(units);
}

// Gives back a block from allocate_small(size), with the same size.
inline void deallocate_small(void* p, size_t size) noexcept {
    if (detail::kSmallObjectsUseOperatorNew || size > detail::kSmallObjectMax) return ::operator delete(p);
    size_t units = (size + 7) >> 3;
    auto& arena = detail::small_object_arena;
    auto* b = static_cast<detail::FreeBlock*>(p);
    b->next = arena.free[units];
    arena.free[units] = b;
}

// Class-level operator new/delete that use it; the sized delete receives the dynamic
// type's size through the virtual destructor (RefCounted's `delete this`). Over-aligned
// types (alignas(32)…) keep operator new's aligned form.
struct SmallObject {
    static void* operator new(size_t size) { return allocate_small(size); }
    static void operator delete(void* p, size_t size) noexcept { deallocate_small(p, size); }
    static void* operator new(size_t size, std::align_val_t al) { return ::operator new(size, al); }
    static void operator delete(void* p, size_t size, std::align_val_t al) noexcept { ::operator delete(p, size, al); }
};

}  // namespace looplab
