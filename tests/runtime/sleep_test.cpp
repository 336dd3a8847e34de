// sleep (tasks.py): sleep(0) is a bare yield, sleep(d) a timer-resolved future whose timer
// is cancelled when the sleeper is cancelled.
#include <catch2/catch.hpp>

#include "looplab/event_loop.hpp"
#include "looplab/runners.hpp"
#include "looplab/sleep.hpp"
#include "test_support.hpp"

using namespace looplab;
using looplab::testing::Run;

namespace {
Coroutine<void> yielder(std::string name, int n) {
    for (int i = 0; i < n; ++i) {
        print(name + std::to_string(i));
        co_await sleep(0);
    }
}
Coroutine<void> two_yielders() {
    auto a = create_task(yielder("a", 3));
    auto b = create_task(yielder("b", 3));
    co_await a;
    co_await b;
}
Coroutine<void> long_sleep() { co_await sleep(100); }
Coroutine<size_t> cancel_a_sleeper() {
    auto t = create_task(long_sleep());
    co_await sleep(1);
    t.cancel();
    try {
        co_await t;
    } catch (const CancelledError&) {
    }
    co_return get_running_loop().timer_count();
}
}  // namespace

TEST_CASE("sleep(0) lets the other ready tasks run, round robin") {
    Run run;
    looplab::run(two_yielders());
    CHECK(run.lines() == std::vector<std::string>{"a0", "b0", "a1", "b1", "a2", "b2"});
    CHECK(run.rt.clock() == 0);
    // sleep(0) creates no timer: nothing in the trace but steps and handles.
    for (const auto& e : run.rt.tracer()->events()) CHECK(e.kind != EventKind::timer_set);
}

TEST_CASE("cancelling a sleeping task cancels its timer") {
    Run run;
    // The cancelled timer reached the head of the heap and was dropped by a later
    // iteration (_run_once's lazy removal); the clock never jumps to t=100.
    CHECK(looplab::run(cancel_a_sleeper()) == 0);
    CHECK(run.rt.clock() == 1);
}

TEST_CASE("negative delays behave like sleep(0)") {
    Run run;
    auto prog = []() -> Coroutine<double> {
        co_await sleep(-5);
        co_return virtual_time();
    };
    CHECK(looplab::run(prog()) == 0);
}
