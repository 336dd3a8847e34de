// Scenarios about the loop itself and plain futures: a future set by another task,
// call_soon/call_later/call_at, a loop driven by hand, awaiting in comprehensions, a timing
// decorator, and done callbacks.
#include "looplab/gather.hpp"
#include "looplab/runners.hpp"
#include "looplab/sleep.hpp"
#include "pyfmt.hpp"
#include "scenario.hpp"
#include "tutorial_util.hpp"

using namespace looplab;
using namespace looplab::scenarios;

namespace {

// --- future_set_result ---------------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 2, "future"
Coroutine<void> set_future_value(Future<int> future) {
    co_await sleep(1);
    future.set_result(42);
}

Future<int> make_request() {
    Future<int> future = get_running_loop().create_future<int>();
    create_task(set_future_value(future));
    return future;
}

Coroutine<void> future_set_result_amain() {
    Future<int> future = make_request();
    print(format("Is the future done? %s", py_bool(future.done())));
    int value = co_await future;
    print(format("Is the future done? %s (t=%.1f)", py_bool(future.done()), virtual_time()));
    print(format("%d", value));
}

// --- call_soon_later -----------------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 3, "事件循环"
void call_later_cb() { print(format("I'm being called in the future! t=%.1f", virtual_time())); }

void call_delayed(const std::string& what) { print(format("%s at t=%.1f", what.c_str(), virtual_time())); }

Coroutine<void> call_soon_later_amain() {
    EventLoop& loop = get_running_loop();
    loop.call_soon(call_later_cb);
    loop.call_later(0.5, [] { call_delayed("call_later(0.5)"); });
    Ref<TimerHandle> handle = loop.call_later(0.7, [] { call_delayed("never: cancelled"); });
    loop.call_at(loop.time() + 0.25, [] { call_delayed("call_at(now + 0.25)"); });
    handle->cancel();
    print("callbacks scheduled");
    co_await delay_002(1);
}

// --- manual_loop ---------------------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 3, "事件循环"; tutorial 001, "loop.run_until_complete"
Coroutine<std::string> manual_loop_amain() {
    print("main runs as " + current_task()->get_name());
    co_await sleep(1);
    co_return format("slept until t=%.1f", virtual_time());
}

Coroutine<int> do_work() { co_return 1; }

// --- list_comprehension_await --------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 4, "列表推导式下的并发"
Coroutine<void> list_comprehension_amain() {
    std::vector<int> delay_times{3, 3, 3};
    double start = virtual_time();
    for (int seconds : delay_times) co_await create_task(delay_002(seconds));
    print(format("wrong way took %.1f s", virtual_time() - start));
    start = virtual_time();
    std::vector<Task<int>> tasks;
    for (int seconds : delay_times) tasks.push_back(create_task(delay_002(seconds)));
    std::vector<std::string> results;
    for (auto& task : tasks) {
        int r = co_await task;
        results.push_back(std::to_string(r));
    }
    print(format("right way took %.1f s: %s", virtual_time() - start, py_list(results).c_str()));
}

// --- async_timed ---------------------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 2, "协程装饰器"
double time_time() { return 1704067200.0 + virtual_time(); }  // time.time() on the virtual clock

// @async_timed(): wraps the coroutine `inner` of function `name` called with `args`.
template <class T>
Coroutine<T> async_timed(const char* name, std::string args, Coroutine<T> inner) {
    print(format("starting %s with args %s {}", name, args.c_str()));
    double start = time_time();
    try {
        if constexpr (std::is_void_v<T>) {
            co_await std::move(inner);
        } else {
            T r = co_await std::move(inner);
            double total = time_time() - start;
            print(format("finished %s in %.4f second(s)", name, total));
            co_return r;
        }
    } catch (...) {
        double total = time_time() - start;
        print(format("finished %s in %.4f second(s)", name, total));
        throw;
    }
    if constexpr (std::is_void_v<T>) {
        double total = time_time() - start;
        print(format("finished %s in %.4f second(s)", name, total));
    }
}

Coroutine<int> timed_delay(int delay_seconds) { return async_timed("delay", format("(%d,)", delay_seconds), delay_002(delay_seconds)); }

Coroutine<void> timed_main_body() {
    Task<int> task_one = create_task(timed_delay(2));
    Task<int> task_two = create_task(timed_delay(3));
    co_await task_one;
    co_await task_two;
}

// --- done_callback -------------------------------------------------------------------------
// Tutorial 001 (Chinese), "create_task"
Coroutine<int> do_work1() {
    co_await sleep(1);
    co_return 222;
}

Coroutine<void> done_callback_amain() {
    EventLoop& loop = get_running_loop();
    Future<int> future = loop.create_future<int>();
    Task<int> task = loop.create_task(do_work1());
    task.add_done_callback([future](FutureBase& f) mutable {
        Task<int> t{Ref<FutureBase>(&f)};
        print(format("done_callback: %s result %d at t=%.1f", t.get_name().c_str(), t.result(), virtual_time()));
        future.set_result(t.result());
    });
    print(format("main waits for the future (task done: %s)", py_bool(task.done())));
    int r = co_await future;
    print(format("future result: %d", r));
}

}  // namespace

LOOPLAB_SCENARIO(future_set_result, "002: a Future set by another task after 1 s") {
    run(future_set_result_amain());
}

LOOPLAB_SCENARIO(call_soon_later, "002: loop.call_soon, call_later, call_at and a cancelled handle") {
    run(call_soon_later_amain());
}

LOOPLAB_SCENARIO(manual_loop, "002/001: new_event_loop + run_until_complete + close, no asyncio.run") {
    EventLoop& loop = Runtime::current().new_event_loop();
    try {
        print(loop.run_until_complete(manual_loop_amain()));
        print(format("%d", loop.run_until_complete(do_work())));
    } catch (...) {
        loop.close();
        throw;
    }
    loop.close();
    print(format("loop closed: %s", py_bool(loop.is_closed())));
}

LOOPLAB_SCENARIO(list_comprehension_await, "002: awaiting tasks as they are created (9 s) vs after (3 s)") {
    run(list_comprehension_amain());
}

LOOPLAB_SCENARIO(async_timed, "002: an @async_timed() decorator timing coroutines") {
    run(async_timed("main", "()", timed_main_body()));
}

LOOPLAB_SCENARIO(done_callback, "001: add_done_callback on a task sets another future") {
    run(done_callback_amain());
}
