#pragma once
// Huge pages for the heap: what makes creating many tasks cheap.
//
// A scenario that creates 50,000 tasks touches ~70 MB of fresh heap in one step. With 4 KiB
// pages that is ~18,000 page faults, and on a virtual machine a fault can cost 10 µs: the
// faults, not the runtime, dominated task creation (spawn, semaphore, memory benchmarks).
// glibc can back its heap with transparent huge pages (the `glibc.malloc.hugetlb=1`
// tunable), but only when set in the environment before the process starts. These two
// functions do the same from inside the process:
//   use_huge_pages_for_heap() once at start-up: malloc grows its heap in 1 GiB steps of
//     address space (not memory: a page costs only when touched), never trims it, serves
//     blocks up to 32 MiB from it, and the grown range is marked MADV_HUGEPAGE, so one fault
//     maps 2 MiB.
//   cover_heap_growth() where the heap grows (task creation): marks any range the heap grew
//     by since the last call. One comparison when it did not grow.
// Nothing changes when the kernel has no transparent huge pages, under a sanitizer (which
// replaces malloc), or when LOOPLAB_SMALL_PAGES=1 is set (to compare).
namespace looplab {

void use_huge_pages_for_heap() noexcept;
void cover_heap_growth() noexcept;

}  // namespace looplab
