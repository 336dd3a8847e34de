// Scenarios about cancelling tasks: cancel while sleeping, before the first step, a task
// that swallows CancelledError, cancel by name via all_tasks(), cancelling()/uncancel().
#include "looplab/runners.hpp"
#include "looplab/sleep.hpp"
#include "pyfmt.hpp"
#include "scenario.hpp"

using namespace looplab;
using namespace looplab::scenarios;

namespace {

// --- cancel_after_5s -----------------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 2, "取消任务"
Coroutine<int> delay_catching(int delay_seconds) {
    print(format("sleeping for %d second(s)", delay_seconds));
    try {
        co_await sleep(delay_seconds);
    } catch (const CancelledError& e) {
        print(format("delay(%d) got %s at t=%.1f", delay_seconds, e.repr().c_str(), virtual_time()));
        throw;
    }
    print(format("finished sleeping for %d second(s)", delay_seconds));
    co_return delay_seconds;
}

Coroutine<void> cancel_after_5s_amain() {
    Task<int> long_task = create_task(delay_catching(10));
    int seconds_elapsed = 0;
    while (!long_task.done()) {
        print("Task not finished, checking again in a second.");
        co_await sleep(1);
        seconds_elapsed = seconds_elapsed + 1;
        if (seconds_elapsed == 5) print(format("cancel() -> %s", py_bool(long_task.cancel())));
    }
    try {
        co_await long_task;
    } catch (const CancelledError&) {
        print("Our task was cancelled");
    }
    print(format("cancelled() = %s at t=%.1f", py_bool(long_task.cancelled()), virtual_time()));
}

// --- cancel_before_start -------------------------------------------------------------------
// Tutorial 004 (Ukrainian), "Task можна відміняти методом cancel()"
Coroutine<int> never_started_work() {
    print("work started");  // never printed
    co_await sleep(1);
    co_return 42;
}

Coroutine<void> cancel_before_start_amain() {
    Task<int> task = create_task(never_started_work());
    print(format("cancel() -> %s", py_bool(task.cancel("too early"))));
    print(format("done=%s cancelled=%s", py_bool(task.done()), py_bool(task.cancelled())));
    try {
        co_await task;
    } catch (const CancelledError& e) {
        print("awaiting it raised " + e.repr());
    }
    print(format("done=%s cancelled=%s", py_bool(task.done()), py_bool(task.cancelled())));
    print(format("cancel() again -> %s", py_bool(task.cancel())));
}

// --- cancel_ignored ------------------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 2, "取消任务", turned around
Coroutine<std::string> stubborn() {
    for (int i = 0; i < 3; ++i) {
        try {
            co_await sleep(2);
            print(format("step %d done at t=%.1f", i, virtual_time()));
        } catch (const CancelledError&) {
            print(format("step %d cancelled at t=%.1f, carrying on", i, virtual_time()));
        }
    }
    co_return "finished anyway";
}

Coroutine<void> cancel_ignored_amain() {
    Task<std::string> task = create_task(stubborn());
    co_await sleep(1);
    print(format("cancel() -> %s", py_bool(task.cancel())));
    co_await sleep(2);
    print(format("cancel() -> %s", py_bool(task.cancel())));
    std::string result = co_await task;
    print(format("result=%s cancelled=%s at t=%.1f", py_repr(result).c_str(), py_bool(task.cancelled()),
                 virtual_time()));
}

// --- cancel_by_name ------------------------------------------------------------------------
// Tutorial 004 (Ukrainian), "Task можна відміняти методом cancel()"
Coroutine<void> delay_004(int seconds) {
    print(format("delay(seconds=%d) started", seconds));
    co_await sleep(seconds);
    print(format("delay(seconds=%d) finished", seconds));
}

Coroutine<void> cancel_by_name_amain() {
    double start_time = virtual_time();
    std::vector<Task<void>> tasks{
        create_task(delay_004(3), "delay 3 sec"),
        create_task(delay_004(1), "delay 1 sec"),
        create_task(delay_004(20000), "delay 20000 sec"),
    };
    co_await sleep(0);
    std::vector<std::string> names;
    for (TaskBase* t : all_tasks()) names.push_back(t->get_name());
    print("all_tasks(): " + py_join(names));
    for (TaskBase* task : all_tasks()) {
        if (task->get_name() == "delay 20000 sec") {
            print("cancelling " + py_repr(task->get_name()));
            task->cancel();
        }
    }
    for (auto& task : tasks) {
        try {
            co_await task;
        } catch (const CancelledError&) {
            print(task.get_name() + " was cancelled");
        }
    }
    print(format("elapsed time: %.1f seconds", virtual_time() - start_time));
}

// --- uncancel_cancelling -------------------------------------------------------------------
// Tutorial 004 (Ukrainian), cancellation and TaskGroup (3.11)
Coroutine<std::string> uncancel_worker() {
    TaskBase* me = current_task();
    try {
        co_await sleep(10);
    } catch (const CancelledError& e) {
        print(format("worker: %s at t=%.1f, cancelling()=%d", e.repr().c_str(), virtual_time(), me->cancelling()));
        print(format("worker: uncancel() -> %d", me->uncancel()));
        print(format("worker: uncancel() -> %d", me->uncancel()));
    }
    co_await sleep(1);
    print(format("worker: finished at t=%.1f, cancelling()=%d", virtual_time(), me->cancelling()));
    co_return "ok";
}

Coroutine<void> uncancel_amain() {
    Task<std::string> task = create_task(uncancel_worker());
    co_await sleep(1);
    bool r = task.cancel("first");
    print(format("main: cancel(\"first\") -> %s, cancelling()=%d", py_bool(r), task.cancelling()));
    r = task.cancel("second");
    print(format("main: cancel(\"second\") -> %s, cancelling()=%d", py_bool(r), task.cancelling()));
    std::string result = co_await task;
    print(format("main: result %s, cancelled()=%s", py_repr(result).c_str(), py_bool(task.cancelled())));
    r = task.cancel();
    print(format("main: cancel() on a done task -> %s, cancelling()=%d", py_bool(r), task.cancelling()));
}

}  // namespace

LOOPLAB_SCENARIO(cancel_after_5s, "002: a 10 s task cancelled after 5 s; CancelledError caught and re-raised") {
    run(cancel_after_5s_amain());
}

LOOPLAB_SCENARIO(cancel_before_start, "004: a task cancelled before its first step never runs") {
    run(cancel_before_start_amain());
}

LOOPLAB_SCENARIO(cancel_ignored, "002: a task that catches CancelledError and carries on") {
    run(cancel_ignored_amain());
}

LOOPLAB_SCENARIO(cancel_by_name, "004: find a task by name in all_tasks() and cancel it") {
    run(cancel_by_name_amain());
}

LOOPLAB_SCENARIO(uncancel_cancelling, "004: Task.cancelling() and Task.uncancel() after two cancel() calls") {
    run(uncancel_amain());
}
