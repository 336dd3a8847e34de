// asyncio.shield (tasks.py shield): cancelling the outer future leaves the inner running;
// the inner's cancellation or exception reaches the outer; a coroutine becomes a task; an
// inner future already done is returned itself.
// Expected ticks come from shield_all.py below, run with
// /usr/bin/python3 tools/cpython_runner.py shield_all.py --ticks OUT.
#include <catch2/catch.hpp>

#include <cstdio>

#include "looplab/event_loop.hpp"
#include "looplab/runners.hpp"
#include "looplab/shield.hpp"
#include "looplab/sleep.hpp"
#include "test_support.hpp"

using namespace looplab;
using looplab::testing::Run;

namespace {

std::string now() {
    char buf[32];
    std::snprintf(buf, sizeof buf, "t=%.1f", virtual_time());
    return buf;
}
const char* py_bool(bool b) { return b ? "True" : "False"; }

/* shield_all.py
async def work(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(name)
    print(now(), name, 'done')
    return name

async def waiter(fut):
    try:
        r = await fut
        print(now(), 'waiter got', r)
    except asyncio.CancelledError:
        print(now(), 'waiter cancelled')
        raise

async def main():
    inner = asyncio.create_task(work('inner', 3))
    w = asyncio.create_task(waiter(asyncio.shield(inner)))
    await asyncio.sleep(1)
    w.cancel()
    await asyncio.sleep(0)
    print(now(), 'w cancelled', w.cancelled(), 'inner done', inner.done())
    print(now(), 'inner result', await inner)

    outer = asyncio.shield(work('coro', 1))          # a coroutine becomes a task
    print(await outer)

    inner = asyncio.create_task(work('cancelled-inner', 5))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0)
    inner.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print(now(), 'outer cancelled with inner', outer.cancelled())

    try:
        await asyncio.shield(work('bad', 1, fail=True))
    except ValueError as e:
        print(now(), 'ValueError', e)

    done = asyncio.get_running_loop().create_future()
    done.set_result(5)
    print(asyncio.shield(done) is done)
*/
Coroutine<std::string> work(std::string name, double d, bool fail = false) {
    co_await sleep(d);
    if (fail) throw ValueError(name);
    print(now() + " " + name + " done");
    co_return name;
}

Coroutine<void> waiter(Future<std::string> fut) {
    try {
        std::string r = co_await fut;
        print(now() + " waiter got " + r);
    } catch (const CancelledError&) {
        print(now() + " waiter cancelled");
        throw;
    }
}

Coroutine<void> shield_all() {
    Task<std::string> inner = create_task(work("inner", 3));
    Task<void> w = create_task(waiter(shield(Future<std::string>(inner))));
    co_await sleep(1);
    w.cancel();
    co_await sleep(0);
    print(now() + " w cancelled " + py_bool(w.cancelled()) + " inner done " + py_bool(inner.done()));
    std::string when = now();
    std::string r = co_await inner;
    print(when + " inner result " + r);

    Future<std::string> outer = shield(work("coro", 1));
    r = co_await outer;
    print(r);

    inner = create_task(work("cancelled-inner", 5));
    outer = shield(Future<std::string>(inner));
    co_await sleep(0);
    inner.cancel();
    try {
        co_await outer;
    } catch (const CancelledError&) {
        print(now() + " outer cancelled with inner " + py_bool(outer.cancelled()));
    }

    try {
        co_await shield(work("bad", 1, true));
    } catch (const ValueError& e) {
        print(now() + " ValueError " + std::string(e.what()));
    }

    Future<int> done = get_running_loop().create_future<int>();
    done.set_result(5);
    print(py_bool(shield(done) == done));
}

Coroutine<int> shield_abandoned() {
    // Both futures left pending forever: nothing may keep them alive after the run.
    Future<int> inner = get_running_loop().create_future<int>();
    Future<int> outer = shield(inner);
    outer.cancel();  // the outer cancelled: the inner's callback is removed
    Future<int> inner2 = get_running_loop().create_future<int>();
    Future<int> outer2 = shield(inner2);
    co_await sleep(0);
    co_return outer.cancelled() && !inner.done() && !outer2.done() ? 1 : 0;
}

}  // namespace

TEST_CASE("shield: futures left pending are freed (run under ASan)") {
    Run run;
    CHECK(looplab::run(shield_abandoned()) == 1);
    CHECK(run.err.str().empty());
}

TEST_CASE("shield: outer cancelled, inner runs on; inner cancelled or failing reaches the outer") {
    Run run;
    looplab::run(shield_all());
    CHECK(run.lines() == std::vector<std::string>{
                             "t=1.0 waiter cancelled",
                             "t=1.0 w cancelled True inner done False",
                             "t=3.0 inner done",
                             "t=1.0 inner result inner",
                             "t=4.0 coro done",
                             "coro",
                             "t=4.0 outer cancelled with inner True",
                             "t=5.0 ValueError bad",
                             "True",
                         });
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n"
          "0.000000 1 Task-2\n"
          "0.000000 1 Task-3\n"
          "1.000000 1 Task-1\n"
          "1.000000 1 Task-3\n"
          "1.000000 1 Task-1\n"
          "3.000000 1 Task-2\n"
          "3.000000 1 Task-1\n"
          "3.000000 1 Task-4\n"
          "4.000000 1 Task-4\n"
          "4.000000 1 Task-1\n"
          "4.000000 1 Task-5\n"
          "4.000000 1 Task-1\n"
          "4.000000 1 Task-5\n"
          "4.000000 1 Task-1\n"
          "4.000000 1 Task-6\n"
          "5.000000 1 Task-6\n"
          "5.000000 1 Task-1\n"
          "5.000000 1 Task-7\n"
          "5.000000 1 Task-8\n");
    CHECK(run.err.str().empty());
}
