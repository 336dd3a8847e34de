// Mirrors CPython Lib/asyncio/locks.py (Condition, 3.11).
#include "looplab/condition.hpp"

namespace looplab {

Condition::Condition() : PrimitiveBase("Condition"), own_lock_(std::make_unique<Lock>()), lock_(own_lock_.get()) {}

Condition::Condition(Lock& lock) : PrimitiveBase("Condition"), lock_(&lock) {}

Condition::~Condition() { waiters_.detach_targets(); }

Coroutine<bool> Condition::wait() {
    if (!locked()) throw RuntimeError("cannot wait on un-acquired lock");

    // A C++ Condition (and the Lock it owns) can be destroyed while this coroutine waits in
    // it: every resumption checks before touching `this` again.
    Ref<detail::PrimitiveAnchor> anchor = this->anchor();
    auto gone = [&anchor]() { return !anchor->alive; };
    static const char* kGone = "the Condition was destroyed while a task waited on it";

    release();
    std::exception_ptr error;  // what the outer try block raised, for after the finally
    try {
        // Inside the try, as in CPython: even a loop-binding error re-acquires the lock.
        Ref<FutureBase> fut = new_waiter(FutureLabel::condition_wait);
        waiters_.push_back(fut);
        emit_op(PrimitiveOp::condition_wait);
        std::exception_ptr inner;
        Future<bool> waiter(fut);
        try {
            co_await waiter;
        } catch (...) {
            inner = std::current_exception();
        }
        if (gone()) {
            if (inner) std::rethrow_exception(inner);
            throw RuntimeError(kGone);
        }
        // finally: self._waiters.remove(fut)
        waiters_.remove(fut.get());
        if (inner) std::rethrow_exception(inner);
    } catch (...) {
        error = std::current_exception();
    }

    // finally: must reacquire lock even if wait is cancelled.
    bool cancelled = false;
    while (true) {
        if (gone()) {
            if (error) std::rethrow_exception(error);
            throw RuntimeError(kGone);
        }
        try {
            co_await lock_->acquire();
            break;
        } catch (const CancelledError&) {
            cancelled = true;
        }
    }
    // `raise exceptions.CancelledError` replaces whatever the try block raised.
    if (cancelled) throw CancelledError();
    if (error) std::rethrow_exception(error);
    co_return true;
}

Coroutine<bool> Condition::wait_for(std::function<bool()> predicate) {
    bool result = predicate();
    while (!result) {
        co_await wait();
        result = predicate();
    }
    co_return result;
}

void Condition::notify(size_t n) {
    if (!locked()) throw RuntimeError("cannot notify on un-acquired lock");
    size_t idx = 0;
    if (!waiters_.empty()) {
        for (auto& fut : waiters_.items()) {
            if (idx >= n) break;
            // Waiters woken earlier (and not yet running) do not count.
            if (!fut->done()) {
                ++idx;
                static_cast<FutureImpl<bool>&>(*fut).set_result(false);
            }
        }
    }
    emit_op(PrimitiveOp::condition_notify, idx);
}

void Condition::notify_all() { notify(waiters_.size()); }

std::string Condition::repr() const {
    std::string extra = locked() ? "locked" : "unlocked";
    if (!waiters_.empty()) extra += ", waiters:" + std::to_string(waiters_.size());
    return repr_head("Condition") + " [" + extra + "]>";
}

std::string Condition::describe_wait(const FutureBase&) const { return "Condition"; }

}  // namespace looplab
