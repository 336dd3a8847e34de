// looplab-bench WORKLOAD N: the runtime's cost per operation, one line of output:
//   <workload> N=<n> seconds=<s> per_op_ns=<x> [bytes_per_task=<b>]
// The same workloads exist as Python programs in bench/python/ for CPython and uvloop;
// bench/compare.py prints them side by side (`make bench`). LOOPLAB_TRACE=1 turns the trace
// on; LOOPLAB_TRACE=warm measures a second traced run that reuses the first one's memory.
//
// Wall-clock time is measured here, in the benchmark, never inside the runtime.
#include <malloc.h>

#include <new>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "looplab/event.hpp"
#include "looplab/gather.hpp"
#include "looplab/heap_pages.hpp"
#include "looplab/queue.hpp"
#include "looplab/runners.hpp"
#include "looplab/semaphore.hpp"
#include "looplab/sleep.hpp"

using namespace looplab;

// Live heap bytes, for the memory workload.
long long g_live_bytes = 0;
long long live_heap_bytes() { return g_live_bytes; }

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// Each workload returns the seconds its asyncio work took (set-up outside the timed part).
struct Result {
    double seconds = 0;
    long long n = 0;
    double bytes_per_task = -1;
};

// spawn: N tasks that each sleep(0) once, all created, then gathered.
Coroutine<void> sleep_once() { co_await sleep(0); }
Coroutine<void> spawn_main(long long n, Result* r) {
    auto t0 = Clock::now();
    std::vector<Future<void>> tasks;
    tasks.reserve(size_t(n));
    for (long long i = 0; i < n; ++i) tasks.push_back(create_task(sleep_once()));
    co_await gather(tasks);
    r->seconds = seconds_since(t0);
}

// switch: 100 tasks each doing sleep(0) N/100 times; one op = one switch.
Coroutine<void> switcher(long long k) {
    for (long long i = 0; i < k; ++i) co_await sleep(0);
}
Coroutine<void> switch_main(long long n, Result* r) {
    long long per = n / 100;
    r->n = per * 100;
    auto t0 = Clock::now();
    std::vector<Future<void>> tasks;
    for (int i = 0; i < 100; ++i) tasks.push_back(create_task(switcher(per)));
    co_await gather(tasks);
    r->seconds = seconds_since(t0);
}

// pingpong: two tasks exchanging N items over two Queue(maxsize=1).
Coroutine<void> pinger(Queue<long long>* q1, Queue<long long>* q2, long long n) {
    for (long long i = 0; i < n; ++i) {
        co_await q1->put(i);
        long long back = co_await q2->get();
        (void)back;
    }
}
Coroutine<void> ponger(Queue<long long>* q1, Queue<long long>* q2, long long n) {
    for (long long i = 0; i < n; ++i) {
        long long v = co_await q1->get();
        co_await q2->put(v);
    }
}
Coroutine<void> pingpong_main(long long n, Result* r) {
    Queue<long long> q1(1), q2(1);
    auto t0 = Clock::now();
    auto a = create_task(pinger(&q1, &q2, n));
    auto b = create_task(ponger(&q1, &q2, n));
    co_await a;
    co_await b;
    r->seconds = seconds_since(t0);
}

// semaphore: N tasks on Semaphore(10), each holding it across one sleep(0).
Coroutine<void> holder(Semaphore* sem) {
    co_await sem->acquire();
    co_await sleep(0);
    sem->release();
}
Coroutine<void> semaphore_main(long long n, Result* r) {
    Semaphore sem(10);
    auto t0 = Clock::now();
    std::vector<Future<void>> tasks;
    tasks.reserve(size_t(n));
    for (long long i = 0; i < n; ++i) tasks.push_back(create_task(holder(&sem)));
    co_await gather(tasks);
    r->seconds = seconds_since(t0);
}

