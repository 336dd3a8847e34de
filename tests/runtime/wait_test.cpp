// asyncio.wait (tasks.py wait/_wait): FIRST_COMPLETED / FIRST_EXCEPTION / ALL_COMPLETED,
// timeouts that leave futures pending, CPython's set order of done/pending, ValueError.
// Every expected tick sequence was produced by the Python program in the comment above
// the test, run with /usr/bin/python3 tools/cpython_runner.py FILE.py --ticks OUT.
#include <catch2/catch.hpp>

#include <cstdio>

#include "looplab/event_loop.hpp"
#include "looplab/runners.hpp"
#include "looplab/sleep.hpp"
#include "looplab/as_completed.hpp"
#include "looplab/shield.hpp"
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

std::string fmt_time() {
    char buf[32];
    std::snprintf(buf, sizeof buf, "t=%.1f", virtual_time());
    return buf;
}

template <class T>
std::string names(const std::vector<Future<T>>& fs) {
    std::string out;
    for (auto& f : fs) out += (out.empty() ? "" : " ") + static_cast<TaskBase*>(f.base())->get_name();
    return out;
}

Coroutine<std::string> work(std::string name, double d, bool fail = false) {
    co_await sleep(d);
    if (fail) throw ValueError(name);
    co_return name;
}

/* wait_modes.py
async def work(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(name)
    return name

async def main():
    loop = asyncio.get_running_loop()
    t1 = asyncio.create_task(work('a', 1))
    t2 = asyncio.create_task(work('b', 2, fail=True))
    t3 = asyncio.create_task(work('c', 3))
    t4 = asyncio.create_task(work('d', 4))
    done, pending = await asyncio.wait([t1, t2, t3, t4], return_when=asyncio.FIRST_COMPLETED)
    print(f't={loop.time()} first_completed done=[{names(done)}] pending=[{names(pending)}]')
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_EXCEPTION)
    print(f't={loop.time()} first_exception done=[{names(done)}] pending=[{names(pending)}]')
    done, pending = await asyncio.wait(pending, timeout=0.5)
    print(f't={loop.time()} timeout done=[{names(done)}] pending=[{names(pending)}]')
    done, pending = await asyncio.wait(pending, return_when=asyncio.ALL_COMPLETED)
    print(f't={loop.time()} all_completed done=[{names(done)}] pending=[{names(pending)}]')
    print(t2.exception())
*/
Coroutine<void> wait_modes() {
    std::vector<Future<std::string>> all;  // (push_back: arguments are evaluated in no fixed order)
    all.push_back(create_task(work("a", 1)));
    all.push_back(create_task(work("b", 2, true)));
    all.push_back(create_task(work("c", 3)));
    all.push_back(create_task(work("d", 4)));
    auto r = co_await wait(all, std::nullopt, FIRST_COMPLETED);
    print(fmt_time() + " first_completed done=[" + names(r.done) + "] pending=[" + names(r.pending) + "]");
    r = co_await wait(r.pending, std::nullopt, FIRST_EXCEPTION);
    print(fmt_time() + " first_exception done=[" + names(r.done) + "] pending=[" + names(r.pending) + "]");
    r = co_await wait(r.pending, 0.5);
    print(fmt_time() + " timeout done=[" + names(r.done) + "] pending=[" + names(r.pending) + "]");
    r = co_await wait(r.pending, std::nullopt, ALL_COMPLETED);
    print(fmt_time() + " all_completed done=[" + names(r.done) + "] pending=[" + names(r.pending) + "]");
    print(all[1].exception() ? exception_repr(all[1].exception()) : "None");
}

