// Mirrors CPython 3.11 Lib/asyncio/tasks.py: wait_for(), _cancel_and_wait().
#include "looplab/wait_for.hpp"

#include "looplab/wait.hpp"

namespace looplab::detail {

namespace {
// Would `fut.result()` raise CancelledError? True for a cancelled future, and also for one
// finished with a CancelledError as its exception (a cancelled gather() ends that way).
// Like result(), this marks the exception retrieved.
bool result_is_cancelled_error(FutureBase& fut) { return is_cancelled_error(fut.result_exception()); }

// `raise exceptions.TimeoutError() from exc`, exc being what fut.result() raised.
TimeoutError timeout_from(FutureBase& fut) {
    TimeoutError e;
    e.cause = fut.result_exception();
    return e;
}

// `finally: timeout_handle.cancel()`, also when the coroutine is closed mid-wait.
struct CancelHandleOnExit {
    Ref<TimerHandle> handle;
    ~CancelHandleOnExit() { handle->cancel(); }
};
}  // namespace

Coroutine<void> cancel_and_wait(Ref<FutureBase> fut, EventLoop& loop) {
    Ref<FutureBase> waiter(new FutureImpl<void>(loop));
    const DoneCallback cb{&release_waiter_done, waiter.get()};  // functools.partial(_release_waiter, waiter)
    fut->add_done_callback(cb);
    std::exception_ptr error;
    try {
        fut->cancel();
        // We cannot wait on *fut* directly to make sure _cancel_and_wait itself is
        // reliably cancellable.
        Future<void> w(waiter);
        co_await w;
    } catch (...) {
        error = std::current_exception();
    }
    // finally:
    fut->remove_done_callback(cb);
    if (error) std::rethrow_exception(error);
}

Coroutine<void> wait_for_core(EnsureFuture ensure, double timeout, Ref<FutureBase>& fut) {
    EventLoop& loop = get_running_loop();

    if (timeout <= 0) {
        fut = ensure();
        if (fut->done()) co_return;  // return fut.result()
        co_await cancel_and_wait(fut, loop);
        // try: return fut.result() / except CancelledError: raise TimeoutError() from exc
        if (result_is_cancelled_error(*fut)) throw timeout_from(*fut);
        co_return;
    }

    Ref<FutureBase> waiter(new FutureImpl<void>(loop));
    waiter->set_label(FutureLabel::wait_for);
    waiter->add_ref();  // the timer callback's reference
    CancelHandleOnExit timeout_handle{
        loop.call_at(loop.time() + timeout, Callback{&release_waiter, waiter.get(), nullptr}, waiter->id())};
    const DoneCallback cb{&release_waiter_done, waiter.get()};

    fut = ensure();
    fut->add_done_callback(cb);

    // wait until the future completes or the timeout
    std::exception_ptr cancelled;
    try {
        Future<void> w(waiter);
        co_await w;
    } catch (const CancelledError&) {
        cancelled = std::current_exception();
    }
    if (cancelled) {
        if (fut->done()) co_return;  // return fut.result()
        fut->remove_done_callback(cb);
        // We must ensure that the task is not running after wait_for() returns
        // (bpo-32751).
        co_await cancel_and_wait(fut, loop);
        std::rethrow_exception(cancelled);  // raise
    }

    if (fut->done()) co_return;  // return fut.result()
    fut->remove_done_callback(cb);
    co_await cancel_and_wait(fut, loop);
    // In case task cancellation failed with some exception, we should re-raise it
    // (bpo-40607): fut.result() gives it, or the result of a task that ignored the
    // cancellation; only a CancelledError becomes TimeoutError.
    if (result_is_cancelled_error(*fut)) throw timeout_from(*fut);
}

}  // namespace looplab::detail
