// Scenarios about how a run ends: a deadlock (exit 3), an uncaught exception (exit 1) and
// an endless producer stopped by --until (exit 0).
#include "looplab/gather.hpp"
#include "looplab/runners.hpp"
#include "looplab/sleep.hpp"
#include "pyfmt.hpp"
#include "scenario.hpp"

using namespace looplab;
using namespace looplab::scenarios;

namespace {

// --- deadlock_future -----------------------------------------------------------------------
// Tutorial 004 (Ukrainian), "Типові помилки": deadlocks
Coroutine<void> waiter(Future<void> fut) {
    print("waiter: waiting for a future nobody will set");
    co_await fut;
    print("never printed");
}

Coroutine<void> deadlock_future_amain() {
    EventLoop& loop = get_running_loop();
    Future<void> fut = loop.create_future<void>();
    Task<void> task = create_task(waiter(fut));
    co_await sleep(1);
    print("main: waiting for the waiter");
    co_await task;
}

// --- uncaught_exception --------------------------------------------------------------------
// Tutorial 004 (Ukrainian), "Для чого використовується asyncio.create_task(...)?"
Coroutine<int> parse(std::string text) {
    co_await sleep(1);
    bool digits = !text.empty();
    for (char c : text) digits = digits && c >= '0' && c <= '9';
    if (!digits) throw ValueError("invalid literal for int() with base 10: '" + text + "'");
    co_return std::stoi(text);
}

Coroutine<void> ticker() {
    try {
        while (true) {
            co_await sleep(0.75);
            print(format("tick at t=%.2f", virtual_time()));
        }
    } catch (const CancelledError&) {
        print(format("ticker cancelled at t=%.2f", virtual_time()));
        throw;
    }
}

Coroutine<void> uncaught_exception_amain() {
    create_task(ticker());
    Task<int> good = create_task(parse("42"));
    Task<int> bad = create_task(parse("abc"));
    int g = co_await good;
    print(format("good -> %d", g));
    co_await sleep(1);
    print("now awaiting the bad one");
    int b = co_await bad;
    print(format("bad -> %d", b));
}

// --- until_producer ------------------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 12, "队列" (the endless customer generator)
Coroutine<void> producer(std::vector<int>* items) {
    int n = 0;
    while (true) {
        co_await sleep(1.5);
        n += 1;
        items->push_back(n);
        print(format("produced item %d at t=%.1f", n, virtual_time()));
    }
}

Coroutine<void> consumer(std::vector<int>* items) {
    while (true) {
        co_await sleep(4);
        print(format("consumed %zu items at t=%.1f", items->size(), virtual_time()));
        items->clear();
    }
}

Coroutine<void> until_producer_amain() {
    std::vector<int> items;
    co_await gather(producer(&items), consumer(&items));
}

}  // namespace

LOOPLAB_SCENARIO(deadlock_future, "004: awaiting a future nobody sets ends in a deadlock report (exit 3)") {
    run(deadlock_future_amain());
}

LOOPLAB_SCENARIO(uncaught_exception, "004: an exception raised at `await task` ends the program (exit 1)") {
    run(uncaught_exception_amain());
}

LOOPLAB_SCENARIO(until_producer, "002: an endless producer stopped by --until 10") {
    run(until_producer_amain());
}
