// asyncio.Semaphore / BoundedSemaphore (locks.py as of 3.11.2): the value, FIFO wake-up with
// _wake_up_next handing a unit to the woken waiter at once, a cancelled-after-woken waiter
// giving its unit back to the next one, locked() ignoring cancelled waiters, the acquire
// path that wakes the next waiter when units are left, errors, the deadlock text.
// Expected ticks and output come from CPython 3.11 running the Python twins quoted here.
#include <catch2/catch.hpp>
#include <map>

#include "looplab/event_loop.hpp"
#include "looplab/gather.hpp"
#include "looplab/runners.hpp"
#include "looplab/semaphore.hpp"
#include "looplab/sleep.hpp"
#include "test_support.hpp"

using namespace looplab;
using looplab::testing::at;
using looplab::testing::Run;

namespace {

void log(const std::string& text) { print(at(text)); }
const char* py_bool(bool b) { return b ? "True" : "False"; }

// The primitive_op events as "<task name> <op> <count>".
std::vector<std::string> primitive_ops(const Run& run) {
    std::map<uint32_t, std::string> names;
    std::vector<std::string> out;
    const Tracer& tr = *run.rt.tracer();
    for (const auto& e : tr.events()) {
        if (e.kind == EventKind::task_created) names[e.subject] = tr.strings().get(e.arg);
        if (e.kind != EventKind::primitive_op) continue;
        out.push_back(names[e.object] + " " + primitive_op_name(PrimitiveOp(e.arg & 0xFF)) + " " +
                      std::to_string(e.arg >> 8));
    }
    return out;
}

/*  async def worker(sem, name):
        async with sem:
            at(f"{name} starts")
            await asyncio.sleep(1)
        at(f"{name} done")
    async def main():
        sem = asyncio.Semaphore(2)
        await asyncio.gather(*(worker(sem, f"w{i}") for i in range(1, 5)))             */
Coroutine<void> worker(Semaphore& sem, std::string name) {
    {
        auto guard = co_await sem.scoped();
        log(name + " starts");
        co_await sleep(1);
    }
    log(name + " done");
}
Coroutine<void> two_at_a_time() {
    Semaphore sem(2);
    co_await gather(worker(sem, "w1"), worker(sem, "w2"), worker(sem, "w3"), worker(sem, "w4"));
}

}  // namespace

TEST_CASE("Semaphore(2): four workers holding it 1 s each finish at 1, 1, 2, 2") {
    Run run;
    looplab::run(two_at_a_time());
    CHECK(run.lines() == std::vector<std::string>{
                             "t=0 w1 starts",
                             "t=0 w2 starts",
                             "t=1 w1 done",
                             "t=1 w2 done",
                             "t=1 w3 starts",
                             "t=1 w4 starts",
                             "t=2 w3 done",
                             "t=2 w4 done",
                         });
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n"
          "0.000000 1 Task-2\n"
          "0.000000 1 Task-3\n"
          "0.000000 1 Task-4\n"
          "0.000000 1 Task-5\n"
          "1.000000 1 Task-2\n"
          "1.000000 1 Task-3\n"
          "1.000000 1 Task-4\n"
          "1.000000 1 Task-5\n"
          "2.000000 1 Task-4\n"
          "2.000000 1 Task-5\n"
          "2.000000 1 Task-1\n"
          "2.000000 1 Task-6\n"
          "2.000000 1 Task-7\n");
    // Counts are the value after each operation (a release that hands the unit to a waiter
    // at once leaves it at 0).
    CHECK(primitive_ops(run) == std::vector<std::string>{
                                    "Task-2 semaphore_acquire 1",
                                    "Task-3 semaphore_acquire 0",
                                    "Task-4 semaphore_wait 0",
                                    "Task-5 semaphore_wait 0",
                                    "Task-2 semaphore_release 0",
                                    "Task-3 semaphore_release 0",
                                    "Task-4 semaphore_acquired 0",
                                    "Task-5 semaphore_acquired 0",
                                    "Task-4 semaphore_release 1",
                                    "Task-5 semaphore_release 2",
                                });
}

