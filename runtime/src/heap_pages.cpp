// See heap_pages.hpp. glibc's own version of this is madvise_thp() in malloc/malloc.c (2.35+),
// enabled by the glibc.malloc.hugetlb=1 tunable; we cannot set a tunable from inside a
// running process, so we reproduce its two effects with mallopt() and madvise().
#include "looplab/heap_pages.hpp"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

namespace looplab {
namespace {

constexpr uintptr_t kPage = 4096;
bool g_enabled = false;
uintptr_t g_covered_end = 0;  // the heap is marked up to here

uintptr_t heap_end() noexcept { return reinterpret_cast<uintptr_t>(sbrk(0)); }

// THP must be "always" or "madvise" for MADV_HUGEPAGE to do anything.
bool kernel_has_thp() {
    std::ifstream f("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string mode;
    std::getline(f, mode);
    return mode.find("[always]") != std::string::npos || mode.find("[madvise]") != std::string::npos;
}

void cover(uintptr_t from, uintptr_t to) noexcept {
    from = (from + kPage - 1) & ~(kPage - 1);
    if (to > from) madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);
}

}  // namespace

void use_huge_pages_for_heap() noexcept {
#if defined(__SANITIZE_ADDRESS__)
    return;  // ASan's allocator does not use brk
#else
    if (g_enabled) return;
    const char* off = std::getenv("LOOPLAB_SMALL_PAGES");
    if (off && *off && std::strcmp(off, "0") != 0) return;
    try {
        if (!kernel_has_thp()) return;
    } catch (...) {
        return;
    }
    // Grow in big steps so growth is rare and each grown range is long enough to hold whole
    // 2 MiB pages; never give memory back (trimming then regrowing would lose the marking,
    // since the kernel makes the regrown range a new mapping); keep blocks up to 32 MiB (the
    // largest mmap threshold glibc itself would pick) in the marked heap, not in separate
    // 4 KiB-page mappings.
    mallopt(M_TOP_PAD, 1 << 30);
    mallopt(M_TRIM_THRESHOLD, INT32_MAX);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    uintptr_t before = heap_end();
    // Make malloc grow the heap now, so the first step of it is marked before anything
    // touches it: ask for more than the free space at the top (keepcost). `volatile` keeps
    // the compiler from removing the malloc/free pair.
    size_t top_free = mallinfo2().keepcost;
    void* volatile probe = std::malloc(top_free + (256 << 10));
    std::free(probe);
    g_covered_end = before;
    g_enabled = true;
    cover_heap_growth();
#endif
}

void cover_heap_growth() noexcept {
    if (!g_enabled) return;
    uintptr_t end = heap_end();
    if (end <= g_covered_end) return;
    cover(g_covered_end, end);
    g_covered_end = end;
}

}  // namespace looplab