/* wait_order.py
async def work(d):
    await asyncio.sleep(d)

async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(work(1)) for _ in range(17)]   # Task-2 .. Task-18
    pick = [tasks[8], tasks[0], tasks[1], tasks[16]]           # numbers 10, 2, 3, 18
    done, pending = await asyncio.wait(pick)
    print(names(done))
    f1 = loop.create_future()
    f2 = loop.create_future()
    loop.call_later(1, f2.set_result, 'x')
    t = asyncio.create_task(work(3))                           # Task-19
    done, pending = await asyncio.wait([t, f2, f1], timeout=2)
    print(len(done), len(pending), done == {f2}, [x is t for x in pending], t.done())
    try:
        await asyncio.wait([])
    except ValueError as e:
        print('ValueError', e)
    f1.set_result(None)
    await t
*/
Coroutine<void> sleeper(double d) { co_await sleep(d); }

std::string describe_sets(const WaitSets& sets, FutureBase* t, FutureBase* f2) {
    std::string pend;
    for (auto& p : sets.pending) pend += p.get() == t ? "T" : "F";
    return std::to_string(sets.done.size()) + " " + std::to_string(sets.pending.size()) + " " +
           (sets.done.size() == 1 && sets.done[0].get() == f2 ? "True" : "False") + " " + pend + " " +
           (t->done() ? "True" : "False");
}

void set_later(Future<std::string> f, double delay) {
    get_running_loop().call_later(delay, [f]() mutable { f.set_result("x"); });
}

Coroutine<void> wait_order() {
    EventLoop& loop = get_running_loop();
    std::vector<Future<void>> tasks;
    for (int i = 0; i < 17; ++i) tasks.push_back(create_task(sleeper(1)));
    std::vector<Future<void>> pick = vec<Future<void>>(tasks[8], tasks[0], tasks[1], tasks[16]);
    auto r = co_await wait(pick);
    print(names(r.done));

    Future<std::string> f1 = loop.create_future<std::string>();
    Future<std::string> f2 = loop.create_future<std::string>();
    set_later(f2, 1);
    Task<void> t = create_task(sleeper(3));
    std::vector<Ref<FutureBase>> mixed = vec<Ref<FutureBase>>(t.ref(), f2.ref(), f1.ref());
    auto sets = co_await wait(mixed, 2.0);
    print(describe_sets(sets, t.base(), f2.base()));
    try {
        co_await wait(std::vector<Future<void>>{});
    } catch (const ValueError& e) {
        print("ValueError " + std::string(e.what()));
    }
    f1.set_result(std::string());
    co_await t;
}

Coroutine<int> wait_after_done() {
    // Futures already done: their callbacks are scheduled at once (call_soon), the waiter is
    // released one iteration later.
    Future<int> f = get_running_loop().create_future<int>();
    f.set_result(7);
    std::vector<Future<int>> fs = vec<Future<int>>(f);
    auto r = co_await wait(fs, 10.0);
    try {
        co_await wait(fs, std::nullopt, static_cast<ReturnWhen>(7));
    } catch (const ValueError& e) {
        print(e.what());
    }
    co_return r.done.size() == 1 ? r.done[0].result() : -1;
}

Coroutine<void> wait_on(Future<std::string> c) {
    std::vector<Future<std::string>> fs = vec<Future<std::string>>(c);
    co_await wait(fs);
}

Coroutine<void> wait_cancelled() {
    Task<std::string> child = create_task(work("slow", 5));
    Task<void> waiter = create_task(wait_on(child));
    co_await sleep(1);
    waiter.cancel();
    try {
        co_await waiter;
    } catch (const CancelledError&) {
        print(fmt_time() + " wait cancelled; child done: " + (child.done() ? "yes" : "no"));
    }
    std::string v = co_await child;
    print(fmt_time() + " child " + v);
}

Coroutine<int> value_after(int v, double d) {
    co_await sleep(d);
    co_return v;
}

