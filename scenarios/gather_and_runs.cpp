// Scenarios about gather (result order, return_exceptions, cancelling it), several
// asyncio.run calls in one program, and timers due at the same moment.
#include "looplab/gather.hpp"
#include "looplab/runners.hpp"
#include "looplab/sleep.hpp"
#include "pyfmt.hpp"
#include "scenario.hpp"

using namespace looplab;
using namespace looplab::scenarios;

namespace {

// --- gather_order --------------------------------------------------------------------------
// Tutorial 004 (Ukrainian), "Для чого використовується gather()?"; tutorial 002, chapter 4
Coroutine<std::string> named_task(std::string name, int seconds) {
    co_await sleep(seconds);
    print(format("%s finished at t=%.1f", name.c_str(), virtual_time()));
    co_return name + " done";
}

Coroutine<void> gather_order_amain() {
    std::vector<std::string> results = co_await gather(named_task("slow", 3), named_task("fast", 1), named_task("medium", 2));
    std::vector<std::string> items;
    for (auto& r : results) items.push_back(py_repr(r));
    print(py_list(items));
}

// --- gather_return_exceptions --------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 4, "gather 中的异常"
Coroutine<int> fetch_status(std::string url) {
    if (url.rfind("https://", 0) != 0) {
        co_await sleep(0);
        throw ValueError("bad URL " + url);
    }
    co_await sleep(0.5);
    print(format("fetched %s at t=%.1f", url.c_str(), virtual_time()));
    co_return 200;
}

Coroutine<void> gather_return_exceptions_amain() {
    std::vector<std::string> urls{"https://example.com", "python://example.com", "https://baidu.com"};
    std::vector<Coroutine<int>> tasks;
    for (auto& url : urls) tasks.push_back(fetch_status(url));
    auto results = co_await gather_return_exceptions(std::move(tasks));
    std::vector<std::string> all, exceptions, successful;
    for (auto& res : results) {
        std::string text = res.error ? exception_repr(res.error) : std::to_string(*res.value);
        all.push_back(text);
        if (res.error && is_exception(res.error)) exceptions.push_back(text);
        else successful.push_back(text);
    }
    print("All results: " + py_list(all));
    print("Finished successfully: " + py_list(successful));
    print("Threw exceptions: " + py_list(exceptions));

    try {
        std::vector<Coroutine<int>> again;
        for (auto& url : urls) again.push_back(fetch_status(url));
        co_await gather(std::move(again));
    } catch (const ValueError& e) {
        print(format("gather raised %s at t=%.1f", e.repr().c_str(), virtual_time()));
    }
    co_await sleep(1);
    print(format("main done at t=%.1f", virtual_time()));
}

// --- gather_cancelled ----------------------------------------------------------------------
// Tutorial 004 (Ukrainian), "Для чого використовується gather()?"
Coroutine<std::string> cancellable_worker(std::string name, int seconds) {
    try {
        co_await sleep(seconds);
    } catch (const CancelledError& e) {
        print(format("%s cancelled at t=%.1f: %s", name.c_str(), virtual_time(), e.repr().c_str()));
        throw;
    }
    print(format("%s finished at t=%.1f", name.c_str(), virtual_time()));
    co_return name;
}

Coroutine<void> gather_cancelled_amain() {
    std::vector<Task<std::string>> tasks{create_task(cancellable_worker("a", 1)), create_task(cancellable_worker("b", 3)),
                                         create_task(cancellable_worker("c", 5))};
    std::vector<Future<std::string>> futs(tasks.begin(), tasks.end());
    auto group = gather(futs);
    co_await sleep(2);
    print(format("gather.cancel() -> %s", py_bool(group.cancel("stop"))));
    try {
        co_await group;
    } catch (const CancelledError& e) {
        print(format("awaiting the gather raised %s at t=%.1f", e.repr().c_str(), virtual_time()));
    }
    print(format("gather done=%s cancelled=%s", py_bool(group.done()), py_bool(group.future().cancelled())));
    for (auto& t : tasks) print(format("%s: cancelled=%s", t.get_name().c_str(), py_bool(t.cancelled())));
}

// --- multiple_runs -------------------------------------------------------------------------
// Tutorial 000 (Chinese), "使用asyncio.run,多次运行是否安全"
Coroutine<std::string> my_task(std::string url) {
    co_await sleep(1);
    co_return format("%s by %s at t=%.1f", url.c_str(), current_task()->get_name().c_str(), virtual_time());
}

Coroutine<std::vector<std::string>> gather_tasks(std::vector<Coroutine<std::string>> integration_tasks) {
    print("gather_tasks runs as " + current_task()->get_name());
    std::vector<std::string> results = co_await gather(std::move(integration_tasks));
    co_return results;
}

std::vector<std::string> complete_integrations(std::vector<Coroutine<std::string>> integration_tasks) {
    return run(gather_tasks(std::move(integration_tasks)));
}

// --- equal_timers --------------------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 2, "运行多个任务"
Coroutine<void> sleeper(int i) {
    co_await sleep(1);
    print(format("sleeper %d woke at t=%.1f", i, virtual_time()));
}

Coroutine<void> equal_timers_amain() {
    std::vector<Coroutine<void>> sleepers;
    for (int i = 0; i < 7; ++i) sleepers.push_back(sleeper(i));
    co_await gather(std::move(sleepers));
    EventLoop& loop = get_running_loop();
    for (int i = 0; i < 6; ++i) loop.call_later(0.5, [i] { print(format("callback %d at t=%.1f", i, virtual_time())); });
    co_await sleep(0.5);
    print(format("main woke at t=%.1f", virtual_time()));
    co_await sleep(0);
    print("main again");
}

}  // namespace

LOOPLAB_SCENARIO(gather_order, "004/002: gather returns results in argument order, not completion order") {
    run(gather_order_amain());
}

LOOPLAB_SCENARIO(gather_return_exceptions, "002: gather with and without return_exceptions=True") {
    run(gather_return_exceptions_amain());
}

LOOPLAB_SCENARIO(gather_cancelled, "004: cancelling a gather cancels its unfinished children") {
    run(gather_cancelled_amain());
}

LOOPLAB_SCENARIO(multiple_runs, "000: asyncio.run called three times; loops and task names count on") {
    for (int round_number = 0; round_number < 3; ++round_number) {
        std::vector<Coroutine<std::string>> integration_tasks;
        integration_tasks.push_back(my_task("url1"));
        integration_tasks.push_back(my_task("url2"));
        std::vector<std::string> items;
        for (auto& r : complete_integrations(std::move(integration_tasks))) items.push_back(py_repr(r));
        print(py_list(items));
    }
}

LOOPLAB_SCENARIO(equal_timers, "002: sleepers and callbacks due at the same time run in scheduling order") {
    run(equal_timers_amain());
}
