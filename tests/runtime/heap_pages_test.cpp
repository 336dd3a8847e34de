// heap_pages: the heap grown after use_huge_pages_for_heap() is marked for transparent huge
// pages, and growth beyond the first step is marked by cover_heap_growth(). What the kernel
// then does is its business; what we check is the marking, in /proc/self/smaps
// ("VmFlags: ... hg" on the mapping that holds a freshly allocated block).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "looplab/heap_pages.hpp"

namespace {

bool thp_available() {
    std::ifstream f("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string mode;
    std::getline(f, mode);
    return mode.find("[always]") != std::string::npos || mode.find("[madvise]") != std::string::npos;
}

// The VmFlags line of the mapping containing p, or "" when not found.
std::string vm_flags_of(const void* p) {
    auto addr = reinterpret_cast<uintptr_t>(p);
    std::ifstream f("/proc/self/smaps");
    std::string line;
    bool inside = false;
    while (std::getline(f, line)) {
        uintptr_t lo = 0, hi = 0;
        char dash = 0;
        std::istringstream head(line);
        if (head >> std::hex >> lo >> dash >> hi && dash == '-') inside = lo <= addr && addr < hi;
        else if (inside && line.rfind("VmFlags:", 0) == 0) return line;
    }
    return "";
}

bool marked_huge(const void* p) { return vm_flags_of(p).find(" hg") != std::string::npos; }

// The last byte of a block: its start may still lie in the free space that was at the top of
// the unmarked heap when the marked growth was appended.
const void* last_byte(const void* p, size_t size) { return static_cast<const char*>(p) + size - 1; }

}  // namespace

// Runs first (Catch2 keeps declaration order): the process has not called
// use_huge_pages_for_heap() yet.
TEST_CASE("heap pages: glibc's default heap is not marked") {
#if !defined(__SANITIZE_ADDRESS__)
    void* p = std::malloc(64);
    CHECK_FALSE(marked_huge(p));
    std::free(p);
#endif
}

TEST_CASE("heap pages") {
#if defined(__SANITIZE_ADDRESS__)
    SECTION("under AddressSanitizer it does nothing, since ASan's allocator does not use brk") {
        looplab::use_huge_pages_for_heap();
        SUCCEED();
    }
#else
    if (!thp_available()) {
        WARN("this kernel has no transparent huge pages: nothing to check");
        return;
    }
    REQUIRE(std::getenv("LOOPLAB_SMALL_PAGES") == nullptr);
    looplab::use_huge_pages_for_heap();

    SECTION("a block from the heap's top lies in a mapping marked for huge pages") {
        // 1 MiB: larger than any hole left by earlier frees, so it comes from the top.
        void* p = std::malloc(1 << 20);
        CHECK(marked_huge(last_byte(p, 1 << 20)));
        std::free(p);
    }
    SECTION("blocks up to 32 MiB come from the marked heap, not from their own mappings") {
        void* big = std::malloc(8 << 20);
        CHECK(marked_huge(last_byte(big, 8 << 20)));
        std::free(big);
    }
    SECTION("growth past the first 1 GiB step is marked once cover_heap_growth() has run") {
        // Allocate more than the first step, in blocks the heap serves, keeping them alive.
        std::vector<void*> blocks;
        for (int i = 0; i < 40; ++i) blocks.push_back(std::malloc(30 << 20));
        looplab::cover_heap_growth();
        for (void* b : blocks) CHECK(marked_huge(last_byte(b, 30 << 20)));
        for (void* b : blocks) std::free(b);
    }
#endif
}
