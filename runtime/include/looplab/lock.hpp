#pragma once
// asyncio.Lock (CPython Lib/asyncio/locks.py: Lock). What every primitive shares is in
// primitive.hpp. Acquire is an awaiter: the uncontended fast path allocates nothing and
// never suspends.
#include "looplab/primitive.hpp"

namespace looplab {

class Lock final : public detail::PrimitiveBase {
public:
    static constexpr const char* kTypeName = "Lock";

private:
    // Declared first: the awaiter below names them.
    bool try_acquire_or_enqueue(Ref<FutureBase>& fut);
    void finish_wait(StepChannel& channel, FutureBase& fut);

public:
    Lock();
    ~Lock();

    // Lock.locked()
    bool locked() const noexcept { return locked_; }

    // `co_await lock.acquire()` (Lock.acquire): true once the lock is ours.
    using AcquireAwaiter = detail::WaiterAwaiter<Lock, &Lock::try_acquire_or_enqueue, &Lock::finish_wait>;
    AcquireAwaiter acquire() noexcept { return AcquireAwaiter(*this); }

    // Lock.release(): RuntimeError('Lock is not acquired.') when unlocked.
    void release();

    // `auto guard = co_await lock.scoped();` — `async with lock:`.
    detail::ScopedAcquire<Lock, AcquireAwaiter> scoped() noexcept { return {this, acquire()}; }

    // The task that acquired the lock (what tools/cpython_runner.py records), or null when
    // unlocked or acquired outside a task.
    TaskBase* holder() const noexcept { return holder_.get(); }
    size_t waiter_count() const noexcept { return waiters_.size(); }

    std::string repr() const override;
    // "Lock held by Task-N" / "Lock held by nobody".
    std::string describe_wait(const FutureBase& waiter) const override;

private:
    void take(PrimitiveOp op);
    void wake_up_first();

    bool locked_ = false;
    detail::Waiters waiters_;
    Ref<TaskBase> holder_;
};

}  // namespace looplab
