// Coroutine<T>: nested awaits run inline (no loop iteration), results and exceptions travel
// up the chain, and long chains do not grow the stack (also at -O0).
#include <catch2/catch.hpp>

#include "looplab/runners.hpp"
#include "looplab/sleep.hpp"
#include "test_support.hpp"

using namespace looplab;
using looplab::testing::Run;

namespace {
Coroutine<int> leaf(int x) { co_return x; }
Coroutine<int> add_chain(int depth) {
    if (depth == 0) co_return 0;
    int below = co_await add_chain(depth - 1);
    co_return below + 1;
}
Coroutine<long> many_sync_awaits(int n) {
    long sum = 0;
    for (int i = 0; i < n; ++i) {
        int v = co_await leaf(1);
        sum += v;
    }
    co_return sum;
}
Coroutine<void> thrower() {
    co_await sleep(0.5);
    throw KeyError("deep");
}
Coroutine<std::string> catcher() {
    try {
        co_await thrower();
    } catch (const KeyError& e) {
        co_return e.repr();
    }
    co_return "";
}
Coroutine<int> raise_now(int x) {
    if (x >= 0) throw ValueError("raised " + std::to_string(x));
    co_return x;
}
// A child raises and is caught; the next children return or raise their own errors.
Coroutine<std::string> raise_catch_return() {
    std::string log;
    for (int i = 0; i < 3; ++i) {
        try {
            co_await raise_now(i);
        } catch (const ValueError& e) {
            log += e.message() + ";";
        }
        log += std::to_string(co_await raise_now(-1)) + ";";  // returns: no stale error
    }
    co_return log;
}
// A caught error, then the coroutine itself raises something else from a nested child.
Coroutine<void> catch_then_raise() {
    try {
        co_await raise_now(1);
    } catch (const ValueError&) {
    }
    co_await sleep(0);
    co_await raise_now(2);
}
Coroutine<std::string> task_error() {
    auto t = create_task(catch_then_raise());
    try {
        co_await t;
    } catch (const ValueError& e) {
        co_return "task raised " + e.message();
    }
    co_return "no error";
}
Coroutine<std::string> move_only() {
    auto p = std::make_unique<std::string>("moved");
    co_await sleep(0);
    co_return *p;
}
}  // namespace

TEST_CASE("awaiting a coroutine is a nested call, not a loop iteration") {
    Run run;
    CHECK(looplab::run(add_chain(100)) == 100);
    // One step for main, plus the two shutdown steps of asyncio.run.
    CHECK(run.ticks() == "0.000000 1 Task-1\n0.000000 1 Task-2\n0.000000 1 Task-3\n");
}

TEST_CASE("long await chains do not grow the stack") {
    Run run;
    SECTION("a million synchronous child awaits in a loop") { CHECK(looplab::run(many_sync_awaits(1000000)) == 1000000); }
    SECTION("a chain 100,000 coroutines deep") { CHECK(looplab::run(add_chain(100000)) == 100000); }
}

TEST_CASE("exceptions cross await boundaries, including across suspensions") {
    Run run;
    CHECK(looplab::run(catcher()) == "KeyError('deep')");
    CHECK(run.rt.clock() == 0.5);
    CHECK(looplab::run(move_only()) == "moved");
}

TEST_CASE("a raised exception reaches exactly the awaiter of the coroutine that raised it") {
    Run run;
    SECTION("a caught error does not linger: the next child's return is a return") {
        CHECK(looplab::run(raise_catch_return()) == "raised 0;-1;raised 1;-1;raised 2;-1;");
    }
    SECTION("a task's own error after a caught one is the task's exception") {
        CHECK(looplab::run(task_error()) == "task raised raised 2");
    }
}
