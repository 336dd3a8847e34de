// asyncio.gather (tasks.py gather/_GatheringFuture): results in argument order,
// return_exceptions, the first exception propagating while siblings keep running, cancelling
// the gather future (children cancelled; the outer future ends with CancelledError set as
// its exception, so cancelled() is False in 3.11), and the awaiting task cancelled.
// Expected ticks come from gather_all.py below, run with
// /usr/bin/python3 tools/cpython_runner.py gather_all.py --ticks OUT.
#include <catch2/catch.hpp>

#include <cstdio>

#include "looplab/event_loop.hpp"
#include "looplab/gather.hpp"
#include "looplab/runners.hpp"
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

/* gather_all.py
async def work(name, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(now(), name, 'cancelled')
        raise
    if fail:
        raise ValueError(name)
    print(now(), name, 'done')
    return name

async def gatherer(coros):
    try:
        return await asyncio.gather(*coros)
    except asyncio.CancelledError:
        print(now(), 'gatherer cancelled')
        raise

async def main():
    print(await asyncio.gather(work('c', 3), work('a', 1), work('b', 2)))

    res = await asyncio.gather(work('ok', 1), work('bad', 0.5, fail=True), return_exceptions=True)
    print([repr(r) for r in res])

    slow = asyncio.create_task(work('sibling', 3))
    try:
        await asyncio.gather(work('first-bad', 1, fail=True), slow, work('second-bad', 2, fail=True))
    except ValueError as e:
        print(now(), 'gather raised', repr(e), 'sibling done?', slow.done())
    print(now(), await slow)

    g = asyncio.gather(work('x', 5), work('y', 5))
    await asyncio.sleep(1)
    print(g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print(now(), 'gather cancelled', g.cancelled())

    t = asyncio.create_task(gatherer([work('p', 5), work('q', 5)]))
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(now(), 'outer task cancelled')
*/
Coroutine<std::string> work(std::string name, double d, bool fail = false) {
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

Coroutine<void> gatherer(std::string a, std::string b) {
    try {
        co_await gather(work(a, 5), work(b, 5));
    } catch (const CancelledError&) {
        print(now() + " gatherer cancelled");
        throw;
    }
}

std::string py_list(const std::vector<std::string>& v, bool quote) {
    std::string out = "[";
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + (quote ? "'" + v[i] + "'" : v[i]);
    return out + "]";
}

Coroutine<void> gather_all() {
    std::vector<std::string> res = co_await gather(work("c", 3), work("a", 1), work("b", 2));
    print(py_list(res, true));

    std::vector<Coroutine<std::string>> coros;
    coros.push_back(work("ok", 1));
    coros.push_back(work("bad", 0.5, true));
    auto outcomes = co_await gather_return_exceptions(std::move(coros));
    std::vector<std::string> reprs;
    for (auto& o : outcomes) reprs.push_back(o.error ? "\"" + exception_repr(o.error) + "\"" : "\"'" + *o.value + "'\"");
    print(py_list(reprs, false));

    Task<std::string> slow = create_task(work("sibling", 3));
    try {
        co_await gather(work("first-bad", 1, true), slow, work("second-bad", 2, true));
    } catch (const ValueError& e) {
        print(now() + " gather raised " + e.repr() + " sibling done? " + py_bool(slow.done()));
    }
    std::string when = now();
    std::string s = co_await slow;
    print(when + " " + s);

    auto g = gather(work("x", 5), work("y", 5));
    co_await sleep(1);
    print(py_bool(g.cancel()));
    try {
        co_await g;
    } catch (const CancelledError&) {
        print(now() + " gather cancelled " + py_bool(g.future().cancelled()));
    }

    Task<void> t = create_task(gatherer("p", "q"));
    co_await sleep(1);
    t.cancel();
    try {
        co_await t;
    } catch (const CancelledError&) {
        print(now() + " outer task cancelled");
    }
}

}  // namespace

TEST_CASE("gather: result order, return_exceptions, first error, cancel from inside and outside") {
    Run run;
    looplab::run(gather_all());
    CHECK(run.lines() == std::vector<std::string>{
                             "t=1.0 a done",
                             "t=2.0 b done",
                             "t=3.0 c done",
                             "['c', 'a', 'b']",
                             "t=4.0 ok done",
                             "[\"'ok'\", \"ValueError('bad')\"]",
                             "t=5.0 gather raised ValueError('first-bad') sibling done? False",
                             "t=7.0 sibling done",
                             "t=5.0 sibling",
                             "True",
                             "t=8.0 x cancelled",
                             "t=8.0 y cancelled",
                             "t=8.0 gather cancelled False",
                             "t=9.0 p cancelled",
                             "t=9.0 q cancelled",
                             "t=9.0 gatherer cancelled",
                             "t=9.0 outer task cancelled",
                         });
    CHECK(run.ticks() == "0.000000 1 Task-1\n"
          "0.000000 1 Task-2\n"
          "0.000000 1 Task-3\n"
          "0.000000 1 Task-4\n"
          "1.000000 1 Task-3\n"
          "2.000000 1 Task-4\n"
          "3.000000 1 Task-2\n"
          "3.000000 1 Task-1\n"
          "3.000000 1 Task-5\n"
          "3.000000 1 Task-6\n"
          "3.500000 1 Task-6\n"
          "4.000000 1 Task-5\n"
          "4.000000 1 Task-1\n"
          "4.000000 1 Task-7\n"
          "4.000000 1 Task-8\n"
          "4.000000 1 Task-9\n"
          "5.000000 1 Task-8\n"
          "5.000000 1 Task-1\n"
          "6.000000 1 Task-9\n"
          "7.000000 1 Task-7\n"
          "7.000000 1 Task-1\n"
          "7.000000 1 Task-10\n"
          "7.000000 1 Task-11\n"
          "8.000000 1 Task-1\n"
          "8.000000 1 Task-10\n"
          "8.000000 1 Task-11\n"
          "8.000000 1 Task-1\n"
          "8.000000 1 Task-12\n"
          "8.000000 1 Task-13\n"
          "8.000000 1 Task-14\n"
          "9.000000 1 Task-1\n"
          "9.000000 1 Task-13\n"
          "9.000000 1 Task-14\n"
          "9.000000 1 Task-12\n"
          "9.000000 1 Task-1\n"
          "9.000000 1 Task-15\n"
          "9.000000 1 Task-16\n");
    CHECK(run.err.str().empty());
}
