#pragma once
// asyncio.shield (CPython Lib/asyncio/tasks.py: shield).
//
//     int v = co_await shield(task);     // cancelling us cancels only the outer future
//
// The outer future mirrors the inner one; cancelling the outer leaves the inner running.
// An inner future that is already done is returned as is (CPython's shortcut).
#include "looplab/event_loop.hpp"

namespace looplab {

namespace detail {
// Copies inner's result into outer (`outer.set_result(inner.result())`).
using CopyResult = void (*)(FutureBase& inner, FutureBase& outer);

template <class T>
void copy_result(FutureBase& inner, FutureBase& outer) {
    if constexpr (std::is_void_v<T>) static_cast<FutureImpl<void>&>(outer).set_result();
    else static_cast<FutureImpl<T>&>(outer).set_result(*static_cast<const T*>(inner.value_ptr()));
}

// shield() on an inner future that is already a future; `outer` is a fresh FutureImpl<T>.
Ref<FutureBase> shield_future(Ref<FutureBase> inner, Ref<FutureBase> (*make_outer)(EventLoop&), CopyResult copy);

template <class T>
Ref<FutureBase> make_outer(EventLoop& loop) {
    return loop.create_future<T>().ref();
}
}  // namespace detail

template <class T>
Future<T> shield(Future<T> inner) {
    return Future<T>(detail::shield_future(inner.ref(), &detail::make_outer<T>, &detail::copy_result<T>));
}

// shield(coro): `inner = _ensure_future(arg)` makes the coroutine a task first.
template <class T>
Future<T> shield(Coroutine<T> coro) {
    return shield(Future<T>(create_task(std::move(coro))));
}

}  // namespace looplab
