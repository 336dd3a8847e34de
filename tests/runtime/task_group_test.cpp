// asyncio.TaskGroup (3.11 taskgroups.py): waiting for the children, two failing children
// (two members, in the order collected), siblings cancelled in CPython's set order, the
// parent cancelled and uncancelled, an error in the body, the parent cancelled from
// outside, create_task on a finished group.
// Expected ticks come from task_group_all.py below, run with
// /usr/bin/python3 tools/cpython_runner.py task_group_all.py --ticks OUT.
#include <catch2/catch.hpp>

#include <cstdio>

#include "looplab/event_loop.hpp"
#include "looplab/runners.hpp"
#include "looplab/sleep.hpp"
#include "looplab/task_group.hpp"
#include "test_support.hpp"

using namespace looplab;
using looplab::testing::Run;

namespace {

std::string now() {
    char buf[32];
    std::snprintf(buf, sizeof buf, "t=%.1f", virtual_time());
    return buf;
}

/* task_group_all.py
async def child(name, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(now(), name, 'cancelled')
        raise
    if fail:
        raise ValueError(name)
    print(now(), name, 'done')
    return name

async def filler():
    pass

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(child('a', 1))
        t2 = tg.create_task(child('b', 2), name='named-b')
        print(repr(tg))
    print(now(), t1.result(), t2.result(), t2.get_name())

    # two failures; siblings cancelled in set order; the parent cancelled and uncancelled
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child('f1', 1, fail=True))
            for _ in range(7): asyncio.create_task(filler())
            tg.create_task(child('s1', 5))
            tg.create_task(child('f2', 1, fail=True))
            for _ in range(6): asyncio.create_task(filler())
            tg.create_task(child('s2', 5))
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print(now(), 'body cancelled; cancelling =', asyncio.current_task().cancelling())
                raise
    except* ValueError as eg:
        print(now(), repr(eg), [repr(e) for e in eg.exceptions])
    print(now(), 'after group; cancelling =', asyncio.current_task().cancelling())

    # an error in the body itself
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child('c1', 3))
            await asyncio.sleep(1)
            raise KeyError('body')
    except* KeyError as eg:
        print(now(), repr(eg))
    try:
        tg.create_task(child('late', 1))
    except RuntimeError as e:
        print(e)
*/
Coroutine<std::string> child(std::string name, double d, bool fail = false) {
    try {
        co_await sleep(d);
    } catch (const CancelledError&) {
        print(now() + " " + name + " cancelled");
        throw;
    }
    if (fail) throw ValueError(name);
    print(now() + " " + name + " done");
    co_return name;
}

Coroutine<void> filler() { co_return; }

Coroutine<void> two_failures(TaskGroup& tg) {
    tg.create_task(child("f1", 1, true));
    for (int i = 0; i < 7; ++i) create_task(filler());
    tg.create_task(child("s1", 5));
    tg.create_task(child("f2", 1, true));
    for (int i = 0; i < 6; ++i) create_task(filler());
    tg.create_task(child("s2", 5));
    try {
        co_await sleep(10);
    } catch (const CancelledError&) {
        print(now() + " body cancelled; cancelling = " + std::to_string(current_task()->cancelling()));
        throw;
    }
}

std::string group_members(const std::exception_ptr& eg) {
    std::string out = "[";
    const auto* members = exception_group_members(eg);
    for (size_t i = 0; members && i < members->size(); ++i)
        out += (i ? ", " : "") + ("\"" + exception_repr((*members)[i]) + "\"");
    return out + "]";
}

Coroutine<void> task_group_all() {
    {
        TaskGroup tg;
        tg.enter();
        Task<std::string> t1 = tg.create_task(child("a", 1));
        Task<std::string> t2 = tg.create_task(child("b", 2), "named-b");
        print(tg.repr());
        co_await tg.exit(nullptr);
        print(now() + " " + t1.result() + " " + t2.result() + " " + t2.get_name());
    }

    try {
        co_await with_task_group(&two_failures);
    } catch (const ExceptionGroup&) {
        std::exception_ptr eg = std::current_exception();
        print(now() + " " + exception_repr(eg) + " " + group_members(eg));
    }
    print(now() + " after group; cancelling = " + std::to_string(current_task()->cancelling()));

    TaskGroup tg;
    tg.enter();
    std::exception_ptr exc;
    try {
        tg.create_task(child("c1", 3));
        co_await sleep(1);
        throw KeyError("body");
    } catch (...) {
        exc = std::current_exception();
    }
    try {
        co_await tg.exit(exc);
    } catch (const ExceptionGroup&) {
        print(now() + " " + exception_repr(std::current_exception()));
    }
    try {
        tg.create_task(child("late", 1));
    } catch (const RuntimeError& e) {
        print(e.what());
    }
}

/* task_group_cancelled.py
async def group_body():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child('k1', 5))
            tg.create_task(child('k2', 5))
    except asyncio.CancelledError:
        print(now(), 'group cancelled from outside')
        raise

async def main():
    t = asyncio.create_task(group_body())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(now(), 'parent cancelled', t.cancelled())
*/
Coroutine<void> empty_body(TaskGroup& tg, std::string a, std::string b) {
    tg.create_task(child(a, 5));
    tg.create_task(child(b, 5));
    co_return;
}

Coroutine<void> group_body() {
    try {
        co_await with_task_group(&empty_body, std::string("k1"), std::string("k2"));
    } catch (const CancelledError&) {
        print(now() + " group cancelled from outside");
        throw;
    }
}

Coroutine<void> task_group_cancelled() {
    Task<void> t = create_task(group_body());
    co_await sleep(1);
    t.cancel();
    try {
        co_await t;
    } catch (const CancelledError&) {
        print(now() + " parent cancelled " + (t.cancelled() ? "True" : "False"));
    }
}

}  // namespace

