// asyncio.Event (locks.py): every waiter woken in the order it started waiting, a fast path
// when set, clear() not un-waking woken waiters, cancellation, the deadlock text. Expected
// ticks and output come from CPython 3.11 running the Python twin quoted with each program.
#include <catch2/catch.hpp>

#include "looplab/event.hpp"
#include "looplab/event_loop.hpp"
#include "looplab/gather.hpp"
#include "looplab/runners.hpp"
#include "looplab/sleep.hpp"
#include "test_support.hpp"

using namespace looplab;
using looplab::testing::at;
using looplab::testing::Run;

namespace {

void log(const std::string& text) { print(at(text)); }
// "w1", "w2"…; `"w" + std::to_string(i)` trips GCC 12's false -Wrestrict at -O2.
std::string numbered(const char* prefix, int i) {
    std::string s(prefix);
    s += std::to_string(i);
    return s;
}
const char* py_bool(bool b) { return b ? "True" : "False"; }

/*  async def waiter(ev, name):
        at(f"{name} waits")
        try:
            r = await ev.wait()
        except asyncio.CancelledError:
            at(f"{name} cancelled")
            raise
        at(f"{name} woken {r}")
    async def main():
        ev = asyncio.Event()
        ts = [asyncio.create_task(waiter(ev, f"w{i}")) for i in range(1, 4)]
        await asyncio.sleep(1)
        at(f"set waiters={len(ev._waiters)}")
        ev.set()
        ev.clear()
        at(f"cleared is_set={ev.is_set()}")
        await asyncio.gather(*ts)
        ev.set()
        r = await ev.wait()
        at(f"fast path {r}")
        ev.clear()
        a = asyncio.create_task(waiter(ev, "a"))
        b = asyncio.create_task(waiter(ev, "b"))
        c = asyncio.create_task(waiter(ev, "c"))
        await asyncio.sleep(0)
        a.cancel()
        await asyncio.sleep(0)
        ev.set()
        c.cancel()
        await b
        for t in (a, c):
            try:
                await t
            except asyncio.CancelledError:
                pass
        at(f"a cancelled={a.cancelled()} c cancelled={c.cancelled()} waiters={len(ev._waiters)}")   */
Coroutine<void> waiter(Event& ev, std::string name) {
    log(name + " waits");
    bool r = false;
    try {
        r = co_await ev.wait();
    } catch (const CancelledError&) {
        log(name + " cancelled");
        throw;
    }
    log(name + " woken " + py_bool(r));
}
uint32_t fast_path_ticks = 99;
Coroutine<void> event_main() {
    Event ev;
    std::vector<Future<void>> ts;
    for (int i = 1; i <= 3; ++i) ts.push_back(create_task(waiter(ev, numbered("w", i))));
    co_await sleep(1);
    log("set waiters=" + std::to_string(ev.waiter_count()));
    ev.set();
    ev.clear();  // too late to un-wake them: their futures are done
    log(std::string("cleared is_set=") + py_bool(ev.is_set()));
    co_await gather(ts);
    ev.set();
    uint32_t before = Runtime::current().tick();
    bool r = co_await ev.wait();
    fast_path_ticks = Runtime::current().tick() - before;
    log(std::string("fast path ") + py_bool(r));
    ev.clear();
    auto a = create_task(waiter(ev, "a"));
    auto b = create_task(waiter(ev, "b"));
    auto c = create_task(waiter(ev, "c"));
    co_await sleep(0);
    a.cancel();  // waiting: its future is cancelled
    co_await sleep(0);
    ev.set();
    c.cancel();  // already woken: CancelledError all the same
    co_await b;
    for (auto* t : {&a, &c}) {
        try {
            co_await *t;
        } catch (const CancelledError&) {
        }
    }
    log(std::string("a cancelled=") + py_bool(a.cancelled()) + " c cancelled=" + py_bool(c.cancelled()) +
        " waiters=" + std::to_string(ev.waiter_count()));
}

std::vector<std::string> primitive_ops(const Run& run) {
    std::vector<std::string> out;
    for (const auto& e : run.rt.tracer()->events())
        if (e.kind == EventKind::primitive_op)
            out.push_back(std::string(primitive_op_name(PrimitiveOp(e.arg & 0xFF))) + "/" + std::to_string(e.arg >> 8));
    return out;
}

}  // namespace