namespace {
/*  async def acq(sem, name):
        at(f"{name} waits")
        try:
            await sem.acquire()
        except asyncio.CancelledError:
            at(f"{name} cancelled value={sem._value}")
            raise
        at(f"{name} acquired value={sem._value}")
    async def settle(*ts):
        for t in ts:
            try:
                await t
            except asyncio.CancelledError:
                pass
    async def main():
        sem = asyncio.Semaphore(0)
        # cancel while waiting; cancel after being woken: the unit goes to the next waiter
        a, b, c = (asyncio.create_task(acq(sem, n)) for n in "abc")
        await asyncio.sleep(0)
        a.cancel()
        await asyncio.sleep(0)
        at(f"locked={sem.locked()}")
        sem.release()
        b.cancel()
        at(f"released, b woken and cancelled, value={sem._value}")
        await settle(a, b, c)
        at(f"value={sem._value}")
        # a release while the woken waiter has not run yet: it wakes the next one on its way out
        d = asyncio.create_task(acq(sem, "d"))
        await asyncio.sleep(0)
        sem.release()
        sem.release()
        at(f"two releases, value={sem._value} locked={sem.locked()}")
        await sem.acquire()  # queued behind the woken d, although value == 1
        at(f"main acquired value={sem._value}")
        await settle(d)
        # only cancelled waiters: not locked
        f = asyncio.create_task(acq(sem, "f"))
        await asyncio.sleep(0)
        f.cancel()
        sem.release()
        at(f"only a cancelled waiter: locked={sem.locked()} value={sem._value}")
        await sem.acquire()
        at(f"fast path value={sem._value}")
        await settle(f)
        bs = asyncio.BoundedSemaphore(1)
        try:
            bs.release()
        except ValueError as e:
            at(f"{e}")
        try:
            asyncio.Semaphore(-1)
        except ValueError as e:
            at(f"{e}")                                                                 */
Coroutine<void> acq(Semaphore& sem, std::string name) {
    log(name + " waits");
    try {
        co_await sem.acquire();
    } catch (const CancelledError&) {
        log(name + " cancelled value=" + std::to_string(sem.value()));
        throw;
    }
    log(name + " acquired value=" + std::to_string(sem.value()));
}
Coroutine<void> settle(std::vector<Task<void>> ts) {
    for (auto& t : ts) {
        try {
            co_await t;
        } catch (const CancelledError&) {
        }
    }
}
uint32_t fast_path_ticks = 99;
Coroutine<void> edges_main() {
    Semaphore sem(0);
    auto a = create_task(acq(sem, "a"));
    auto b = create_task(acq(sem, "b"));
    auto c = create_task(acq(sem, "c"));
    co_await sleep(0);
    a.cancel();
    co_await sleep(0);
    log(std::string("locked=") + py_bool(sem.locked()));
    sem.release();
    b.cancel();
    log("released, b woken and cancelled, value=" + std::to_string(sem.value()));
    std::vector<Task<void>> abc{a, b, c};
    co_await settle(abc);
    log("value=" + std::to_string(sem.value()));

    auto d = create_task(acq(sem, "d"));
    co_await sleep(0);
    sem.release();
    sem.release();
    log("two releases, value=" + std::to_string(sem.value()) + " locked=" + py_bool(sem.locked()));
    co_await sem.acquire();
    log("main acquired value=" + std::to_string(sem.value()));
    std::vector<Task<void>> just_d{d};
    co_await settle(just_d);

    auto f = create_task(acq(sem, "f"));
    co_await sleep(0);
    f.cancel();
    sem.release();
    log(std::string("only a cancelled waiter: locked=") + py_bool(sem.locked()) + " value=" + std::to_string(sem.value()));
    uint32_t before = Runtime::current().tick();
    co_await sem.acquire();
    fast_path_ticks = Runtime::current().tick() - before;
    log("fast path value=" + std::to_string(sem.value()));
    std::vector<Task<void>> just_f{f};
    co_await settle(just_f);

    BoundedSemaphore bs(1);
    try {
        bs.release();
    } catch (const ValueError& e) {
        log(e.message());
    }
    try {
        Semaphore bad(-1);
    } catch (const ValueError& e) {
        log(e.message());
    }
}
}  // namespace

