#pragma once
// asyncio.wait_for (CPython 3.11 Lib/asyncio/tasks.py: wait_for, _cancel_and_wait).
//
//     int v = co_await wait_for(fetch(), 5.0);          // a coroutine: wrapped in a task
//     int w = co_await wait_for(Future<int>(task), 5.0); // a future/task: awaited as is
//
// 3.11 semantics, line by line: a coroutine becomes a task (one Task-N) unless timeout is
// None; on timeout the inner future is cancelled and wait_for waits until it has finished
// cancelling, then raises TimeoutError — unless the inner future did not end cancelled (a
// task that swallowed the CancelledError), in which case its result (or exception) is
// returned. Cancelling wait_for cancels the inner future too and waits for it.
#include <optional>

#include "looplab/event_loop.hpp"

namespace looplab {

namespace detail {

// ensure_future(fut), done by wait_for at the moment CPython does it: `future` when the
// awaitable already is one, else a task started from the coroutine at `arg`.
struct EnsureFuture {
    Ref<FutureBase> (*start)(void* arg) = nullptr;
    void* arg = nullptr;
    Ref<FutureBase> future;
    Ref<FutureBase> operator()() const { return future ? future : start(arg); }
};

template <class T>
Ref<FutureBase> start_coroutine(void* coro) {
    return create_task(std::move(*static_cast<Coroutine<T>*>(coro))).ref();
}

// wait_for's body for a timeout that is not None. Returns when wait_for should
// `return fut.result()` (fut is set to the inner future); raises TimeoutError, or the
// CancelledError that cancelled wait_for itself.
Coroutine<void> wait_for_core(EnsureFuture ensure, double timeout, Ref<FutureBase>& fut);

// _cancel_and_wait(fut, loop): cancel fut and wait until it is done, through a waiter of
// our own so that this wait is reliably cancellable.
Coroutine<void> cancel_and_wait(Ref<FutureBase> fut, EventLoop& loop);

template <class T>
T result_of(const Ref<FutureBase>& fut) {
    if constexpr (std::is_void_v<T>) Future<void>(fut).result();
    else return Future<T>(fut).result();
}

}  // namespace detail

template <class T>
Coroutine<T> wait_for(Coroutine<T> coro, std::optional<double> timeout) {
    get_running_loop();  // `loop = events.get_running_loop()` raises outside a loop
    if (!timeout) {
        // `return await fut`: the coroutine runs inline, no task.
        if constexpr (std::is_void_v<T>) {
            co_await std::move(coro);
            co_return;
        } else {
            T v = co_await std::move(coro);
            co_return v;
        }
    }
    Ref<FutureBase> fut;
    // (A local, not a temporary: GCC 12 destroys brace-initialized temporaries of a
    // co_await expression twice.)
    detail::EnsureFuture ensure{&detail::start_coroutine<T>, &coro, nullptr};
    co_await detail::wait_for_core(ensure, *timeout, fut);
    co_return detail::result_of<T>(fut);
}

template <class T>
Coroutine<T> wait_for(Future<T> future, std::optional<double> timeout) {
    get_running_loop();
    if (!timeout) {
        if constexpr (std::is_void_v<T>) {
            co_await future;
            co_return;
        } else {
            T v = co_await future;
            co_return v;
        }
    }
    Ref<FutureBase> fut;
    detail::EnsureFuture ensure{nullptr, nullptr, future.ref()};
    co_await detail::wait_for_core(ensure, *timeout, fut);
    co_return detail::result_of<T>(fut);
}

}  // namespace looplab