TEST_CASE("Event: set() wakes every waiter in order; clear(), fast path, cancellation") {
    Run run;
    looplab::run(event_main());
    CHECK(fast_path_ticks == 0);
    CHECK(run.lines() == std::vector<std::string>{
                             "t=0 w1 waits",
                             "t=0 w2 waits",
                             "t=0 w3 waits",
                             "t=1 set waiters=3",
                             "t=1 cleared is_set=False",
                             "t=1 w1 woken True",
                             "t=1 w2 woken True",
                             "t=1 w3 woken True",
                             "t=1 fast path True",
                             "t=1 a waits",
                             "t=1 b waits",
                             "t=1 c waits",
                             "t=1 a cancelled",
                             "t=1 b woken True",
                             "t=1 c cancelled",
                             "t=1 a cancelled=True c cancelled=True waiters=0",
                         });
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n"
          "0.000000 1 Task-2\n"
          "0.000000 1 Task-3\n"
          "0.000000 1 Task-4\n"
          "1.000000 1 Task-1\n"
          "1.000000 1 Task-2\n"
          "1.000000 1 Task-3\n"
          "1.000000 1 Task-4\n"
          "1.000000 1 Task-1\n"
          "1.000000 1 Task-5\n"
          "1.000000 1 Task-6\n"
          "1.000000 1 Task-7\n"
          "1.000000 1 Task-1\n"
          "1.000000 1 Task-5\n"
          "1.000000 1 Task-1\n"
          "1.000000 1 Task-6\n"
          "1.000000 1 Task-7\n"
          "1.000000 1 Task-1\n"
          "1.000000 1 Task-8\n"
          "1.000000 1 Task-9\n");
    // event_set's count is the number of waiters it woke.
    CHECK(primitive_ops(run) == std::vector<std::string>{
                                    "event_wait/0", "event_wait/0", "event_wait/0",
                                    "event_set/3", "event_clear/0",
                                    "event_woken/0", "event_woken/0", "event_woken/0",
                                    "event_set/0",                                  // already set
                                    "event_clear/0",
                                    "event_wait/0", "event_wait/0", "event_wait/0",
                                    "event_set/2",                                  // a was cancelled
                                    "event_woken/0",                                // b; c is cancelled
                                });
}

namespace {
Coroutine<void> wait_forever() {
    Event ev;
    co_await ev.wait();
}
}  // namespace

TEST_CASE("Event: deadlock text") {
    Run run;
    try {
        looplab::run(wait_forever());
        FAIL("no deadlock");
    } catch (const RunEnded& e) {
        CHECK(e.exit_code() == 3);
        CHECK(e.report() == "looplab: deadlock at t=0\n  Task-1 waits for Event");
    }
}

namespace {
Coroutine<void> set_later(Event& ev) {
    co_await sleep(1);
    ev.set();
}
Coroutine<void> wait_a_bit(Event& ev) {
    auto t = create_task(set_later(ev));
    co_await ev.wait();
    co_await t;
}
}  // namespace

TEST_CASE("Event: repr and loop binding") {
    Run run;
    Event ev;
    CHECK_THAT(ev.repr(), Catch::Matches(R"(<asyncio\.locks\.Event object at 0x[0-9a-f]+ \[unset\]>)"));
    looplab::run(wait_a_bit(ev));
    CHECK_THAT(ev.repr(), Catch::Matches(R"(<asyncio\.locks\.Event object at 0x[0-9a-f]+ \[set\]>)"));
    ev.clear();
    std::string message;
    try {
        looplab::run(wait_a_bit(ev));
    } catch (const RuntimeError& e) {
        message = e.message();
    }
    CHECK_THAT(message, Catch::Matches(R"(<asyncio\.locks\.Event object at 0x[0-9a-f]+ \[unset\]> is bound to a different event loop)"));
}
