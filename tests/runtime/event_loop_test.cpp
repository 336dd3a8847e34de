// EventLoop (base_events.py): call_soon FIFO, timers by (due time, scheduling order), the
// clock jumping exactly, lazy removal of cancelled timers, stop/run_forever/close, the
// exception handler, deadlock and run limits.
#include <catch2/catch.hpp>

#include <algorithm>

#include "looplab/event_loop.hpp"
#include "looplab/runners.hpp"
#include "looplab/sleep.hpp"
#include "test_support.hpp"

using namespace looplab;
using looplab::testing::Run;

namespace {
Coroutine<void> sleeper(int i, double d, std::vector<int>* order) {
    co_await sleep(d);
    order->push_back(i);
}
Coroutine<void> sleepers(int n, double d, std::vector<int>* order) {
    std::vector<Task<void>> ts;
    for (int i = 0; i < n; ++i) ts.push_back(create_task(sleeper(i, d, order)));
    for (auto& t : ts) co_await t;
}
Coroutine<void> wait_forever() {
    auto fut = get_running_loop().create_future<int>();
    co_await fut;
}
Coroutine<void> endless() {
    for (;;) co_await sleep(1);
}
Coroutine<void> spin_sleep0() {
    for (;;) co_await sleep(0);
}
}  // namespace

TEST_CASE("call_soon runs callbacks in FIFO order, one iteration at a time") {
    Run run;
    EventLoop& loop = run.rt.new_event_loop();
    std::vector<std::string> log;
    loop.call_soon([&] {
        log.push_back("a");
        loop.call_soon([&] { log.push_back("c (scheduled by a: next iteration)"); loop.stop(); });
    });
    loop.call_soon([&] { log.push_back("b"); });
    loop.run_forever();
    CHECK(log == std::vector<std::string>{"a", "b", "c (scheduled by a: next iteration)"});
    CHECK_FALSE(loop.is_running());
}

TEST_CASE("timers run by due time, ties in scheduling order, and the clock jumps exactly") {
    Run run;
    SECTION("seven sleepers due at the same moment wake in creation order") {
        std::vector<int> order;
        looplab::run(sleepers(7, 1.5, &order));
        CHECK(order == std::vector<int>{0, 1, 2, 3, 4, 5, 6});
        CHECK(run.rt.clock() == 1.5);
    }
    SECTION("call_at/call_later order by due time then scheduling order") {
        EventLoop& loop = run.rt.new_event_loop();
        std::vector<std::string> log;
        loop.call_later(2, [&] { log.push_back("2a@" + format_time(loop.time())); });
        loop.call_at(1, [&] { log.push_back("1a@" + format_time(loop.time())); });
        loop.call_later(2, [&] { log.push_back("2b@" + format_time(loop.time())); });
        loop.call_at(1, [&] { log.push_back("1b@" + format_time(loop.time())); });
        loop.call_later(3, [&] { loop.stop(); });
        loop.run_forever();
        CHECK(log == std::vector<std::string>{"1a@1", "1b@1", "2a@2", "2b@2"});
        CHECK(loop.time() == 3);
    }
    SECTION("the clock lands on each due time: ten sleeps of 0.1 give CPython's float sum") {
        auto prog = []() -> Coroutine<double> {
            for (int i = 0; i < 10; ++i) co_await sleep(0.1);
            co_return virtual_time();
        };
        // Each due time is time() + 0.1 in floating point, as in CPython (same value there).
        CHECK(looplab::run(prog()) == 0.9999999999999999);
    }
}

TEST_CASE("cancelled timers never run and are dropped lazily") {
    Run run;
    EventLoop& loop = run.rt.new_event_loop();
    int fired = 0;
    std::vector<Ref<TimerHandle>> hs;
    for (int i = 0; i < 300; ++i) hs.push_back(loop.call_later(1 + i * 0.01, [&] { ++fired; }));
    for (int i = 0; i < 200; ++i) hs[size_t(i)]->cancel();
    CHECK(loop.timer_count() == 300);  // still in the heap until the next iteration
    loop.call_later(10, [&] { loop.stop(); });
    SECTION("more than half cancelled among more than 100: the heap is rebuilt at once") {
        loop.call_soon([&] { CHECK(loop.timer_count() == 101); });
        loop.run_forever();
        CHECK(fired == 100);
    }
    SECTION("a cancelled handle is idempotent and reports cancelled()") {
        hs[0]->cancel();
        CHECK(hs[0]->cancelled());
        loop.run_forever();
        CHECK(fired == 100);
    }
}

