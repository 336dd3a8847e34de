// asyncio.as_completed (tasks.py as_completed): completion order, ties in argument order
// (SPEC 4), exceptions from the awaitables, timeout (TimeoutError, the rest keeps running),
// already-done futures in CPython's set order.
// Expected ticks come from as_completed_all.py below, run with
// /usr/bin/python3 tools/cpython_runner.py as_completed_all.py --ticks OUT.
#include <catch2/catch.hpp>

#include <cstdio>

#include "looplab/as_completed.hpp"
#include "looplab/event_loop.hpp"
#include "looplab/runners.hpp"
#include "looplab/sleep.hpp"
#include "looplab/task_group.hpp"
#include "looplab/wait.hpp"
#include "looplab/wait_for.hpp"
#include "test_support.hpp"

using namespace looplab;
using looplab::testing::Run;

namespace {

// Builds a vector without a braced list: GCC 12 mishandles initializer_list temporaries
// inside coroutines (elements destroyed twice).
template <class T, class... A>
std::vector<T> vec(A&&... a) {
    std::vector<T> v;
    (v.push_back(std::forward<A>(a)), ...);
    return v;
}

std::string now() {
    char buf[32];
    std::snprintf(buf, sizeof buf, "t=%.1f", virtual_time());
    return buf;
}

/* as_completed_all.py
async def work(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(name)
    return name

async def main():
    for aw in asyncio.as_completed([work('c', 3), work('a', 1), work('b', 2), work('a2', 1)]):
        print(now(), await aw)

    aws = [work('slow', 5), work('fast', 1), work('bad', 2, fail=True)]
    try:
        for aw in asyncio.as_completed(aws, timeout=3):
            try:
                print(now(), await aw)
            except ValueError as e:
                print(now(), 'ValueError', e)
    except TimeoutError:
        print(now(), 'TimeoutError')

    loop = asyncio.get_running_loop()
    futs = [loop.create_future() for _ in range(3)]
    for i, f in enumerate(reversed(futs)):
        f.set_result(i)
    print([await aw for aw in asyncio.as_completed(futs)])
    await asyncio.sleep(5)
*/
Coroutine<std::string> work(std::string name, double d, bool fail = false) {
    co_await sleep(d);
    if (fail) throw ValueError(name);
    co_return name;
}

Coroutine<void> as_completed_all() {
    std::vector<Coroutine<std::string>> coros;
    coros.push_back(work("c", 3));
    coros.push_back(work("a", 1));
    coros.push_back(work("b", 2));
    coros.push_back(work("a2", 1));
    for (auto&& aw : as_completed(std::move(coros))) {
        std::string when = now();  // print()'s arguments are evaluated left to right
        std::string r = co_await std::move(aw);
        print(when + " " + r);
    }

    std::vector<Coroutine<std::string>> aws;
    aws.push_back(work("slow", 5));
    aws.push_back(work("fast", 1));
    aws.push_back(work("bad", 2, true));
    try {
        for (auto&& aw : as_completed(std::move(aws), 3.0)) {
            std::string when = now();
            try {
                std::string r = co_await std::move(aw);
                print(when + " " + r);
            } catch (const ValueError& e) {
                print(now() + " ValueError " + std::string(e.what()));
            }
        }
    } catch (const TimeoutError&) {
        print(now() + " TimeoutError");
    }

    EventLoop& loop = get_running_loop();
    std::vector<Future<int>> futs;
    for (int i = 0; i < 3; ++i) futs.push_back(loop.create_future<int>());
    for (int i = 0; i < 3; ++i) futs[2 - i].set_result(i);
    std::string results;
    for (auto&& aw : as_completed(futs)) {
        int v = co_await std::move(aw);
        results += (results.empty() ? "" : ", ") + std::to_string(v);
    }
    print("[" + results + "]");
    co_await sleep(5);
}

Coroutine<size_t> manual_next() {
    // next(it) by hand; an empty input yields nothing and sets no timer.
    std::vector<Coroutine<int>> none;
    AsCompleted<int> empty = as_completed(std::move(none), 1.0);
    size_t n = empty.next() ? 1 : 0;
    n += get_running_loop().timer_count();
    co_return n;
}

/* ac_deadlock.py
async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    g = loop.create_future()
    async def waits():
        await asyncio.wait([g])
    t = asyncio.create_task(waits())
    async def tg_waits():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(asyncio.wait_for(g, None))
    t2 = asyncio.create_task(tg_waits())
    for aw in asyncio.as_completed([f]):
        await aw
*/
Coroutine<void> waits(Future<void> g) {
    std::vector<Future<void>> fs = vec<Future<void>>(g);
    co_await wait(fs);
}
Coroutine<void> tg_body(TaskGroup& tg, Future<void> g) {
    tg.create_task(wait_for(g, std::nullopt));
    co_return;
}
Coroutine<void> tg_waits(Future<void> g) { co_await with_task_group(&tg_body, g); }

Coroutine<void> ac_deadlock() {
    EventLoop& loop = get_running_loop();
    Future<void> f = loop.create_future();
    Future<void> g = loop.create_future();
    Task<void> t = create_task(waits(g));
    Task<void> t2 = create_task(tg_waits(g));
    std::vector<Future<void>> fs = vec<Future<void>>(f);
    for (auto&& aw : as_completed(fs)) co_await std::move(aw);
}

Coroutine<void> ac_consumer(Future<int> f, Future<int> g) {
    std::vector<Future<int>> fs = vec<Future<int>>(f, g);
    try {
        for (auto&& aw : as_completed(fs)) {
            int v = co_await std::move(aw);
            print(now() + " got " + std::to_string(v));
        }
    } catch (const CancelledError&) {
        print(now() + " consumer cancelled");
        throw;
    }
}

Coroutine<void> ac_cancelled() {
    EventLoop& loop = get_running_loop();
    Future<int> f = loop.create_future<int>();
    Future<int> g = loop.create_future<int>();
    Task<void> t = create_task(ac_consumer(f, g));
    co_await sleep(1);
    f.set_result(1);
    co_await sleep(1);
    t.cancel();
    try {
        co_await t;
    } catch (const CancelledError&) {
        print(now() + " done; g pending " + (g.done() ? "False" : "True"));
    }
}

}  // namespace

