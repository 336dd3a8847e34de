// asyncio.Condition (locks.py, 3.11): wait/notify(n)/notify_all/wait_for, the lock being
// re-acquired before wait() returns or raises (also when cancelled), the 3.11 loss of a
// notification whose waiter is cancelled before it runs, errors on an un-acquired lock.
// Expected ticks and output come from CPython 3.11 running the Python twins quoted here.
#include <catch2/catch.hpp>

#include "looplab/condition.hpp"
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
// CancelledError.args as Python prints it.
std::string args_of(const CancelledError& e) { return e.message().empty() ? "()" : "('" + e.message() + "',)"; }

/*  async def consumer(cond, name):
        async with cond:
            at(f"{name} waits")
            r = await cond.wait()
            at(f"{name} woken {r} locked={cond.locked()}")
    items = []
    async def getter(cond):
        async with cond:
            r = await cond.wait_for(lambda: len(items) >= 2)
            at(f"getter sees {len(items)} items, {r}")
    async def main():
        cond = asyncio.Condition()
        ts = [asyncio.create_task(consumer(cond, f"c{i}")) for i in range(1, 5)]
        await asyncio.sleep(1)
        async with cond:
            cond.notify(2)
            at("notified 2")
            cond.notify(1)
            at("notified 1 more")
        await asyncio.sleep(1)
        async with cond:
            cond.notify_all()
            at("notified all")
        await asyncio.gather(*ts)
        g = asyncio.create_task(getter(cond))
        for i in range(3):
            await asyncio.sleep(1)
            async with cond:
                items.append(i)
                at(f"put {i}")
                cond.notify()
        await g
        try:
            await cond.wait()
        except RuntimeError as e:
            at(str(e))
        try:
            cond.notify()
        except RuntimeError as e:
            at(str(e))                                                                 */
Coroutine<void> consumer(Condition& cond, std::string name) {
    auto guard = co_await cond.scoped();
    log(name + " waits");
    bool r = co_await cond.wait();
    log(name + " woken " + py_bool(r) + " locked=" + py_bool(cond.locked()));
}
Coroutine<void> getter(Condition& cond, std::vector<int>& items) {
    auto guard = co_await cond.scoped();
    bool r = co_await cond.wait_for([&items] { return items.size() >= 2; });
    log("getter sees " + std::to_string(items.size()) + " items, " + py_bool(r));
}
Coroutine<void> condition_main() {
    Condition cond;
    std::vector<int> items;
    std::vector<Future<void>> ts;
    for (int i = 1; i <= 4; ++i) ts.push_back(create_task(consumer(cond, numbered("c", i))));
    co_await sleep(1);
    {
        auto guard = co_await cond.scoped();
        cond.notify(2);
        log("notified 2");
        cond.notify(1);  // c1 and c2 are woken already: they do not count, c3 is next
        log("notified 1 more");
    }
    co_await sleep(1);
    {
        auto guard = co_await cond.scoped();
        cond.notify_all();
        log("notified all");
    }
    co_await gather(ts);
    auto g = create_task(getter(cond, items));
    for (int i = 0; i < 3; ++i) {
        co_await sleep(1);
        auto guard = co_await cond.scoped();
        items.push_back(i);
        log("put " + std::to_string(i));
        cond.notify();
    }
    co_await g;
    try {
        co_await cond.wait();
    } catch (const RuntimeError& e) {
        log(e.message());
    }
    try {
        cond.notify();
    } catch (const RuntimeError& e) {
        log(e.message());
    }
}

}  // namespace

