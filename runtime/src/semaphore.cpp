// Mirrors CPython Lib/asyncio/locks.py (Semaphore, BoundedSemaphore) as of 3.11.2.
#include "looplab/semaphore.hpp"

namespace looplab {

Semaphore::Semaphore(int64_t value) : Semaphore(value, "Semaphore") {}

Semaphore::Semaphore(int64_t value, const char* kind) : PrimitiveBase(kind), value_(value), kind_(kind) {
    if (value < 0) throw ValueError("Semaphore initial value must be >= 0");
}

Semaphore::~Semaphore() { waiters_.detach_targets(); }

bool Semaphore::locked() const noexcept {
    // `self._value == 0 or any(not w.cancelled() for w in (self._waiters or ()))`
    if (value_ == 0) return true;
    if (waiters_.empty()) return false;
    for (auto& w : waiters_.items())
        if (!w->cancelled()) return true;
    return false;
}

bool Semaphore::try_acquire_or_enqueue(Ref<FutureBase>& fut) {
    if (!locked()) {
        --value_;
        emit_op(PrimitiveOp::semaphore_acquire, uint64_t(value_));
        return true;
    }
    fut = new_waiter(FutureLabel::semaphore_acquire);
    waiters_.push_back(fut);
    emit_op(PrimitiveOp::semaphore_wait, uint64_t(value_));
    return false;
}

void Semaphore::finish_wait(StepChannel& channel, FutureBase& fut) {
    // try: try: await fut / finally: self._waiters.remove(fut)
    // except CancelledError:
    //     if not fut.cancelled(): self._value += 1; self._wake_up_next()
    //     raise
    try {
        channel.rethrow_if_thrown();
        fut.check_result();
    } catch (const CancelledError&) {
        waiters_.remove(&fut);
        if (!fut.cancelled()) {
            // Woken (the unit was handed to us by _wake_up_next) but cancelled before we
            // ran: give the unit back and pass it on.
            ++value_;
            wake_up_next();
        }
        throw;
    } catch (...) {
        waiters_.remove(&fut);
        throw;
    }
    waiters_.remove(&fut);
    // `if self._value > 0: self._wake_up_next()`: releases that came while we were queued.
    if (value_ > 0) wake_up_next();
    emit_op(PrimitiveOp::semaphore_acquired, uint64_t(value_));
}

void Semaphore::release() {
    ++value_;
    wake_up_next();
    emit_op(PrimitiveOp::semaphore_release, uint64_t(value_));
}

void Semaphore::wake_up_next() {
    // The first waiter that is not done gets the unit now (value - 1) and its future a result.
    if (waiters_.empty()) return;
    for (auto& fut : waiters_.items()) {
        if (!fut->done()) {
            --value_;
            static_cast<FutureImpl<bool>&>(*fut).set_result(true);
            return;
        }
    }
}

std::string Semaphore::repr() const {
    std::string extra = locked() ? "locked" : "unlocked, value:" + std::to_string(value_);
    if (!waiters_.empty()) extra += ", waiters:" + std::to_string(waiters_.size());
    return repr_head(kind_) + " [" + extra + "]>";
}

std::string Semaphore::describe_wait(const FutureBase&) const {
    return std::string(kind_) + " (value " + std::to_string(value_) + ")";
}

// --- BoundedSemaphore ------------------------------------------------------------------------------

BoundedSemaphore::BoundedSemaphore(int64_t value) : Semaphore(value, "BoundedSemaphore"), bound_value_(value) {}

void BoundedSemaphore::release() {
    if (value() >= bound_value_) throw ValueError("BoundedSemaphore released too many times");
    Semaphore::release();
}

}  // namespace looplab