TEST_CASE("as_completed: the consumer cancelled while waiting for the next one") {
    Run run;
    looplab::run(ac_cancelled());
    CHECK(run.lines() == std::vector<std::string>{"t=1.0 got 1", "t=2.0 consumer cancelled", "t=2.0 done; g pending True"});
    CHECK(run.err.str().empty());
}

TEST_CASE("as_completed, wait, TaskGroup and wait_for in the deadlock report") {
    Run run;
    try {
        looplab::run(ac_deadlock());
        FAIL("no deadlock reported");
    } catch (const RunEnded& e) {
        CHECK(e.exit_code() == 3);
        CHECK(e.report() ==
              "looplab: deadlock at t=0\n"
              "  Task-1 waits for Queue.get (empty)\n"
              "  Task-2 waits for Future\n"
              "  Task-3 waits for Future\n"
              "  Task-4 waits for Future");
    }
    CHECK(run.err.str().empty());
}

TEST_CASE("as_completed: completion order, errors, timeout, futures already done") {
    Run run;
    looplab::run(as_completed_all());
    CHECK(run.lines() == std::vector<std::string>{
                             "t=0.0 a",
                             "t=1.0 a2",  // ties keep argument order (SPEC 4)
                             "t=1.0 b",
                             "t=2.0 c",
                             "t=3.0 fast",
                             "t=5.0 ValueError bad",
                             "t=6.0 TimeoutError",
                             "[2, 1, 0]",
                         });
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n"
          "0.000000 1 Task-2\n"
          "0.000000 1 Task-3\n"
          "0.000000 1 Task-4\n"
          "0.000000 1 Task-5\n"
          "1.000000 1 Task-3\n"
          "1.000000 1 Task-5\n"
          "1.000000 1 Task-1\n"
          "2.000000 1 Task-4\n"
          "2.000000 1 Task-1\n"
          "3.000000 1 Task-2\n"
          "3.000000 1 Task-1\n"
          "3.000000 1 Task-6\n"
          "3.000000 1 Task-7\n"
          "3.000000 1 Task-8\n"
          "4.000000 1 Task-7\n"
          "4.000000 1 Task-1\n"
          "5.000000 1 Task-8\n"
          "5.000000 1 Task-1\n"
          "6.000000 1 Task-1\n"
          "6.000000 1 Task-1\n"
          "8.000000 1 Task-6\n"  // the timed-out task was not cancelled
          "11.000000 1 Task-1\n"
          "11.000000 1 Task-9\n"
          "11.000000 1 Task-10\n");
    CHECK(run.err.str().empty());
}

TEST_CASE("as_completed: nothing to wait for") {
    Run run;
    CHECK(looplab::run(manual_next()) == 0);
    CHECK(run.err.str().empty());
}
