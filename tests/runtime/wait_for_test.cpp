// asyncio.wait_for (3.11 tasks.py wait_for/_cancel_and_wait): in time, timeout (inner
// cancelled, TimeoutError once it has finished cancelling), a task that ignores the
// cancellation (its result is returned), inner exceptions, timeout <= 0, timeout None,
// with and without shield, and wait_for itself cancelled.
// Expected ticks come from the Python programs in the comments, run with
// /usr/bin/python3 tools/cpython_runner.py FILE.py --ticks OUT.
#include <catch2/catch.hpp>

#include <cstdio>

#include "looplab/event_loop.hpp"
#include "looplab/gather.hpp"
#include "looplab/runners.hpp"
#include "looplab/shield.hpp"
#include "looplab/sleep.hpp"
#include "looplab/wait_for.hpp"
#include "test_support.hpp"

using namespace looplab;
using looplab::testing::Run;

namespace {

std::string now() {
    char buf[32];
    std::snprintf(buf, sizeof buf, "t=%.1f", virtual_time());
    return buf;
}

/* wait_for_all.py
def now():
    return f't={asyncio.get_running_loop().time()}'

async def job(name, d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(now(), name, 'cancelled')
        raise
    print(now(), name, 'finished')
    return name

async def stubborn(d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(now(), 'stubborn ignores the cancellation')
    await asyncio.sleep(1)
    return 'stubborn result'

async def failing():
    await asyncio.sleep(0.5)
    raise ValueError('inner failed')

async def main():
    print(await asyncio.wait_for(job('quick', 1), 2))
    try:
        await asyncio.wait_for(job('slow', 10), 2)
    except TimeoutError:
        print(now(), 'TimeoutError')
    print(await asyncio.wait_for(stubborn(5), 1))
    print(now(), 'after stubborn')
    try:
        await asyncio.wait_for(failing(), 5)
    except ValueError as e:
        print(now(), 'ValueError', e)
    try:
        await asyncio.wait_for(job('never', 1), 0)
    except TimeoutError:
        print(now(), 'TimeoutError for timeout=0')
    print(await asyncio.wait_for(job('inline', 1), None))
*/
Coroutine<std::string> job(std::string name, double d) {
    try {
        co_await sleep(d);
    } catch (const CancelledError&) {
        print(now() + " " + name + " cancelled");
        throw;
    }
    print(now() + " " + name + " finished");
    co_return name;
}

Coroutine<std::string> stubborn(double d) {
    try {
        co_await sleep(d);
    } catch (const CancelledError&) {
        print(now() + " stubborn ignores the cancellation");
    }
    co_await sleep(1);
    co_return "stubborn result";
}

Coroutine<std::string> failing() {
    co_await sleep(0.5);
    throw ValueError("inner failed");
}

Coroutine<void> wait_for_all() {
    std::string r = co_await wait_for(job("quick", 1), 2.0);
    print(r);
    try {
        co_await wait_for(job("slow", 10), 2.0);
    } catch (const TimeoutError&) {
        print(now() + " TimeoutError");
    }
    r = co_await wait_for(stubborn(5), 1.0);
    print(r);
    print(now() + " after stubborn");
    try {
        co_await wait_for(failing(), 5.0);
    } catch (const ValueError& e) {
        print(now() + " ValueError " + std::string(e.what()));
    }
    try {
        co_await wait_for(job("never", 1), 0.0);
    } catch (const TimeoutError&) {
        print(now() + " TimeoutError for timeout=0");
    }
    r = co_await wait_for(job("inline", 1), std::nullopt);
    print(r);
}

/* wait_for_shield.py (the tutorial's "a 10 s task, wait_for 5 s with shield")
async def long_task():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(now(), 'long_task cancelled')
        raise
    print(now(), 'long_task done')
    return 'result'

async def main():
    task = asyncio.create_task(long_task())
    try:
        await asyncio.wait_for(asyncio.shield(task), 5)
    except TimeoutError:
        print(now(), 'TimeoutError; task cancelled?', task.cancelled())
    print(now(), await task)
    task = asyncio.create_task(long_task())
    try:
        await asyncio.wait_for(task, 5)
    except TimeoutError:
        print(now(), 'TimeoutError; task cancelled?', task.cancelled())
*/
Coroutine<std::string> long_task() {
    try {
        co_await sleep(10);
    } catch (const CancelledError&) {
        print(now() + " long_task cancelled");
        throw;
    }
    print(now() + " long_task done");
    co_return "result";
}

const char* py_bool(bool b) { return b ? "True" : "False"; }

Coroutine<void> wait_for_shield() {
    Task<std::string> task = create_task(long_task());
    try {
        co_await wait_for(shield(Future<std::string>(task)), 5.0);
    } catch (const TimeoutError&) {
        print(now() + " TimeoutError; task cancelled? " + py_bool(task.cancelled()));
    }
    std::string when = now();
    std::string r = co_await task;
    print(when + " " + r);
    task = create_task(long_task());
    try {
        co_await wait_for(Future<std::string>(task), 5.0);
    } catch (const TimeoutError&) {
        print(now() + " TimeoutError; task cancelled? " + py_bool(task.cancelled()));
    }
}

/* wait_for_cancelled.py
async def outer_job():
    try:
        return await asyncio.wait_for(job('inner', 10), 5)
    except asyncio.CancelledError:
        print(now(), 'wait_for cancelled')
        raise

async def main():
    t = asyncio.create_task(outer_job())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(now(), 'outer cancelled')
    f = asyncio.get_running_loop().create_future()
    f.set_result('done future')
    print(await asyncio.wait_for(f, 0))
*/
Coroutine<std::string> outer_job() {
    try {
        std::string r = co_await wait_for(job("inner", 10), 5.0);
        co_return r;
    } catch (const CancelledError&) {
        print(now() + " wait_for cancelled");
        throw;
    }
}

Coroutine<void> wait_for_cancelled() {
    Task<std::string> t = create_task(outer_job());
    co_await sleep(1);
    t.cancel();
    try {
        co_await t;
    } catch (const CancelledError&) {
        print(now() + " outer cancelled");
    }
    // timeout <= 0 with a future already done: its result, no cancellation.
    Future<std::string> f = get_running_loop().create_future<std::string>();
    f.set_result("done future");
    std::string r = co_await wait_for(f, 0.0);
    print(r);
}

/* wait_for_gather.py
async def main():
    g = asyncio.gather(job('f', 3), job('g', 7))
    try:
        await asyncio.wait_for(g, 5)
    except TimeoutError:
        print(now(), 'TimeoutError; gather cancelled()', g.cancelled())
*/
Coroutine<void> wait_for_gather() {
    auto g = gather(job("f", 3), job("g", 7));
    try {
        // The cancelled gather ends with CancelledError as its exception (not cancelled());
        // `fut.result()` raising CancelledError is what becomes TimeoutError.
        co_await wait_for(g.as_future(), 5.0);
    } catch (const TimeoutError&) {
        print(now() + " TimeoutError; gather cancelled() " + (g.future().cancelled() ? "True" : "False"));
    }
}

}  // namespace