TEST_CASE("Condition: notify(n) skips woken waiters, notify_all, wait_for, un-acquired errors") {
    Run run;
    looplab::run(condition_main());
    CHECK(run.lines() == std::vector<std::string>{
                             "t=0 c1 waits",
                             "t=0 c2 waits",
                             "t=0 c3 waits",
                             "t=0 c4 waits",
                             "t=1 notified 2",
                             "t=1 notified 1 more",
                             "t=1 c1 woken True locked=True",
                             "t=1 c2 woken True locked=True",
                             "t=1 c3 woken True locked=True",
                             "t=2 notified all",
                             "t=2 c4 woken True locked=True",
                             "t=3 put 0",
                             "t=4 put 1",
                             "t=4 getter sees 2 items, True",
                             "t=5 put 2",
                             "t=5 cannot wait on un-acquired lock",
                             "t=5 cannot notify on un-acquired lock",
                         });
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n"
          "0.000000 1 Task-2\n"
          "0.000000 1 Task-3\n"
          "0.000000 1 Task-4\n"
          "0.000000 1 Task-5\n"
          "1.000000 1 Task-1\n"
          "1.000000 1 Task-2\n"
          "1.000000 1 Task-3\n"
          "1.000000 1 Task-4\n"
          "2.000000 1 Task-1\n"
          "2.000000 1 Task-5\n"
          "2.000000 1 Task-1\n"
          "2.000000 1 Task-6\n"
          "3.000000 1 Task-1\n"
          "3.000000 1 Task-6\n"
          "4.000000 1 Task-1\n"
          "4.000000 1 Task-6\n"
          "5.000000 1 Task-1\n"
          "5.000000 1 Task-7\n"
          "5.000000 1 Task-8\n");
}

namespace {
/*  async def waiter(cond, name):
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError as e:
                at(f"{name} cancelled {e.args!r} locked={cond.locked()}")
                raise
            at(f"{name} woken")
    async def main():
        cond = asyncio.Condition()
        # 1. cancelled while waiting: the CancelledError arrives once the lock is re-acquired
        w = asyncio.create_task(waiter(cond, "w1"))
        await asyncio.sleep(0)
        async with cond:
            w.cancel("stop")
            await asyncio.sleep(1)
            at("main releases")
        try:
            await w
        except asyncio.CancelledError:
            at("w1 done cancelled")
        # 2. cancelled while re-acquiring the lock after notify
        w = asyncio.create_task(waiter(cond, "w2"))
        await asyncio.sleep(0)
        async with cond:
            cond.notify()
            await asyncio.sleep(0)
            w.cancel("stop")
            at("cancelled w2 while it re-acquires")
            await asyncio.sleep(1)
            at("main releases")
        try:
            await w
        except asyncio.CancelledError:
            at("w2 done cancelled")
        # 3. notified, then cancelled before running: the notification is lost (3.11)
        a = asyncio.create_task(waiter(cond, "a"))
        b = asyncio.create_task(waiter(cond, "b"))
        await asyncio.sleep(0)
        async with cond:
            cond.notify(1)
            a.cancel()
        await asyncio.sleep(1)
        at(f"b still waiting: {not b.done()}")
        async with cond:
            cond.notify(1)
        await b
        try:
            await a
        except asyncio.CancelledError:
            at("a done cancelled")                                                     */
Coroutine<void> cancellable_waiter(Condition& cond, std::string name) {
    auto guard = co_await cond.scoped();
    try {
        co_await cond.wait();
    } catch (const CancelledError& e) {
        log(name + " cancelled " + args_of(e) + " locked=" + py_bool(cond.locked()));
        throw;
    }
    log(name + " woken");
}
Coroutine<void> expect_cancelled(Task<void> t, std::string what) {
    try {
        co_await t;
    } catch (const CancelledError&) {
        log(what);
    }
}
Coroutine<void> cancellation_main() {
    Condition cond;
    auto w = create_task(cancellable_waiter(cond, "w1"));
    co_await sleep(0);
    {
        auto guard = co_await cond.scoped();
        w.cancel("stop");
        co_await sleep(1);
        log("main releases");
    }
    co_await expect_cancelled(w, "w1 done cancelled");

    w = create_task(cancellable_waiter(cond, "w2"));
    co_await sleep(0);
    {
        auto guard = co_await cond.scoped();
        cond.notify();
        co_await sleep(0);
        w.cancel("stop");
        log("cancelled w2 while it re-acquires");
        co_await sleep(1);
        log("main releases");
    }
    co_await expect_cancelled(w, "w2 done cancelled");

    auto a = create_task(cancellable_waiter(cond, "a"));
    auto b = create_task(cancellable_waiter(cond, "b"));
    co_await sleep(0);
    {
        auto guard = co_await cond.scoped();
        cond.notify(1);
        a.cancel();
    }
    co_await sleep(1);
    log(std::string("b still waiting: ") + py_bool(!b.done()));
    {
        auto guard = co_await cond.scoped();
        cond.notify(1);
    }
    co_await b;
    co_await expect_cancelled(a, "a done cancelled");
}
}  // namespace

