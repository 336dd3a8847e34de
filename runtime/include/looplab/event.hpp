#pragma once
// asyncio.Event (CPython Lib/asyncio/locks.py: Event).
#include <coroutine>
#include <string>

#include "looplab/lock.hpp"

namespace looplab {

class Event final : public detail::PrimitiveBase {
public:
    static constexpr const char* kTypeName = "Event";

private:
    // Declared first: the awaiter below names them.
    bool check_or_enqueue(Ref<FutureBase>& fut);
    void finish_wait(StepChannel& channel, FutureBase& fut);

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
    using WaitAwaiter = detail::WaiterAwaiter<Event, &Event::check_or_enqueue, &Event::finish_wait>;
    WaitAwaiter wait() noexcept { return WaitAwaiter(*this); }

    size_t waiter_count() const noexcept { return waiters_.size(); }
    std::string repr() const override;
    // "Event".
    std::string describe_wait(const FutureBase& waiter) const override;

private:

    bool value_ = false;
    detail::Waiters waiters_;
};

}  // namespace looplab
