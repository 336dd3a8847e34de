// asyncio.timeout / timeout_at (3.11 timeouts.py): expiring and not expiring, reschedule,
// timeout(None), a deadline already passed (call_soon), nested timeouts (only the outer
// one turns CancelledError into TimeoutError), an outside cancel inside a timeout, reprs.
// Expected ticks come from timeout_all.py below, run with
// /usr/bin/python3 tools/cpython_runner.py timeout_all.py --ticks OUT.
#include <catch2/catch.hpp>

#include <cstdio>

#include "looplab/event_loop.hpp"
#include "looplab/runners.hpp"
#include "looplab/sleep.hpp"
#include "looplab/timeout.hpp"
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

/* timeout_all.py
async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(2) as cm:
            print(repr(cm))
            await asyncio.sleep(10)
    except TimeoutError:
        print(now(), 'TimeoutError', cm.expired(), repr(cm), asyncio.current_task().cancelling())

    async with asyncio.timeout(5) as cm:
        await asyncio.sleep(1)
    print(now(), 'in time', cm.expired(), repr(cm))
    try:
        cm.reschedule(100)
    except RuntimeError as e:
        print(e)

    try:
        async with asyncio.timeout(None) as cm:
            print(repr(cm), cm.when())
            cm.reschedule(loop.time() + 1.5)
            print(cm.when())
            await asyncio.sleep(10)
    except TimeoutError:
        print(now(), 'rescheduled TimeoutError')

    try:
        async with asyncio.timeout_at(loop.time()) as cm:
            await asyncio.sleep(10)
    except TimeoutError:
        print(now(), 'deadline already passed')

    # nested: the outer one expires first, the inner one lets CancelledError through
    try:
        async with asyncio.timeout(1):
            try:
                async with asyncio.timeout(3):
                    await asyncio.sleep(10)
            except asyncio.CancelledError:
                print(now(), 'inner sees CancelledError')
                raise
    except TimeoutError:
        print(now(), 'outer TimeoutError')

    # cancelled from outside while inside a timeout: CancelledError, not TimeoutError
    async def victim():
        try:
            async with asyncio.timeout(5):
                await asyncio.sleep(10)
        except TimeoutError:
            print('wrong: TimeoutError')
    t = asyncio.create_task(victim())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(now(), 'victim cancelled', t.cancelled())
*/
Coroutine<void> sleep_in(Timeout&, double d) { co_await sleep(d); }

Coroutine<void> print_and_sleep(Timeout& cm, double d) {
    print(cm.repr());
    co_await sleep(d);
}

Coroutine<void> inner_timeout(Timeout&) {
    try {
        co_await with_timeout(timeout(3), &sleep_in, 10.0);
    } catch (const CancelledError&) {
        print(now() + " inner sees CancelledError");
        throw;
    }
}

Coroutine<void> victim() {
    try {
        co_await with_timeout(timeout(5), &sleep_in, 10.0);
    } catch (const TimeoutError&) {
        print("wrong: TimeoutError");
    }
}

std::string when_str(const Timeout& cm) {
    if (!cm.when()) return "None";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", *cm.when());
    return buf;
}

Coroutine<void> timeout_all() {
    EventLoop& loop = get_running_loop();
    Timeout cm = timeout(2);
    try {
        co_await with_timeout(cm, &print_and_sleep, 10.0);
    } catch (const TimeoutError&) {
        print(now() + " TimeoutError " + py_bool(cm.expired()) + " " + cm.repr() + " " +
              std::to_string(current_task()->cancelling()));
    }

    // The explicit form of `async with`.
    cm = timeout(5);
    cm.enter();
    std::exception_ptr exc;
    try {
        co_await sleep(1);
    } catch (...) {
        exc = std::current_exception();
    }
    cm.exit(exc);
    print(now() + " in time " + py_bool(cm.expired()) + " " + cm.repr());
    try {
        cm.reschedule(100);
    } catch (const RuntimeError& e) {
        print(e.what());
    }

    cm = timeout(std::nullopt);
    try {
        cm.enter();
        print(cm.repr() + " " + when_str(cm));
        cm.reschedule(loop.time() + 1.5);
        print(when_str(cm));
        exc = nullptr;
        try {
            co_await sleep(10);
        } catch (...) {
            exc = std::current_exception();
        }
        cm.exit(exc);
    } catch (const TimeoutError&) {
        print(now() + " rescheduled TimeoutError");
    }

    try {
        co_await with_timeout(timeout_at(loop.time()), &sleep_in, 10.0);
    } catch (const TimeoutError&) {
        print(now() + " deadline already passed");
    }

    try {
        co_await with_timeout(timeout(1), &inner_timeout);
    } catch (const TimeoutError&) {
        print(now() + " outer TimeoutError");
    }

    Task<void> t = create_task(victim());
    co_await sleep(1);
    t.cancel();
    try {
        co_await t;
    } catch (const CancelledError&) {
        print(now() + " victim cancelled " + py_bool(t.cancelled()));
    }
}

