// One scenario run over every lock-like primitive (Lock, Semaphore(1), BoundedSemaphore(1),
// Condition), in Trio's style: the whole event log and the whole tick sequence are compared,
// and they are the same for all four — in CPython too (checked with tools/cpython_runner.py
// on the Python twin quoted below, for each of the four classes).
#include <catch2/catch.hpp>
#include <map>
#include <memory>

#include "looplab/condition.hpp"
#include "looplab/event_loop.hpp"
#include "looplab/lock.hpp"
#include "looplab/runners.hpp"
#include "looplab/semaphore.hpp"
#include "looplab/sleep.hpp"
#include "test_support.hpp"

using namespace looplab;
using looplab::testing::at;
using looplab::testing::Run;

namespace {

template <class P>
std::unique_ptr<P> make_primitive() {
    if constexpr (std::is_same_v<P, Semaphore> || std::is_same_v<P, BoundedSemaphore>) return std::make_unique<P>(1);
    else return std::make_unique<P>();
}

const char* py_bool(bool b) { return b ? "True" : "False"; }

void log(const std::string& text) { print(at(text)); }
// "w1", "w2"…; `"w" + std::to_string(i)` trips GCC 12's false -Wrestrict at -O2.
std::string numbered(const char* prefix, int i) {
    std::string s(prefix);
    s += std::to_string(i);
    return s;
}

// The primitive_op events as "<task name> <what>", with Lock's and Semaphore's op names
// mapped to one vocabulary (acquire = fast path, wait, acquired = after waiting, release).
// A Condition's operations are its lock's.
std::vector<std::string> generic_ops(const Run& run) {
    std::map<uint32_t, std::string> names;
    std::vector<std::string> out;
    const Tracer& tr = *run.rt.tracer();
    for (const auto& e : tr.events()) {
        if (e.kind == EventKind::task_created) names[e.subject] = tr.strings().get(e.arg);
        if (e.kind != EventKind::primitive_op) continue;
        std::string op = primitive_op_name(PrimitiveOp(e.arg & 0xFF));
        op = op.substr(op.find('_') + 1);
        out.push_back(names[e.object] + " " + op);
    }
    return out;
}

/*  The Python twin (run with each of the four classes):

    async def worker(p, name):
        at(f"{name} waits")
        try:
            await p.acquire()
        except asyncio.CancelledError:
            at(f"{name} cancelled")
            raise
        at(f"{name} acquired")
        try:
            await asyncio.sleep(1)
        finally:
            at(f"{name} releases")
            p.release()

    async def main():
        p = make()
        await p.acquire()
        at(f"main acquired locked={p.locked()}")
        p.release()
        at(f"main released locked={p.locked()}")
        ws = [asyncio.create_task(worker(p, f"w{i}")) for i in range(1, 5)]
        await asyncio.sleep(0.5)
        at(f"main cancels w2 locked={p.locked()}")
        ws[1].cancel()
        await asyncio.sleep(0.5)
        at(f"main cancels w3 (already woken)")
        ws[2].cancel()
        for w in ws:
            try:
                await w
            except asyncio.CancelledError:
                pass
        at(f"main all done locked={p.locked()}")
        async with p:
            at("main in async with")
        at(f"main end locked={p.locked()}")
*/
template <class P>
Coroutine<void> worker(P& p, std::string name) {
    log(name + " waits");
    try {
        co_await p.acquire();
    } catch (const CancelledError&) {
        log(name + " cancelled");
        throw;
    }
    log(name + " acquired");
    try {
        co_await sleep(1);
    } catch (...) {
        log(name + " releases");
        p.release();
        throw;
    }
    log(name + " releases");
    p.release();
}

// Steps (ticks) the fast path took, recorded for the test: none expected.
uint32_t fast_path_extra_ticks = 99;

template <class P>
Coroutine<void> lock_like_main() {
    auto holder = make_primitive<P>();
    P& p = *holder;
    uint32_t before = Runtime::current().tick();
    co_await p.acquire();
    fast_path_extra_ticks = Runtime::current().tick() - before;
    log(std::string("main acquired locked=") + py_bool(p.locked()));
    p.release();
    log(std::string("main released locked=") + py_bool(p.locked()));
    std::vector<Task<void>> ws;
    for (int i = 1; i <= 4; ++i) ws.push_back(create_task(worker(p, numbered("w", i))));
    co_await sleep(0.5);
    log(std::string("main cancels w2 locked=") + py_bool(p.locked()));
    ws[1].cancel();
    co_await sleep(0.5);
    // w1 released the lock in this same iteration, just before us: w3 is woken, not yet run.
    log("main cancels w3 (already woken)");
    ws[2].cancel();
    for (auto& w : ws) {
        try {
            co_await w;
        } catch (const CancelledError&) {
        }
    }
    log(std::string("main all done locked=") + py_bool(p.locked()));
    {
        auto guard = co_await p.scoped();
        log("main in async with");
    }
    log(std::string("main end locked=") + py_bool(p.locked()));
}

}  // namespace

TEMPLATE_TEST_CASE("lock-like primitives: fast path, FIFO, cancel waiting, cancel woken", "[lock_like]", Lock,
                   Semaphore, BoundedSemaphore, Condition) {
    Run run;
    looplab::run(lock_like_main<TestType>());
    CHECK(fast_path_extra_ticks == 0);
    CHECK(run.lines() == std::vector<std::string>{
                             "t=0 main acquired locked=True",
                             "t=0 main released locked=False",
                             "t=0 w1 waits",
                             "t=0 w1 acquired",
                             "t=0 w2 waits",
                             "t=0 w3 waits",
                             "t=0 w4 waits",
                             "t=0.5 main cancels w2 locked=True",
                             "t=0.5 w2 cancelled",
                             "t=1 w1 releases",
                             "t=1 main cancels w3 (already woken)",
                             "t=1 w3 cancelled",  // ...and it passes the lock on to w4: no lost wakeup
                             "t=1 w4 acquired",
                             "t=2 w4 releases",
                             "t=2 main all done locked=False",
                             "t=2 main in async with",
                             "t=2 main end locked=False",
                         });
    // CPython's --ticks for the twin, identical for the four classes.
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n"
          "0.000000 1 Task-2\n"
          "0.000000 1 Task-3\n"
          "0.000000 1 Task-4\n"
          "0.000000 1 Task-5\n"
          "0.500000 1 Task-1\n"
          "0.500000 1 Task-3\n"
          "1.000000 1 Task-2\n"
          "1.000000 1 Task-1\n"
          "1.000000 1 Task-4\n"
          "1.000000 1 Task-5\n"
          "1.000000 1 Task-1\n"
          "2.000000 1 Task-5\n"
          "2.000000 1 Task-1\n"
          "2.000000 1 Task-6\n"
          "2.000000 1 Task-7\n");
    // Who took it without waiting, who waited, who was handed it, in order. w2 and w3 left
    // the queue cancelled (no event); w3's wake-up went on to w4.
    CHECK(generic_ops(run) == std::vector<std::string>{
                                  "Task-1 acquire",
                                  "Task-1 release",
                                  "Task-2 acquire",
                                  "Task-3 wait",
                                  "Task-4 wait",
                                  "Task-5 wait",
                                  "Task-2 release",
                                  "Task-5 acquired",
                                  "Task-5 release",
                                  "Task-1 acquire",
                                  "Task-1 release",
                              });
    CHECK(run.err.str().empty());
}