TEST_CASE("Semaphore: cancellation before and after being woken, wake-up on the way out, locked()") {
    Run run;
    looplab::run(edges_main());
    CHECK(fast_path_ticks == 0);
    CHECK(run.lines() == std::vector<std::string>{
                             "t=0 a waits",
                             "t=0 b waits",
                             "t=0 c waits",
                             "t=0 a cancelled value=0",
                             "t=0 locked=True",
                             "t=0 released, b woken and cancelled, value=0",
                             "t=0 b cancelled value=0",  // gave its unit back: c gets it
                             "t=0 c acquired value=0",
                             "t=0 value=0",
                             "t=0 d waits",
                             "t=0 two releases, value=1 locked=True",
                             "t=0 d acquired value=0",  // ...and woke main with the spare unit
                             "t=0 main acquired value=0",
                             "t=0 f waits",
                             "t=0 only a cancelled waiter: locked=False value=1",
                             "t=0 fast path value=0",
                             "t=0 f cancelled value=0",
                             "t=0 BoundedSemaphore released too many times",
                             "t=0 Semaphore initial value must be >= 0",
                         });
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n"
          "0.000000 1 Task-2\n"
          "0.000000 1 Task-3\n"
          "0.000000 1 Task-4\n"
          "0.000000 1 Task-1\n"
          "0.000000 1 Task-2\n"
          "0.000000 1 Task-1\n"
          "0.000000 1 Task-3\n"
          "0.000000 1 Task-4\n"
          "0.000000 1 Task-1\n"
          "0.000000 1 Task-5\n"
          "0.000000 1 Task-1\n"
          "0.000000 1 Task-5\n"
          "0.000000 1 Task-1\n"
          "0.000000 1 Task-6\n"
          "0.000000 1 Task-1\n"
          "0.000000 1 Task-6\n"
          "0.000000 1 Task-1\n"
          "0.000000 1 Task-7\n"
          "0.000000 1 Task-8\n");
}

namespace {
Coroutine<void> over_release() {
    BoundedSemaphore sem(2);
    {
        auto guard = co_await sem.scoped();
    }
    Semaphore& base = sem;
    base.release();  // through the base class too
}
Coroutine<void> acquire_forever(Semaphore& sem) { co_await sem.acquire(); }
}  // namespace

TEST_CASE("BoundedSemaphore: over-release raises ValueError, also through Semaphore&") {
    Run run;
    try {
        looplab::run(over_release());
        FAIL("no exception");
    } catch (const ValueError& e) {
        CHECK(e.format_exception_only() == "ValueError: BoundedSemaphore released too many times");
    }
}

TEST_CASE("Semaphore: deadlock text, repr") {
    Run run;
    Semaphore sem(0);
    CHECK_THAT(sem.repr(), Catch::Matches(R"(<asyncio\.locks\.Semaphore object at 0x[0-9a-f]+ \[locked\]>)"));
    BoundedSemaphore three(3);
    CHECK_THAT(three.repr(),
               Catch::Matches(R"(<asyncio\.locks\.BoundedSemaphore object at 0x[0-9a-f]+ \[unlocked, value:3\]>)"));
    try {
        looplab::run(acquire_forever(sem));
        FAIL("no deadlock");
    } catch (const RunEnded& e) {
        CHECK(e.exit_code() == 3);
        CHECK(e.report() == "looplab: deadlock at t=0\n  Task-1 waits for Semaphore (value 0)");
    }
}

TEST_CASE("BoundedSemaphore: deadlock text") {
    Run run;
    BoundedSemaphore bsem(0);
    try {
        looplab::run(acquire_forever(bsem));
        FAIL("no deadlock");
    } catch (const RunEnded& e) {
        CHECK(e.report() == "looplab: deadlock at t=0\n  Task-1 waits for BoundedSemaphore (value 0)");
    }
}
