// A C++ primitive can be destroyed while a task still waits on it (in Python the waiter would
// keep it alive). The waiting task must get a clear error — never touch freed memory.
#include <catch2/catch.hpp>

#include "looplab/condition.hpp"
#include "looplab/event.hpp"
#include "looplab/lock.hpp"
#include "looplab/runners.hpp"
#include "looplab/semaphore.hpp"
#include "looplab/sleep.hpp"
#include "test_support.hpp"

using namespace looplab;
using looplab::testing::Run;

namespace {

Coroutine<void> lock_waiter(Lock* l) { co_await l->acquire(); }
Coroutine<void> semaphore_waiter(Semaphore* s) { co_await s->acquire(); }
Coroutine<void> event_waiter(Event* e) { co_await e->wait(); }
Coroutine<void> condition_waiter(Condition* c) {
    co_await c->acquire();
    co_await c->wait();
}

// Owns the primitive in its frame; returns (destroying it) while `waiter` still waits on it.
template <class P, Coroutine<void> (*Waiter)(P*)>
Coroutine<void> owner(Task<void>* out) {
    P primitive;
    if constexpr (std::is_same_v<P, Lock>) co_await primitive.acquire();
    if constexpr (std::is_same_v<P, Semaphore>) co_await primitive.acquire();
    *out = create_task(Waiter(&primitive));
    co_await sleep(1);
}

template <class P, Coroutine<void> (*Waiter)(P*)>
Coroutine<std::string> destroy_then(bool cancel) {
    Task<void> w;
    co_await owner<P, Waiter>(&w);
    if (cancel) w.cancel();
    else get_running_loop().call_soon([] {});
    try {
        if (!cancel) {
            // Nobody can wake it any more: time it out via a sibling that cancels it later.
            co_await sleep(1);
            w.cancel("late");
        }
        co_await w;
    } catch (const CancelledError& e) {
        co_return "cancelled " + e.repr();
    } catch (const RuntimeError& e) {
        co_return "RuntimeError " + e.message();
    }
    co_return "no error";
}

// The Event is set (its waiter is woken) and destroyed before the waiter's task runs again.
Coroutine<void> set_and_destroy(Task<void>* out) {
    Event ev;
    *out = create_task(event_waiter(&ev));
    co_await sleep(0);  // the waiter blocks on ev
    ev.set();
}
Coroutine<std::string> woken_then_destroyed() {
    Task<void> w;
    co_await set_and_destroy(&w);
    try {
        co_await w;
    } catch (const RuntimeError& e) {
        co_return "RuntimeError " + e.message();
    }
    co_return "no error";
}

}  // namespace

TEST_CASE("a waiter woken just before its primitive is destroyed gets a clear error") {
    Run run;
    CHECK(looplab::run(woken_then_destroyed()) == "RuntimeError the Event was destroyed while a task waited on it");
}

TEST_CASE("a task waiting on a destroyed primitive is cancelled cleanly") {
    Run run;
    CHECK(looplab::run(destroy_then<Lock, lock_waiter>(true)) == "cancelled CancelledError()");
    CHECK(looplab::run(destroy_then<Semaphore, semaphore_waiter>(true)) == "cancelled CancelledError()");
    CHECK(looplab::run(destroy_then<Event, event_waiter>(true)) == "cancelled CancelledError()");
    CHECK(looplab::run(destroy_then<Condition, condition_waiter>(true)) == "cancelled CancelledError()");
}

TEST_CASE("a late cancel of a task whose primitive is gone keeps its message") {
    Run run;
    CHECK(looplab::run(destroy_then<Lock, lock_waiter>(false)) == "cancelled CancelledError('late')");
    CHECK(looplab::run(destroy_then<Event, event_waiter>(false)) == "cancelled CancelledError('late')");
}