TEST_CASE("TaskGroup: children awaited, two failures, siblings cancelled in set order, body error") {
    Run run;
    looplab::run(task_group_all());
    CHECK(run.lines() ==
          std::vector<std::string>{
              "<TaskGroup tasks=2 entered>",
              "t=1.0 a done",
              "t=2.0 b done",
              "t=2.0 a b named-b",
              "t=3.0 s2 cancelled",  // set order of {4, 12, 13, 20}: 13 20 4 12
              "t=3.0 s1 cancelled",
              "t=3.0 body cancelled; cancelling = 1",
              "t=3.0 ExceptionGroup('unhandled errors in a TaskGroup', [ValueError('f1'), ValueError('f2')]) "
              "[\"ValueError('f1')\", \"ValueError('f2')\"]",
              "t=3.0 after group; cancelling = 0",
              "t=4.0 c1 cancelled",
              "t=4.0 ExceptionGroup('unhandled errors in a TaskGroup', [KeyError('body')])",
              "TaskGroup <TaskGroup cancelling> is finished",
          });
    CHECK(run.ticks() == "0.000000 1 Task-1\n"
          "0.000000 1 Task-2\n"
          "0.000000 1 named-b\n"
          "1.000000 1 Task-2\n"
          "2.000000 1 named-b\n"
          "2.000000 1 Task-1\n"
          "2.000000 1 Task-4\n"
          "2.000000 1 Task-5\n"
          "2.000000 1 Task-6\n"
          "2.000000 1 Task-7\n"
          "2.000000 1 Task-8\n"
          "2.000000 1 Task-9\n"
          "2.000000 1 Task-10\n"
          "2.000000 1 Task-11\n"
          "2.000000 1 Task-12\n"
          "2.000000 1 Task-13\n"
          "2.000000 1 Task-14\n"
          "2.000000 1 Task-15\n"
          "2.000000 1 Task-16\n"
          "2.000000 1 Task-17\n"
          "2.000000 1 Task-18\n"
          "2.000000 1 Task-19\n"
          "2.000000 1 Task-20\n"
          "3.000000 1 Task-4\n"
          "3.000000 1 Task-13\n"
          "3.000000 1 Task-20\n"
          "3.000000 1 Task-12\n"
          "3.000000 1 Task-1\n"
          "3.000000 1 Task-1\n"
          "3.000000 1 Task-21\n"
          "4.000000 1 Task-1\n"
          "4.000000 1 Task-21\n"
          "4.000000 1 Task-1\n"
          "4.000000 1 Task-22\n"
          "4.000000 1 Task-23\n");
    CHECK(run.err.str().empty());
}

TEST_CASE("TaskGroup: the parent cancelled from outside cancels the children") {
    Run run;
    looplab::run(task_group_cancelled());
    CHECK(run.lines() == std::vector<std::string>{
                             "t=1.0 k1 cancelled",
                             "t=1.0 k2 cancelled",
                             "t=1.0 group cancelled from outside",
                             "t=1.0 parent cancelled True",
                         });
    CHECK(run.ticks() == "0.000000 1 Task-1\n"
          "0.000000 1 Task-2\n"
          "0.000000 1 Task-3\n"
          "0.000000 1 Task-4\n"
          "1.000000 1 Task-1\n"
          "1.000000 1 Task-2\n"
          "1.000000 1 Task-3\n"
          "1.000000 1 Task-4\n"
          "1.000000 1 Task-2\n"
          "1.000000 1 Task-1\n"
          "1.000000 1 Task-5\n"
          "1.000000 1 Task-6\n");
    CHECK(run.err.str().empty());
}
