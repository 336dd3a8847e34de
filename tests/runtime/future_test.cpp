// Future (futures.py): states, result/exception/cancel, done callbacks, InvalidStateError.
#include <catch2/catch.hpp>

#include "looplab/runners.hpp"
#include "looplab/sleep.hpp"
#include "test_support.hpp"

using namespace looplab;
using looplab::testing::Run;

TEST_CASE("a Future moves from pending to finished or cancelled once") {
    Run run;
    EventLoop& loop = run.rt.new_event_loop();
    Future<int> f = loop.create_future<int>();
    CHECK_FALSE(f.done());
    SECTION("result() before it is done raises InvalidStateError") {
        CHECK_THROWS_AS(f.result(), InvalidStateError);
        CHECK_THROWS_WITH(f.result(), "Result is not ready.");
        CHECK_THROWS_WITH(f.exception(), "Exception is not set.");
    }
    SECTION("set_result makes result() return the value; a second set raises") {
        f.set_result(5);
        CHECK(f.done());
        CHECK(f.result() == 5);
        CHECK(f.exception() == nullptr);
        CHECK_THROWS_AS(f.set_result(6), InvalidStateError);
        CHECK_FALSE(f.cancel());
    }
    SECTION("set_exception makes result() raise it") {
        f.set_exception(ValueError("nope"));
        CHECK_THROWS_WITH(f.result(), "nope");
        CHECK(format_exception_only(f.exception()) == "ValueError: nope");
    }
    SECTION("cancel(msg) makes result() raise CancelledError(msg)") {
        CHECK(f.cancel("why"));
        CHECK(f.cancelled());
        CHECK_FALSE(f.cancel());
        try {
            f.result();
            FAIL("no CancelledError");
        } catch (const CancelledError& e) {
            CHECK(e.repr() == "CancelledError('why')");
        }
        CHECK_THROWS_AS(f.exception(), CancelledError);
    }
}

TEST_CASE("done callbacks are scheduled with call_soon, in registration order") {
    Run run;
    EventLoop& loop = run.rt.new_event_loop();
    Future<int> f = loop.create_future<int>();
    std::vector<std::string> log;
    f.add_done_callback([&](FutureBase&) { log.push_back("first"); });
    uint64_t second = f.add_done_callback([&](FutureBase&) { log.push_back("second"); });
    f.add_done_callback([&](FutureBase& fut) { log.push_back(fut.done() ? "third sees done" : "third"); });
    SECTION("removing one leaves the others in order") {
        CHECK(f.remove_done_callback(second) == 1);
        CHECK(f.remove_done_callback(second) == 0);
        f.set_result(1);
        CHECK(log.empty());  // not called synchronously
        loop.call_soon([&] { loop.stop(); });
        loop.run_forever();
        CHECK(log == std::vector<std::string>{"first", "third sees done"});
    }
    SECTION("a callback added after completion is scheduled at once") {
        f.set_result(1);
        f.add_done_callback([&](FutureBase&) { log.push_back("late"); });
        loop.call_soon([&] { loop.stop(); });
        loop.run_forever();
        CHECK(log == std::vector<std::string>{"first", "second", "third sees done", "late"});
    }
}

TEST_CASE("awaiting a future resumes the task one iteration after it completes") {
    Run run;
    auto prog = []() -> Coroutine<std::vector<std::string>> {
        std::vector<std::string> log;
        auto fut = get_running_loop().create_future<std::string>();
        get_running_loop().call_soon([fut]() mutable { fut.set_result("hello"); });
        log.push_back(co_await fut);
        // Already done: no suspension, the value comes straight back.
        log.push_back(co_await fut + " again");
        co_return log;
    };
    CHECK(looplab::run(prog()) == std::vector<std::string>{"hello", "hello again"});
    CHECK(run.ticks() == "0.000000 1 Task-1\n0.000000 1 Task-1\n0.000000 1 Task-2\n0.000000 1 Task-3\n");
}

TEST_CASE("a Task refuses set_result and set_exception") {
    Run run;
    auto prog = []() -> Coroutine<int> {
        auto t = create_task([]() -> Coroutine<int> { co_return 1; }());
        Future<int> as_future = t;
        CHECK_THROWS_WITH(as_future.set_result(2), "Task does not support set_result operation");
        CHECK_THROWS_WITH(as_future.set_exception(ValueError("x")), "Task does not support set_exception operation");
        co_return co_await t;
    };
    CHECK(looplab::run(prog()) == 1);
}

TEST_CASE("an exception nobody retrieved is reported when the future goes away") {
    Run run;
    {
        EventLoop& loop = run.rt.new_event_loop();
        Future<int> f = loop.create_future<int>();
        f.set_exception(ValueError("lost"));
    }
    CHECK(run.err.str() == "Future exception was never retrieved\nfuture: <Future finished exception=ValueError('lost')>\nValueError: lost\n");
}
