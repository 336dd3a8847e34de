// Mirrors CPython Lib/asyncio/locks.py (Lock).
#include "looplab/lock.hpp"

#include "looplab/event_loop.hpp"

namespace looplab {

// --- Lock ----------------------------------------------------------------------------------------

Lock::Lock() : PrimitiveBase("Lock") {}

Lock::~Lock() { waiters_.detach_targets(); }

bool Lock::try_acquire_or_enqueue(Ref<FutureBase>& fut) {
    // Lock.acquire's fast path: free, and nobody queued who could still take it.
    bool all_cancelled = true;
    if (!locked_ && !waiters_.empty()) {
        for (auto& w : waiters_.items()) all_cancelled = all_cancelled && w->cancelled();
    }
    if (!locked_ && all_cancelled) {
        take(PrimitiveOp::lock_acquire);
        return true;
    }
    // `fut = self._get_loop().create_future(); self._waiters.append(fut)`, then `await fut`.
    fut = new_waiter(FutureLabel::lock_acquire);
    waiters_.push_back(fut);
    emit_op(PrimitiveOp::lock_wait);
    return false;
}

void Lock::finish_wait(StepChannel& channel, FutureBase& fut) {
    // try: try: await fut / finally: self._waiters.remove(fut)
    // except CancelledError: if not self._locked: self._wake_up_first(); raise
    try {
        channel.rethrow_if_thrown();
        fut.check_result();
    } catch (const CancelledError&) {
        waiters_.remove(&fut);
        // The future may have been woken before the cancellation arrived: pass the lock on
        // rather than lose the wakeup.
        if (!locked_) wake_up_first();
        throw;
    } catch (...) {
        waiters_.remove(&fut);
        throw;
    }
    waiters_.remove(&fut);
    take(PrimitiveOp::lock_acquired);
}

void Lock::take(PrimitiveOp op) {
    locked_ = true;
    // tools/looplab_cpython/deadlock.py records the acquiring task for the deadlock report.
    holder_ = Ref<TaskBase>(running_task());
    emit_op(op);
}

void Lock::release() {
    if (!locked_) throw RuntimeError("Lock is not acquired.");
    locked_ = false;
    holder_ = nullptr;
    emit_op(PrimitiveOp::lock_release);
    wake_up_first();
}

void Lock::wake_up_first() {
    // Only the first waiter: if it is already done it will wake up later and either take
    // the lock or, cancelled, come back here to wake the next one.
    if (waiters_.empty()) return;
    FutureBase& fut = *waiters_.items().front();
    if (!fut.done()) static_cast<FutureImpl<bool>&>(fut).set_result(true);
}

std::string Lock::repr() const {
    std::string extra = locked_ ? "locked" : "unlocked";
    if (!waiters_.empty()) extra += ", waiters:" + std::to_string(waiters_.size());
    return repr_head("Lock") + " [" + extra + "]>";
}

std::string Lock::describe_wait(const FutureBase&) const {
    return "Lock held by " + (holder_ ? holder_->get_name() : std::string("nobody"));
}

}  // namespace looplab
