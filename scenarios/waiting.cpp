// Scenarios about waiting with limits and in completion order: wait_for (with and without
// shield), as_completed, wait (ALL_COMPLETED / FIRST_EXCEPTION / FIRST_COMPLETED / timeout),
// TaskGroup and asyncio.timeout().
#include "looplab/as_completed.hpp"
#include "looplab/gather.hpp"
#include "looplab/runners.hpp"
#include "looplab/shield.hpp"
#include "looplab/sleep.hpp"
#include "looplab/task_group.hpp"
#include "looplab/timeout.hpp"
#include "looplab/wait.hpp"
#include "looplab/wait_for.hpp"
#include "pyfmt.hpp"
#include "scenario.hpp"
#include "tutorial_util.hpp"

using namespace looplab;
using namespace looplab::scenarios;

namespace {

std::string name_of(const FutureBase* f) { return static_cast<const TaskBase*>(f)->get_name(); }

std::string all_task_names() {
    std::vector<std::string> names;
    for (TaskBase* t : all_tasks()) names.push_back(t->get_name());
    return py_join(names);
}

// --- wait_for_timeout ----------------------------------------------------------------------
// Tutorial 004 (Ukrainian), "Для чого використовується wait_for(), as_completed(), wait()?"
Coroutine<std::string> my_task() {
    co_await sleep(2);
    co_return "Task done";
}

Coroutine<std::string> sleepy(const char* name, int seconds) {
    try {
        co_await sleep(seconds);
    } catch (const CancelledError&) {
        print(format("%s cancelled at t=%.1f", name, virtual_time()));
        throw;
    }
    co_return name;
}

Coroutine<void> wait_for_timeout_amain() {
    try {
        std::string result = co_await wait_for(my_task(), 1);
        print(result);
    } catch (const TimeoutError&) {
        print("Task did not complete within the specified time.");
    }
    std::string result = co_await wait_for(my_task(), 3);
    print(format("%s at t=%.1f", result.c_str(), virtual_time()));
    try {
        auto both = gather(sleepy("f", 3), sleepy("g", 7));
        Future<void> both_future = both.as_future();
        co_await wait_for(both_future, 5.0);
        std::vector<std::string> results = both.results();
    } catch (const TimeoutError&) {
        print(format("oops took longer than 5s! t=%.1f", virtual_time()));
    }
}

// --- wait_for_cancels_task -----------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 2, "超时后任务被取消"
Coroutine<void> wait_for_cancels_amain() {
    Task<int> delay_task = create_task(delay_002(2));
    try {
        // No temporaries in the co_await expression (GCC 12 destroys them twice).
        Future<int> fut = delay_task;
        int result = co_await wait_for(fut, 1);
        print(format("%d", result));
    } catch (const TimeoutError&) {
        print(format("Got a timeout! t=%.1f", virtual_time()));
        print(format("Was the task cancelled? %s", py_bool(delay_task.cancelled())));
    }
}

// --- wait_for_shield -----------------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 2, "超时后任务不取消"
Coroutine<void> wait_for_shield_amain() {
    Task<int> task = create_task(delay_002(10));
    bool timed_out = false;
    try {
        // No temporaries in the co_await expression (GCC 12 destroys them twice).
        Future<int> shielded = shield(Future<int>(task));
        int result = co_await wait_for(shielded, 5);
        print(format("%d", result));
    } catch (const TimeoutError&) {
        print(format("任务已超时,但不会停止运行! t=%.1f cancelled=%s", virtual_time(), py_bool(task.cancelled())));
        timed_out = true;  // `result = await task` follows, outside the handler in C++
    }
    if (timed_out) {
        int result = co_await task;
        print(format("%d at t=%.1f", result, virtual_time()));
    }
}

// --- as_completed_order --------------------------------------------------------------------
// Tutorial 004 (Ukrainian), "as_completed()"; tutorial 002, chapter 4, "as_completed 超时控制"
Coroutine<std::string> task1() {
    co_await sleep(2);
    co_return "Task 1 done";
}

Coroutine<std::string> task2() {
    co_await sleep(1);
    co_return "Task 2 done";
}

Coroutine<int> request(int delay) {
    co_await sleep(delay);
    co_return 200;
}

Coroutine<void> as_completed_amain() {
    std::vector<Coroutine<std::string>> tasks;
    tasks.push_back(task1());
    tasks.push_back(task2());
    for (auto&& task : as_completed(std::move(tasks))) {
        std::string result = co_await std::move(task);
        print(format("%s at t=%.1f", result.c_str(), virtual_time()));
    }

    std::vector<Coroutine<int>> fetchers;
    fetchers.push_back(request(1));
    fetchers.push_back(request(1));
    fetchers.push_back(request(5));
    for (auto&& done_task : as_completed(std::move(fetchers), 2)) {
        try {
            int result = co_await std::move(done_task);
            print(format("%d at t=%.1f", result, virtual_time()));
        } catch (const TimeoutError&) {
            print(format("got a timeout! t=%.1f", virtual_time()));
        }
    }
    print("still running: " + all_task_names());
}

// --- wait_all_completed / wait_first_exception ---------------------------------------------
// Tutorial 002 (Chinese), chapter 4, "wait" and "监听异常"
Coroutine<int> fetch_status(std::string url, double delay = 0) {
    co_await sleep(delay);
    if (url.rfind("https://", 0) != 0) throw ValueError("bad URL " + url);
    co_await sleep(0.1);
    co_return 200;
}

void print_done(const std::vector<Future<int>>& done) {
    for (auto& done_task : done) {
        if (!done_task.exception()) {
            print(format("%s: %d", name_of(done_task.base()).c_str(), done_task.result()));
        } else {
            print(name_of(done_task.base()) + ": request failed: " + exception_repr(done_task.exception()));
        }
    }
}

Coroutine<void> wait_all_completed_amain() {
    Coroutine<int> good_request = fetch_status("https://baidu.com");
    Coroutine<int> bad_request = fetch_status("python://bad");
    std::vector<Future<int>> fetchers{create_task(std::move(good_request)), create_task(std::move(bad_request))};
    auto [done, pending] = co_await wait(fetchers);
    print(format("done: %zu, pending: %zu at t=%.1f", done.size(), pending.size(), virtual_time()));
    print_done(done);
}

Coroutine<void> wait_first_exception_amain() {
    std::vector<Future<int>> fetchers{
        create_task(fetch_status("python://bad.com", 0.5)),
        create_task(fetch_status("https://www.baidu.com", 3)),
        create_task(fetch_status("https://www.baidu.com", 0.2)),
    };
    auto [done, pending] = co_await wait(fetchers, std::nullopt, FIRST_EXCEPTION);
    print(format("done: %zu, pending: %zu at t=%.1f", done.size(), pending.size(), virtual_time()));
    print_done(done);
    for (auto& pending_task : pending) {
        print("cancelling " + name_of(pending_task.base()));
        pending_task.cancel();
    }
    co_await sleep(0);
    std::vector<std::string> states;
    for (auto& t : fetchers) states.push_back(py_bool(t.cancelled()));
    print("cancelled: " + py_list(states));
}

// --- wait_first_completed ------------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 4, "逐个处理结果"; tutorial 004, "wait()"
Coroutine<int> fetch_ok(std::string, double delay = 0) {
    co_await sleep(delay);
    co_await sleep(0.1);
    co_return 200;
}

Coroutine<void> wait_first_completed_amain() {
    std::string url = "https://www.baidu.com";
    std::vector<Future<int>> pending{create_task(fetch_ok(url)), create_task(fetch_ok(url)), create_task(fetch_ok(url, 3))};
    while (!pending.empty()) {
        WaitResult<int> r = co_await wait(pending, std::nullopt, FIRST_COMPLETED);
        pending = r.pending;
        print(format("done: %zu, pending: %zu at t=%.1f", r.done.size(), r.pending.size(), virtual_time()));
        for (auto& done_task : r.done) {
            int v = co_await done_task;
            print(format("%d", v));
        }
    }

    std::vector<Future<std::string>> tasks{create_task(task1()), create_task(task2())};
    auto [completed_tasks, pending_tasks] = co_await wait(tasks, 1.5);
    for (auto& task : completed_tasks) print(task.result());
    print(format("pending after the timeout: %zu at t=%.1f", pending_tasks.size(), virtual_time()));
}

// --- taskgroup_failure ---------------------------------------------------------------------
// Tutorial 004 (Ukrainian), "Для чого використовується asyncio.TaskGroup?"
Coroutine<void> tg_task(std::string name, int delay, bool fail = false) {
    try {
        co_await sleep(delay);
    } catch (const CancelledError&) {
        print(format("Task %s cancelled at t=%.1f", name.c_str(), virtual_time()));
        throw;
    }
    if (fail) throw ValueError("task " + name + " failed");
    print(format("Task %s completed after %d seconds", name.c_str(), delay));
}

Coroutine<void> taskgroup_amain() {
    {
        TaskGroup tg;
        tg.enter();
        std::exception_ptr exc;
        try {
            tg.create_task(tg_task("A", 1));
            tg.create_task(tg_task("B", 2));
            tg.create_task(tg_task("C", 3));
            print("All tasks created");
        } catch (...) {
            exc = std::current_exception();
        }
        co_await tg.exit(exc);
    }
    print(format("All tasks completed at t=%.1f, cancelling()=%d", virtual_time(), current_task()->cancelling()));

    try {
        TaskGroup tg;
        tg.enter();
        std::exception_ptr exc;
        try {
            tg.create_task(tg_task("A", 1));
            tg.create_task(tg_task("B", 2, true));
            tg.create_task(tg_task("C", 3));
            tg.create_task(tg_task("D", 4), "task D");
            tg.create_task(tg_task("E", 2, true));
            print("All tasks created");
        } catch (...) {
            exc = std::current_exception();
        }
        co_await tg.exit(exc);
        print("never printed");
    } catch (const ExceptionGroup& eg) {
        print(format("caught %s at t=%.1f", eg.repr().c_str(), virtual_time()));
        for (auto& e : eg.exceptions()) print("  " + exception_repr(e));
    }
    print(format("main cancelling()=%d", current_task()->cancelling()));
}

// --- timeout_block -------------------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 2, "设置超时时间", with 3.11's asyncio.timeout()
Coroutine<void> timeout_amain() {
    try {
        Timeout cm = timeout(2);
        cm.enter();
        std::exception_ptr exc;
        try {
            co_await sleep(10);
        } catch (...) {
            exc = std::current_exception();
        }
        cm.exit(exc);
        print("never printed");
    } catch (const TimeoutError&) {
        print(format("timed out at t=%.1f", virtual_time()));
    }

    {
        Timeout cm = timeout(5);
        cm.enter();
        std::exception_ptr exc;
        try {
            co_await sleep(1);
        } catch (...) {
            exc = std::current_exception();
        }
        cm.exit(exc);
        print(format("fast enough at t=%.1f: expired()=%s", virtual_time(), py_bool(cm.expired())));
    }

    Timeout cm = timeout(std::nullopt);
    try {
        cm.enter();
        std::exception_ptr exc;
        try {
            cm.reschedule(get_running_loop().time() + 1.5);
            try {
                co_await sleep(3);
            } catch (const CancelledError&) {
                print(format("the block sees CancelledError at t=%.1f", virtual_time()));
                throw;
            }
        } catch (...) {
            exc = std::current_exception();
        }
        cm.exit(exc);
    } catch (const TimeoutError&) {
        print(format("rescheduled timeout at t=%.1f: expired()=%s", virtual_time(), py_bool(cm.expired())));
    }
    print(format("cancelling()=%d", current_task()->cancelling()));
}

}  // namespace

