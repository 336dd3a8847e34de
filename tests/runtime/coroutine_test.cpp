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