// timers: N tasks each sleeping a seeded random delay in [0, 1). On the virtual clock no time
// is spent waiting: this measures the timer heap and the wake-ups.
Coroutine<void> sleeper(double d) { co_await sleep(d); }
Coroutine<void> timers_main(long long n, Result* r) {
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> dist(0.0, 1.0);
    std::vector<double> delays(static_cast<size_t>(n));
    for (auto& d : delays) d = dist(rng);
    auto t0 = Clock::now();
    std::vector<Future<void>> tasks;
    tasks.reserve(size_t(n));
    for (double d : delays) tasks.push_back(create_task(sleeper(d)));
    co_await gather(tasks);
    r->seconds = seconds_since(t0);
}

// memory: N tasks pending on one Event; heap bytes per pending task. Every allocation is
// counted through the replaced global operator new below, at malloc's real block size
// (malloc_usable_size + its 8-byte header), so allocator overhead is included.
Coroutine<void> waiter(Event* ev) { co_await ev->wait(); }
Coroutine<void> memory_main(long long n, Result* r) {
    Event ev;
    std::vector<Future<void>> tasks;
    tasks.reserve(size_t(n));
    long long before = live_heap_bytes();
    auto t0 = Clock::now();
    for (long long i = 0; i < n; ++i) tasks.push_back(create_task(waiter(&ev)));
    co_await sleep(0);  // every task starts and blocks on the event
    r->seconds = seconds_since(t0);
    // One more iteration: the ready queue gives back the burst's capacity (steady state).
    co_await sleep(0);
    long long after = live_heap_bytes();
    r->bytes_per_task = double(after - before) / double(n);
    ev.set();
    co_await gather(tasks);
}

struct Workload {
    const char* name;
    Coroutine<void> (*main)(long long, Result*);
};
const Workload kWorkloads[] = {
    {"spawn", spawn_main},         {"switch", switch_main}, {"pingpong", pingpong_main},
    {"semaphore", semaphore_main}, {"timers", timers_main}, {"memory", memory_main},
};

int usage() {
    std::fprintf(stderr, "usage: looplab-bench WORKLOAD N\nworkloads:");
    for (auto& w : kWorkloads) std::fprintf(stderr, " %s", w.name);
    std::fprintf(stderr, "\nLOOPLAB_TRACE=1 records the trace while running (warm: reuse a first run's trace memory).\n");
    return 2;
}

}  // namespace

void* operator new(size_t size) {
    void* p = std::malloc(size ? size : 1);
    if (!p) throw std::bad_alloc();
    g_live_bytes += (long long)malloc_usable_size(p) + 8;
    return p;
}
void operator delete(void* p) noexcept {
    if (!p) return;
    g_live_bytes -= (long long)malloc_usable_size(p) + 8;
    std::free(p);
}
void operator delete(void* p, size_t) noexcept { operator delete(p); }

int main(int argc, char** argv) {
    if (argc != 3) return usage();
    const Workload* w = nullptr;
    for (auto& k : kWorkloads)
        if (!std::strcmp(argv[1], k.name)) w = &k;
    char* end = nullptr;
    long long n = std::strtoll(argv[2], &end, 10);
    if (!w || *end || n <= 0) return usage();
    looplab::use_huge_pages_for_heap();  // as `looplab` does (LOOPLAB_SMALL_PAGES=1: without)

    Runtime rt;
    const char* trace = std::getenv("LOOPLAB_TRACE");
    if (trace && *trace && std::strcmp(trace, "0") != 0) rt.enable_tracing();
    Result r;
    r.n = n;
    if (trace && std::strcmp(trace, "warm") == 0) {
        // LOOPLAB_TRACE=warm: run once untimed so the trace's memory is already mapped, then
        // measure a second run that reuses it: tracing's own cost without first-touch page
        // faults (which dominate on machines where they are slow).
        run(w->main(n, &r));
        rt.tracer()->clear();
        r = Result{};
        r.n = n;
    }
    run(w->main(n, &r));
    std::printf("%s N=%lld seconds=%.6f per_op_ns=%.2f", w->name, r.n, r.seconds, r.seconds / double(r.n) * 1e9);
    if (r.bytes_per_task >= 0) std::printf(" bytes_per_task=%.0f", r.bytes_per_task);
    if (rt.tracer()) std::printf(" trace_events=%zu", rt.tracer()->events().size());
    std::printf("\n");
    return 0;
}