Coroutine<int> task_overloads() {
    // wait / wait_for / shield / as_completed take Task<T> as well as Future<T>.
    std::vector<Task<int>> ts;
    ts.push_back(create_task(value_after(1, 2)));
    ts.push_back(create_task(value_after(2, 1)));
    WaitResult<int> r = co_await wait(ts, std::nullopt, FIRST_COMPLETED);
    int sum = r.done.at(0).result();                    // 2
    sum += co_await wait_for(ts[0], 5.0);               // 1
    sum += co_await shield(ts[0]);                      // 1
    for (auto&& aw : as_completed(ts)) sum += co_await std::move(aw);  // 3
    co_return sum;
}

}  // namespace

TEST_CASE("wait, wait_for, shield, as_completed accept tasks") {
    Run run;
    CHECK(looplab::run(task_overloads()) == 7);
    CHECK(run.rt.clock() == 2);
}

TEST_CASE("wait: FIRST_COMPLETED, FIRST_EXCEPTION, timeout, ALL_COMPLETED") {
    Run run;
    looplab::run(wait_modes());
    CHECK(run.lines() == std::vector<std::string>{
                             "t=1.0 first_completed done=[Task-2] pending=[Task-3 Task-4 Task-5]",
                             "t=2.0 first_exception done=[Task-3] pending=[Task-4 Task-5]",
                             "t=2.5 timeout done=[] pending=[Task-4 Task-5]",
                             "t=4.0 all_completed done=[Task-4 Task-5] pending=[]",
                             "ValueError('b')",
                         });
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n"
          "0.000000 1 Task-2\n"
          "0.000000 1 Task-3\n"
          "0.000000 1 Task-4\n"
          "0.000000 1 Task-5\n"
          "1.000000 1 Task-2\n"
          "1.000000 1 Task-1\n"
          "2.000000 1 Task-3\n"
          "2.000000 1 Task-1\n"
          "2.500000 1 Task-1\n"
          "3.000000 1 Task-4\n"
          "4.000000 1 Task-5\n"
          "4.000000 1 Task-1\n"
          "4.000000 1 Task-6\n"
          "4.000000 1 Task-7\n");
    CHECK(run.err.str().empty());
}

TEST_CASE("wait: done and pending iterate in CPython's set order; timeout leaves futures pending") {
    Run run;
    looplab::run(wait_order());
    CHECK(run.lines() == std::vector<std::string>{
                             "Task-10 Task-2 Task-18 Task-3",
                             "1 2 True FT False",
                             "ValueError Set of Tasks/Futures is empty.",
                         });
    std::string expected;
    expected += "0.000000 1 Task-1\n";
    for (int i = 2; i <= 18; ++i) expected += "0.000000 1 Task-" + std::to_string(i) + "\n";
    for (int i = 2; i <= 18; ++i) expected += "1.000000 1 Task-" + std::to_string(i) + "\n";
    expected +=
        "1.000000 1 Task-1\n"
        "1.000000 1 Task-19\n"
        "3.000000 1 Task-1\n"
        "4.000000 1 Task-19\n"
        "4.000000 1 Task-1\n"
        "4.000000 1 Task-20\n"
        "4.000000 1 Task-21\n";
    CHECK(run.ticks() == expected);
    CHECK(run.err.str().empty());
}

TEST_CASE("wait: futures already done, and return_when names") {
    Run run;
    CHECK(looplab::run(wait_after_done()) == 7);
    CHECK(run.lines() == std::vector<std::string>{"Invalid return_when value: 7"});
    CHECK(run.rt.clock() == 0);
    CHECK(parse_return_when("FIRST_EXCEPTION") == FIRST_EXCEPTION);
    CHECK_THROWS_WITH(parse_return_when("SOMETIMES"), "Invalid return_when value: SOMETIMES");
    CHECK(run.err.str().empty());
}

TEST_CASE("wait: cancelling the waiting task leaves the awaited task running") {
    Run run;
    looplab::run(wait_cancelled());
    CHECK(run.lines() == std::vector<std::string>{"t=1.0 wait cancelled; child done: no", "t=5.0 child slow"});
    CHECK(run.err.str().empty());
}
