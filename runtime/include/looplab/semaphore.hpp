#pragma once
// asyncio.Semaphore and asyncio.BoundedSemaphore (CPython Lib/asyncio/locks.py, 3.11.2:
// the version with _wake_up_next and the fairness fix in acquire()).
#include <coroutine>
#include <cstdint>
#include <string>

#include "looplab/lock.hpp"

namespace looplab {

class Semaphore : public detail::PrimitiveBase {
public:
    static constexpr const char* kTypeName = "Semaphore";

private:
    // Declared first: the awaiter below names them.
    bool try_acquire_or_enqueue(Ref<FutureBase>& fut);
    void finish_wait(StepChannel& channel, FutureBase& fut);

public:
    // Semaphore(value=1): ValueError('Semaphore initial value must be >= 0') when negative.
    explicit Semaphore(int64_t value = 1);
    // Virtual: the interpreter owns a BoundedSemaphore through a Semaphore pointer.
    virtual ~Semaphore();

    // Semaphore.locked(): cannot be acquired immediately — the value is 0, or a waiter that
    // is not cancelled is queued (it goes first, even if the value is positive).
    bool locked() const noexcept;
    // The counter (Semaphore._value).
    int64_t value() const noexcept { return value_; }

    // `co_await sem.acquire()` (Semaphore.acquire): true once a unit is ours.
    using AcquireAwaiter = detail::WaiterAwaiter<Semaphore, &Semaphore::try_acquire_or_enqueue, &Semaphore::finish_wait>;
    AcquireAwaiter acquire() noexcept { return AcquireAwaiter(*this); }

    // Semaphore.release(): value + 1, and the first waiter not yet woken is woken.
    // Virtual: BoundedSemaphore checks its bound first, also through a Semaphore&.
    virtual void release();

    // `auto guard = co_await sem.scoped();` — `async with sem:`.
    detail::ScopedAcquire<Semaphore, AcquireAwaiter> scoped() noexcept { return {this, acquire()}; }

    size_t waiter_count() const noexcept { return waiters_.size(); }
    std::string repr() const override;
    // "Semaphore (value V)" / "BoundedSemaphore (value V)".
    std::string describe_wait(const FutureBase& waiter) const override;

protected:
    Semaphore(int64_t value, const char* kind);

private:
    void wake_up_next();

    int64_t value_;
    const char* kind_;  // Python class name: repr, deadlock text
    detail::Waiters waiters_;
};

class BoundedSemaphore final : public Semaphore {
public:
    explicit BoundedSemaphore(int64_t value = 1);
    // ValueError('BoundedSemaphore released too many times') above the initial value.
    void release() override;

private:
    int64_t bound_value_;
};

}  // namespace looplab
