#pragma once
// asyncio.Event (CPython Lib/asyncio/locks.py: Event).
#include <coroutine>
#include <string>

#include "looplab/lock.hpp"

namespace looplab {

class Event final : public detail::PrimitiveBase {
public:
    Event();
    ~Event();

    // Event.is_set()
    bool is_set() const noexcept { return value_; }
    // Event.set(): wakes every waiter, in the order they started waiting.
    void set();
    // Event.clear()
    void clear();

    // `co_await event.wait()` (Event.wait): true at once when set, else after set().
    class [[nodiscard]] WaitAwaiter {
    public:
        explicit WaitAwaiter(Event& event) noexcept : event_(&event) {}
        bool await_ready() { return event_->check_or_enqueue(fut_); }
        template <class Promise>
        void await_suspend(std::coroutine_handle<Promise> h) noexcept {
            channel_ = h.promise().channel;
            channel_->yield_future(fut_.get(), h);
        }
        bool await_resume() {
            if (fut_) event_->finish_wait(*channel_, *fut_);
            return true;
        }

    private:
        Event* event_;
        Ref<FutureBase> fut_;
        StepChannel* channel_ = nullptr;
    };
    WaitAwaiter wait() noexcept { return WaitAwaiter(*this); }

    size_t waiter_count() const noexcept { return waiters_.size(); }
    std::string repr() const override;
    // "Event".
    std::string describe_wait(const FutureBase& waiter) const override;

private:
    bool check_or_enqueue(Ref<FutureBase>& fut);
    void finish_wait(StepChannel& channel, FutureBase& fut);

    bool value_ = false;
    detail::Waiters waiters_;
};

}  // namespace looplab
