#pragma once
// asyncio.Condition (CPython Lib/asyncio/locks.py: Condition, 3.11).
#include <functional>
#include <memory>
#include <string>

#include "looplab/coroutine.hpp"
#include "looplab/lock.hpp"

namespace looplab {

class Condition final : public detail::PrimitiveBase {
public:
    // Condition(): over a new Lock of its own.
    Condition();
    // Condition(lock): over `lock`, which must outlive the condition.
    explicit Condition(Lock& lock);
    ~Condition();

    // The lock's locked(), acquire() and release(), exported as Condition.__init__ does.
    bool locked() const noexcept { return lock_->locked(); }
    Lock::AcquireAwaiter acquire() noexcept { return lock_->acquire(); }
    void release() { lock_->release(); }
    // `auto guard = co_await cond.scoped();` — `async with cond:`.
    detail::ScopedAcquire<Condition, Lock::AcquireAwaiter> scoped() noexcept { return {this, lock_->acquire()}; }
    Lock& lock() const noexcept { return *lock_; }

    // Condition.wait(): release the lock, wait for notify(), re-acquire the lock — even when
    // cancelled (the CancelledError is raised once the lock is held again).
    // RuntimeError('cannot wait on un-acquired lock') when the lock is not held.
    Coroutine<bool> wait();
    // Condition.wait_for(predicate): wait() until predicate() is true; returns its last value.
    Coroutine<bool> wait_for(std::function<bool()> predicate);
    // Condition.notify(n=1): wake up to n waiters that are not already woken.
    // RuntimeError('cannot notify on un-acquired lock') when the lock is not held.
    void notify(size_t n = 1);
    // Condition.notify_all()
    void notify_all();

    size_t waiter_count() const noexcept { return waiters_.size(); }
    std::string repr() const override;
    // "Condition".
    std::string describe_wait(const FutureBase& waiter) const override;

private:
    std::unique_ptr<Lock> own_lock_;
    Lock* lock_;
    detail::Waiters waiters_;
};

}  // namespace looplab