TEST_CASE("run_forever, stop and close follow base_events.py") {
    Run run;
    EventLoop& loop = run.rt.new_event_loop();
    SECTION("stop() lets the current iteration finish") {
        std::vector<int> log;
        loop.call_soon([&] { log.push_back(1); loop.stop(); });
        loop.call_soon([&] { log.push_back(2); });
        loop.run_forever();
        CHECK(log == std::vector<int>{1, 2});
    }
    SECTION("a closed loop refuses work") {
        loop.close();
        CHECK(loop.is_closed());
        CHECK_THROWS_WITH(loop.call_soon([] {}), "Event loop is closed");
        CHECK_THROWS_WITH(loop.run_forever(), "Event loop is closed");
    }
    SECTION("run_until_complete on a running loop raises") {
        auto prog = []() -> Coroutine<std::string> {
            try {
                get_running_loop().run_forever();
            } catch (const RuntimeError& e) {
                co_return e.message();
            }
            co_return "";
        };
        CHECK(looplab::run(prog()) == "This event loop is already running");
    }
    SECTION("exceptions in callbacks go to the exception handler and the loop goes on") {
        std::vector<std::string> seen;
        loop.set_exception_handler([&](EventLoop&, const ExceptionContext& ctx) {
            seen.push_back(ctx.message + ": " + format_exception_only(ctx.exception));
        });
        loop.call_soon([] { throw ValueError("bad callback"); });
        loop.call_soon([&] { loop.stop(); });
        loop.run_forever();
        CHECK(seen == std::vector<std::string>{"Exception in callback: ValueError: bad callback"});
    }
    SECTION("the default exception handler writes to stderr") {
        loop.call_soon([] { throw ValueError("bad callback"); });
        loop.call_soon([&] { loop.stop(); });
        loop.run_forever();
        CHECK(run.err.str() == "Exception in callback\nValueError: bad callback\n");
    }
}

TEST_CASE("a run ends with LoopLab's own reports") {
    Run run;
    SECTION("a task waiting on a future nobody can complete is a deadlock (exit 3)") {
        try {
            looplab::run(wait_forever());
            FAIL("no deadlock reported");
        } catch (const RunEnded& e) {
            CHECK(e.exit_code() == 3);
            CHECK(e.report() == "looplab: deadlock at t=0\n  Task-1 waits for Future");
        }
    }
    SECTION("--until stops at the limit (exit 0)") {
        run.rt.limits().until = 10;
        try {
            looplab::run(endless());
            FAIL("no limit reported");
        } catch (const RunEnded& e) {
            CHECK(e.exit_code() == 0);
            CHECK(e.report() == "looplab: stopped at t=10 (time limit)");
            CHECK(run.rt.clock() == 10);
        }
        // A timer due exactly at the limit still runs: 11 steps, at t=0, 1, …, 10.
        std::string ticks = run.ticks();
        CHECK(std::count(ticks.begin(), ticks.end(), '\n') == 11);
        CHECK(ticks.substr(ticks.size() - 19) == "10.000000 1 Task-1\n");
    }
    SECTION("--max-steps stops before step N+1") {
        run.rt.limits().max_steps = 5;
        CHECK_THROWS_WITH(looplab::run(spin_sleep0()), "looplab: stopped after 5 steps (step limit)");
        CHECK(run.rt.tick() == 5);
    }
}

TEST_CASE("closing a loop frees callbacks that never ran, even ones that own their handle") {
    Run run;
    EventLoop& loop = run.rt.new_event_loop();
    // A callback owning its own handle (as a due-now timeout's does): a cycle that only
    // running or cancelling the handle breaks. Under LeakSanitizer a leak fails the test.
    auto holder = std::make_shared<Ref<Handle>>();
    *holder = loop.call_soon([holder] { (void)holder; });
    std::weak_ptr<Ref<Handle>> watch = holder;
    holder.reset();
    CHECK_FALSE(watch.expired());
    loop.close();
    CHECK(watch.expired());
}