TEST_CASE("Condition: wait() re-acquires the lock before raising CancelledError") {
    Run run;
    looplab::run(cancellation_main());
    CHECK(run.lines() == std::vector<std::string>{
                             "t=1 main releases",
                             // the original CancelledError, after the lock is ours again
                             "t=1 w1 cancelled ('stop',) locked=True",
                             "t=1 w1 done cancelled",
                             "t=1 cancelled w2 while it re-acquires",
                             "t=2 main releases",
                             // cancelled while re-acquiring: a new, bare CancelledError
                             "t=2 w2 cancelled () locked=True",
                             "t=2 w2 done cancelled",
                             "t=2 a cancelled () locked=True",
                             "t=3 b still waiting: True",  // a's notification was lost
                             "t=3 b woken",
                             "t=3 a done cancelled",
                         });
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n"
          "0.000000 1 Task-2\n"
          "0.000000 1 Task-1\n"
          "0.000000 1 Task-2\n"
          "1.000000 1 Task-1\n"
          "1.000000 1 Task-2\n"
          "1.000000 1 Task-1\n"
          "1.000000 1 Task-3\n"
          "1.000000 1 Task-1\n"
          "1.000000 1 Task-3\n"
          "1.000000 1 Task-1\n"
          "1.000000 1 Task-3\n"
          "2.000000 1 Task-1\n"
          "2.000000 1 Task-3\n"
          "2.000000 1 Task-1\n"
          "2.000000 1 Task-4\n"
          "2.000000 1 Task-5\n"
          "2.000000 1 Task-1\n"
          "2.000000 1 Task-4\n"
          "3.000000 1 Task-1\n"
          "3.000000 1 Task-5\n"
          "3.000000 1 Task-1\n"
          "3.000000 1 Task-6\n"
          "3.000000 1 Task-7\n");
}

namespace {
Coroutine<std::vector<std::string>> over_given_lock(Lock& lock) {
    Condition cond(lock);
    std::vector<std::string> seen;
    co_await lock.acquire();
    seen.push_back(std::string("cond.locked=") + py_bool(cond.locked()));
    cond.notify_all();  // the condition's lock is held: allowed, nobody to wake
    cond.release();
    seen.push_back(std::string("lock.locked=") + py_bool(lock.locked()));
    {
        auto guard = co_await cond.scoped();
        seen.push_back("holder " + lock.holder()->get_name());
    }
    seen.push_back(std::string("lock.locked=") + py_bool(lock.locked()));
    co_return seen;
}
Coroutine<void> wait_forever() {
    Condition cond;
    auto guard = co_await cond.scoped();
    co_await cond.wait();
}
}  // namespace

TEST_CASE("Condition: over a given lock") {
    Run run;
    Lock lock;
    CHECK(looplab::run(over_given_lock(lock)) ==
          std::vector<std::string>{"cond.locked=True", "lock.locked=False", "holder Task-1", "lock.locked=False"});
}

TEST_CASE("Condition: deadlock text and repr") {
    Run run;
    Condition cond;
    CHECK_THAT(cond.repr(), Catch::Matches(R"(<asyncio\.locks\.Condition object at 0x[0-9a-f]+ \[unlocked\]>)"));
    try {
        looplab::run(wait_forever());
        FAIL("no deadlock");
    } catch (const RunEnded& e) {
        CHECK(e.exit_code() == 3);
        CHECK(e.report() == "looplab: deadlock at t=0\n  Task-1 waits for Condition");
    }
}
