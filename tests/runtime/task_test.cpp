// Task (tasks.py): creation, names, first step via call_soon, wake-up one iteration after
// the awaited future, cancel/cancelling/uncancel, CancelledError at the current await.
#include <catch2/catch.hpp>

#include "looplab/runners.hpp"
#include "looplab/sleep.hpp"
#include "test_support.hpp"

using namespace looplab;
using looplab::testing::at;
using looplab::testing::Run;

namespace {

Coroutine<int> worker(std::string name, double d) {
    print(at(name + " start"));
    co_await sleep(d);
    print(at(name + " done"));
    co_return int(d);
}

Coroutine<void> tour() {
    auto t1 = create_task(worker("a", 2));
    auto t2 = create_task(worker("b", 1));
    int r1 = co_await t1;
    int r2 = co_await t2;
    print(std::to_string(r1) + " " + std::to_string(r2));
    auto t3 = create_task(worker("c", 1));
    t3.cancel();
    try {
        co_await t3;
    } catch (const CancelledError& e) {
        print("cancelled " + e.repr());
    }
    auto t4 = create_task(worker("d", 5));
    co_await sleep(1);
    t4.cancel("stop it");
    try {
        co_await t4;
    } catch (const CancelledError& e) {
        print(at("cancelled " + e.repr()));
    }
    create_task(worker("left", 10));
    co_await sleep(0);
}

Coroutine<void> stubborn(int* caught) {
    for (;;) {
        try {
            co_await sleep(1);
            print(at("stubborn slept"));
            co_return;
        } catch (const CancelledError&) {
            ++*caught;
            print(at("stubborn ignores a cancel"));
        }
    }
}

Coroutine<void> cancel_stubborn(int* caught) {
    auto t = create_task(stubborn(caught));
    co_await sleep(0.5);
    t.cancel();
    co_await sleep(0.25);
    t.cancel();
    co_await t;
    print(at("stubborn finished; cancelling()=" + std::to_string(t.cancelling())));
}

Coroutine<int> self_cancel() {
    current_task()->cancel();
    co_return 7;  // returning after cancel() still ends cancelled (tasks.py __step)
}

Coroutine<int> raises() {
    co_await sleep(0);
    throw ValueError("boom");
}

Coroutine<void> body_never_runs(bool* ran) {
    *ran = true;
    co_return;
}

}  // namespace

TEST_CASE("tasks interleave, finish and cancel exactly as CPython 3.11 does") {
    Run run;
    run.rt.set_output(run.out, run.err);
    looplab::run(tour());
    looplab::run(worker("second", 1));
    // Output and ticks of the same program under tools/cpython_runner.py (CPython 3.11).
    CHECK(run.lines() == std::vector<std::string>{
                             "t=0 a start", "t=0 b start", "t=1 b done", "t=2 a done", "2 1",
                             "cancelled CancelledError()", "t=2 d start", "t=3 cancelled CancelledError('stop it')",
                             "t=3 left start", "t=3 second start", "t=4 second done"});
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n0.000000 1 Task-2\n0.000000 1 Task-3\n1.000000 1 Task-3\n2.000000 1 Task-2\n"
          "2.000000 1 Task-1\n2.000000 1 Task-4\n2.000000 1 Task-1\n2.000000 1 Task-5\n3.000000 1 Task-1\n"
          "3.000000 1 Task-5\n3.000000 1 Task-1\n3.000000 1 Task-6\n3.000000 1 Task-1\n3.000000 1 Task-6\n"
          "3.000000 1 Task-7\n3.000000 1 Task-8\n3.000000 2 Task-9\n4.000000 2 Task-9\n4.000000 2 Task-10\n"
          "4.000000 2 Task-11\n");
}

TEST_CASE("a task that catches CancelledError can go on") {
    Run run;
    int caught = 0;
    looplab::run(cancel_stubborn(&caught));
    CHECK(caught == 2);
    CHECK(run.lines() == std::vector<std::string>{"t=0.5 stubborn ignores a cancel", "t=0.75 stubborn ignores a cancel",
                                                  "t=1.75 stubborn slept",
                                                  "t=1.75 stubborn finished; cancelling()=2"});
}

TEST_CASE("cancel() rules") {
    Run run;
    SECTION("cancelling a task before its first step means its body never runs") {
        bool ran = false;
        auto prog = [](bool* ran) -> Coroutine<bool> {
            auto t = create_task(body_never_runs(ran));
            CHECK(t.cancel());
            CHECK(t.cancelling() == 1);
            try {
                co_await t;
            } catch (const CancelledError&) {
            }
            co_return t.cancelled();
        };
        CHECK(looplab::run(prog(&ran)));
        CHECK_FALSE(ran);
    }
    SECTION("a task that returns after cancelling itself ends cancelled") {
        auto prog = []() -> Coroutine<bool> {
            auto t = create_task(self_cancel());
            try {
                co_await t;
            } catch (const CancelledError&) {
            }
            co_return t.cancelled();
        };
        CHECK(looplab::run(prog()));
    }
    SECTION("cancel() on a finished task returns false and uncancel() counts down") {
        auto prog = []() -> Coroutine<void> {
            auto t = create_task(worker("w", 0));
            co_await t;
            CHECK_FALSE(t.cancel());
            CHECK(t.cancelling() == 0);
            CHECK(t.uncancel() == 0);
        };
        looplab::run(prog());
    }
    SECTION("an exception in a task is raised where it is awaited") {
        auto prog = []() -> Coroutine<std::string> {
            auto t = create_task(raises());
            try {
                co_await t;
            } catch (const ValueError& e) {
                co_return e.format_exception_only();
            }
            co_return "no exception";
        };
        CHECK(looplab::run(prog()) == "ValueError: boom");
    }
}

TEST_CASE("task names count like CPython's") {
    Run run;
    auto prog = []() -> Coroutine<std::vector<std::string>> {
        std::vector<std::string> names;
        names.push_back(current_task()->get_name());
        auto a = create_task(worker("x", 0));
        auto b = create_task(worker("y", 0), "named");  // still takes a number (tasks.py create_task)
        auto c = get_running_loop().create_task(worker("z", 0), "loop-named");  // takes none
        auto d = create_task(worker("w", 0));
        for (auto* t : {&a, &b, &c, &d}) names.push_back(t->get_name());
        co_await sleep(0);
        co_return names;
    };
    CHECK(looplab::run(prog()) == std::vector<std::string>{"Task-1", "Task-2", "named", "loop-named", "Task-4"});
}

TEST_CASE("asyncio.run() rules") {
    Run run;
    SECTION("each run makes a new loop, numbered from 1") {
        auto number = []() -> Coroutine<int> { co_return get_running_loop().number(); };
        CHECK(looplab::run(number()) == 1);
        CHECK(looplab::run(number()) == 2);
    }
    SECTION("run() inside a running loop raises RuntimeError") {
        auto inner = []() -> Coroutine<void> { co_return; };
        auto outer = [](Coroutine<void> (*inner)()) -> Coroutine<std::string> {
            auto c = inner();
            try {
                looplab::run(std::move(c));
            } catch (const RuntimeError& e) {
                co_return e.message();
            }
            co_return "";
        };
        CHECK(looplab::run(outer(inner)) == "asyncio.run() cannot be called from a running event loop");
    }
    SECTION("an exception from main propagates after shutdown") {
        CHECK_THROWS_AS(looplab::run(raises()), ValueError);
    }
    SECTION("get_running_loop() outside a loop raises") {
        CHECK_THROWS_WITH(get_running_loop(), "no running event loop");
        CHECK(current_task() == nullptr);
    }
}
