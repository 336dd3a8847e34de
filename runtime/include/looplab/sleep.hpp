#pragma once
// asyncio.sleep (CPython Lib/asyncio/tasks.py: sleep, __sleep0).
#include <concepts>

#include "looplab/coroutine.hpp"
#include "looplab/future.hpp"
#include "looplab/handle.hpp"

namespace looplab {

// `co_await sleep(d)`: a future resolved by a timer d seconds later (call_later), the timer
// cancelled on the way out. sleep(0) (or less) is a bare yield: no future, no timer, the
// task simply steps again on the next loop iteration.
class SleepAwaiter {
public:
    explicit SleepAwaiter(double delay) noexcept : delay_(delay) {}
    bool await_ready() const noexcept { return false; }
    template <class P>
    void await_suspend(std::coroutine_handle<P> h) {
        if (delay_ <= 0) {
            StepChannel::current().yield_bare(h);
            return;
        }
        start_timer();
        StepChannel::current().yield_future(fut_.get(), h);
    }
    // Inline: sleep(0) resumes through here on every task switch, and then has nothing to do.
    void await_resume() {
        if (timer_ || fut_ || StepChannel::current().throw_in) finish();
    }

private:
    void start_timer();
    void finish();
    double delay_;
    Ref<FutureBase> fut_;
    Ref<TimerHandle> timer_;
};

inline SleepAwaiter sleep(double delay) noexcept { return SleepAwaiter(delay); }
// sleep(1) under `using namespace looplab` must not pick POSIX ::sleep(unsigned).
template <std::integral I>
SleepAwaiter sleep(I delay) noexcept {
    return SleepAwaiter(double(delay));
}

// futures._set_result_unless_cancelled as a Callback: a = the future.
void set_result_unless_cancelled(RefCounted* fut, RefCounted*);

}  // namespace looplab