LOOPLAB_SCENARIO(wait_for_timeout, "004: wait_for raises TimeoutError and cancels; around gather too") {
    run(wait_for_timeout_amain());
}

LOOPLAB_SCENARIO(wait_for_cancels_task, "002: the task wait_for timed out on is cancelled") {
    run(wait_for_cancels_amain());
}

LOOPLAB_SCENARIO(wait_for_shield, "002: wait_for(shield(task)) times out but the task runs on") {
    run(wait_for_shield_amain());
}

LOOPLAB_SCENARIO(as_completed_order, "004/002: as_completed yields in completion order; timeout=2") {
    run(as_completed_amain());
}

LOOPLAB_SCENARIO(wait_all_completed, "002: asyncio.wait ALL_COMPLETED with a failing request") {
    run(wait_all_completed_amain());
}

LOOPLAB_SCENARIO(wait_first_exception, "002: asyncio.wait FIRST_EXCEPTION, then cancel the pending") {
    run(wait_first_exception_amain());
}

LOOPLAB_SCENARIO(wait_first_completed, "002/004: asyncio.wait FIRST_COMPLETED in a loop; wait with timeout") {
    run(wait_first_completed_amain());
}

LOOPLAB_SCENARIO(taskgroup_failure, "004: TaskGroup waits for all; a failure cancels the rest (ExceptionGroup)") {
    run(taskgroup_amain());
}

LOOPLAB_SCENARIO(timeout_block, "002: async with asyncio.timeout(): expiry, in time, reschedule()") {
    run(timeout_amain());
}