Coroutine<std::string> outside_a_task_check() {
    // repr before entering; when() of timeout_at.
    Timeout cm = timeout_at(12.3456);
    std::string r = cm.repr();
    cm.enter();
    r += " " + cm.repr();
    cm.exit(nullptr);
    r += " " + cm.repr();
    co_return r;
}

Coroutine<void> long_wait(Timeout& cm) {
    cm.reschedule(200);
    co_await sleep(1000);
}

Coroutine<void> stopped_inside_a_timeout() {
    co_await with_timeout(timeout(100), &long_wait);
}

}  // namespace

TEST_CASE("timeout: a run stopped by its time limit inside a timeout frees everything (ASan)") {
    Run run;
    run.rt.limits().until = 5;
    CHECK_THROWS_AS(looplab::run(stopped_inside_a_timeout()), RunEnded);
}

TEST_CASE("timeout: expiring, in time, reschedule, passed deadline, nested, outside cancel") {
    Run run;
    looplab::run(timeout_all());
    CHECK(run.lines() == std::vector<std::string>{
                             "<Timeout [active] when=2.0>",
                             "t=2.0 TimeoutError True <Timeout [expired]> 0",
                             "t=3.0 in time False <Timeout [finished]>",
                             "Cannot change state of finished Timeout",
                             "<Timeout [active] when=None> None",
                             "4.5",
                             "t=4.5 rescheduled TimeoutError",
                             "t=4.5 deadline already passed",
                             "t=5.5 inner sees CancelledError",
                             "t=5.5 outer TimeoutError",
                             "t=6.5 victim cancelled True",
                         });
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n"
          "2.000000 1 Task-1\n"
          "3.000000 1 Task-1\n"
          "4.500000 1 Task-1\n"
          "4.500000 1 Task-1\n"
          "5.500000 1 Task-1\n"
          "5.500000 1 Task-2\n"
          "6.500000 1 Task-1\n"
          "6.500000 1 Task-2\n"
          "6.500000 1 Task-1\n"
          "6.500000 1 Task-3\n"
          "6.500000 1 Task-4\n");
    CHECK(run.err.str().empty());
}

TEST_CASE("timeout: reprs through the states; entering outside a loop") {
    Run run;
    CHECK(looplab::run(outside_a_task_check()) ==
          "<Timeout [created]> <Timeout [active] when=12.346> <Timeout [finished]>");
    Timeout cm = timeout_at(1.0);
    CHECK_THROWS_WITH(cm.enter(), "no running event loop");  // tasks.current_task() outside a loop
    CHECK(run.err.str().empty());
}

TEST_CASE("misusing a Timeout fails as timeouts.py's asserts do") {
    looplab::testing::Run run;
    auto prog = []() -> Coroutine<std::vector<std::string>> {
        std::vector<std::string> seen;
        Timeout never_entered = timeout(1);
        try {
            never_entered.reschedule(2.0);
        } catch (const AssertionError& e) {
            seen.push_back(e.repr());
        }
        try {
            never_entered.exit(nullptr);
        } catch (const AssertionError& e) {
            seen.push_back(e.repr());
        }
        co_return seen;
    };
    CHECK(looplab::run(prog()) == std::vector<std::string>{"AssertionError()", "AssertionError()"});
}