TEST_CASE("wait_for on a gather: the timeout cancels the children, TimeoutError") {
    Run run;
    looplab::run(wait_for_gather());
    CHECK(run.lines() == std::vector<std::string>{
                             "t=3.0 f finished",
                             "t=5.0 g cancelled",
                             "t=5.0 TimeoutError; gather cancelled() False",
                         });
    CHECK(run.ticks() == "0.000000 1 Task-1\n"
          "0.000000 1 Task-2\n"
          "0.000000 1 Task-3\n"
          "3.000000 1 Task-2\n"
          "5.000000 1 Task-1\n"
          "5.000000 1 Task-3\n"
          "5.000000 1 Task-1\n"
          "5.000000 1 Task-4\n"
          "5.000000 1 Task-5\n");
    CHECK(run.err.str().empty());
}

TEST_CASE("wait_for: in time, timeout, ignored cancellation, inner error, timeout 0, None") {
    Run run;
    looplab::run(wait_for_all());
    CHECK(run.lines() == std::vector<std::string>{
                             "t=1.0 quick finished",
                             "quick",
                             "t=3.0 slow cancelled",
                             "t=3.0 TimeoutError",
                             "t=4.0 stubborn ignores the cancellation",
                             "stubborn result",  // 3.11: the result of a task that ignored the cancel
                             "t=5.0 after stubborn",
                             "t=5.5 ValueError inner failed",
                             "t=5.5 TimeoutError for timeout=0",  // the coroutine never ran
                             "t=6.5 inline finished",
                             "inline",
                         });
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n"
          "0.000000 1 Task-2\n"
          "1.000000 1 Task-2\n"
          "1.000000 1 Task-1\n"
          "1.000000 1 Task-3\n"
          "3.000000 1 Task-1\n"
          "3.000000 1 Task-3\n"
          "3.000000 1 Task-1\n"
          "3.000000 1 Task-4\n"
          "4.000000 1 Task-1\n"
          "4.000000 1 Task-4\n"
          "5.000000 1 Task-4\n"
          "5.000000 1 Task-1\n"
          "5.000000 1 Task-5\n"
          "5.500000 1 Task-5\n"
          "5.500000 1 Task-1\n"
          "5.500000 1 Task-6\n"
          "5.500000 1 Task-1\n"
          "6.500000 1 Task-1\n"
          "6.500000 1 Task-7\n"
          "6.500000 1 Task-8\n");
    CHECK(run.err.str().empty());
}

TEST_CASE("wait_for with and without shield: a 10 s task, a 5 s timeout") {
    Run run;
    looplab::run(wait_for_shield());
    CHECK(run.lines() == std::vector<std::string>{
                             "t=5.0 TimeoutError; task cancelled? False",
                             "t=10.0 long_task done",
                             "t=5.0 result",
                             "t=15.0 long_task cancelled",
                             "t=15.0 TimeoutError; task cancelled? True",
                         });
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n"
          "0.000000 1 Task-2\n"
          "5.000000 1 Task-1\n"
          "5.000000 1 Task-1\n"
          "10.000000 1 Task-2\n"
          "10.000000 1 Task-1\n"
          "10.000000 1 Task-3\n"
          "15.000000 1 Task-1\n"
          "15.000000 1 Task-3\n"
          "15.000000 1 Task-1\n"
          "15.000000 1 Task-4\n"
          "15.000000 1 Task-5\n");
    CHECK(run.err.str().empty());
}

TEST_CASE("wait_for cancelled from outside cancels the inner task and waits for it") {
    Run run;
    looplab::run(wait_for_cancelled());
    CHECK(run.lines() == std::vector<std::string>{
                             "t=1.0 inner cancelled",
                             "t=1.0 wait_for cancelled",
                             "t=1.0 outer cancelled",
                             "done future",
                         });
    CHECK(run.ticks() == "0.000000 1 Task-1\n"
          "0.000000 1 Task-2\n"
          "0.000000 1 Task-3\n"
          "1.000000 1 Task-1\n"
          "1.000000 1 Task-2\n"
          "1.000000 1 Task-3\n"
          "1.000000 1 Task-2\n"
          "1.000000 1 Task-1\n"
          "1.000000 1 Task-4\n"
          "1.000000 1 Task-5\n");
    CHECK(run.err.str().empty());
}
