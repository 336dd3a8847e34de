#pragma once
// asyncio.timeout / timeout_at (CPython 3.11 Lib/asyncio/timeouts.py: Timeout).
//
// `async with asyncio.timeout(2):` in C++, either with an explicit pair
//
//     Timeout cm = timeout(2);
//     cm.enter();                                   // __aenter__ (never suspends)
//     std::exception_ptr exc;
//     try {
//         co_await long_running();
//     } catch (...) {
//         exc = std::current_exception();
//     }
//     cm.exit(exc);     // TimeoutError if it expired and cancelled us, else re-raises exc
//
// or with a body function: `co_await with_timeout(timeout(2), body, args...)`, where
// body(Timeout&, args...) returns a Coroutine<void>.
//
// On expiry the task is cancelled (Task.cancel); at exit the CancelledError becomes
// TimeoutError when task.uncancel() leaves no other cancellation request pending.
#include <optional>
#include <string>

#include "looplab/event_loop.hpp"

namespace looplab {

namespace detail {
enum class TimeoutState { created, entered, expiring, expired, exited };

struct TimeoutData final : RefCounted {
    TimeoutState state = TimeoutState::created;
    Ref<Handle> timeout_handler;
    Ref<TaskBase> task;
    std::optional<double> when;

    static void on_timeout(RefCounted* self, RefCounted*);  // _on_timeout
};
}  // namespace detail

class Timeout {
public:
    explicit Timeout(std::optional<double> when);

    // The deadline (loop time), or none.
    std::optional<double> when() const { return d_->when; }
    // Move the deadline (only while entered); none disables it.
    void reschedule(std::optional<double> when);
    // Is the timeout expired during execution?
    bool expired() const;
    // `<Timeout [active] when=12.5>`
    std::string repr() const;

    // __aenter__: binds the current task and schedules the deadline.
    void enter();
    // __aexit__(type(exc), exc, tb) and then what `async with` does when __aexit__ returns
    // None: re-raise exc. Raises TimeoutError when the deadline cancelled the block.
    void exit(std::exception_ptr exc = nullptr);

private:
    Ref<detail::TimeoutData> d_;
};

// asyncio.timeout(delay): deadline loop.time() + delay; none: no deadline.
Timeout timeout(std::optional<double> delay);
// asyncio.timeout_at(when): an absolute deadline in loop time.
Timeout timeout_at(std::optional<double> when);

// `async with cm: await body(cm, args...)`.
template <class F, class... Args>
Coroutine<void> with_timeout(Timeout cm, F body, Args... args) {
    cm.enter();
    std::exception_ptr exc;
    try {
        Coroutine<void> inner = body(cm, args...);
        co_await std::move(inner);
    } catch (...) {
        exc = std::current_exception();
    }
    cm.exit(exc);
}

}  // namespace looplab
