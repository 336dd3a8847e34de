#pragma once
// Coroutine<T>: the C++ spelling of `async def` (a lazy coroutine, like cppcoro::task<T>).
//
// `co_await child()` runs the child at once, exactly as Python's `await coro()` is a nested
// call that costs no loop iteration. The transfer goes through a trampoline in the Task's
// step (StepChannel::next) rather than symmetric transfer, because GCC does not turn
// symmetric transfer into a tail call at -O0: long await chains would grow the stack.
// When the innermost coroutine awaits a future (or sleep(0)'s bare yield), the whole chain
// suspends and the Task reads from the StepChannel what was yielded — CPython's
// `result = coro.send(None)`.
#include <coroutine>
#include <cstdint>
#include <exception>
#include <optional>
#include <utility>

#include "looplab/small_objects.hpp"

namespace looplab {

class FutureBase;

// What a suspended chain tells its Task, and what the Task sends back in (coro.send/throw).
// Everything here lives only for the duration of one task step, and steps never nest (a
// step cannot run another task's step), so one channel per OS thread serves every task:
// a pending task then carries only its resume point (TaskBase::resume_point_), and neither
// coroutine frames nor awaiters store a pointer to it. It is trivially destructible and
// constant-initialized, so StepChannel::current() is a plain thread-local access.
class StepChannel {
public:
    static StepChannel& current() noexcept;

    // The awaiter the chain is suspended in (resumed by the next step).
    std::coroutine_handle<> resume_point;
    // Trampoline: the coroutine to resume next within this step (a child starting, or a
    // parent continuing after its child finished).
    std::coroutine_handle<> next;
    // Set by the awaiter that suspended: the future to wait for, or bare_yield_marker() for sleep(0);
    // null while the chain has not suspended. One word, so a task switch clears and tests
    // one field.
    FutureBase* yielded = nullptr;
    // Set by the Task before resuming: the exception to raise at the suspension point (it
    // stays in the step's own exception_ptr, which outlives the resumption), or null.
    std::exception_ptr* throw_in = nullptr;

    // The `yielded` marker of a bare yield (never a real FutureBase address). A function,
    // not a constant: reinterpret_cast is not a constant expression.
    static FutureBase* bare_yield_marker() noexcept { return reinterpret_cast<FutureBase*>(uintptr_t(1)); }
    bool suspended() const noexcept { return yielded != nullptr; }
    bool bare_yield() const noexcept { return yielded == bare_yield_marker(); }
    // The future the chain suspended on, or null for a bare yield.
    FutureBase* yielded_future() const noexcept { return yielded == bare_yield_marker() ? nullptr : yielded; }

    void yield_future(FutureBase* f, std::coroutine_handle<> h) noexcept {
        yielded = f;
        resume_point = h;
    }
    void yield_bare(std::coroutine_handle<> h) noexcept {
        yielded = bare_yield_marker();
        resume_point = h;
    }
    // At the suspension point, after resuming: raise what the Task threw in.
    void rethrow_if_thrown() {
        if (throw_in) {
            std::exception_ptr e = std::move(*std::exchange(throw_in, nullptr));
            std::rethrow_exception(std::move(e));
        }
    }
};

namespace detail {
inline constinit thread_local StepChannel current_step_channel;
}
inline StepChannel& StepChannel::current() noexcept { return detail::current_step_channel; }

namespace detail {

// The exception a finished coroutine raised, between its unhandled_exception() and the one
// that takes it: the awaiting coroutine's await_resume (the trampoline resumes it next) or
// the Task (or the interpreter) that drove it, right after the resumption loop. Nothing
// else runs in between, so one slot per OS thread serves every coroutine, and a promise
// needs no exception_ptr of its own.
std::exception_ptr& in_flight_error() noexcept;

// Coroutine frames come from the small-object allocator: the promise type's operator
// new/delete allocate the whole frame (GCC passes its size to both).
struct PromiseBase : SmallObject {
    // The coroutine awaiting this one (if any) and, in bit 0, whether this one raised (its
    // exception then waits in in_flight_error()). One word: every suspended coroutine frame
    // holds a promise, and a pending task's size is a benchmark target.
    uintptr_t continuation_and_raised = 0;

    void set_continuation(std::coroutine_handle<> h) noexcept { continuation_and_raised = uintptr_t(h.address()); }
    std::coroutine_handle<> continuation() const noexcept {
        return std::coroutine_handle<>::from_address(reinterpret_cast<void*>(continuation_and_raised & ~uintptr_t(1)));
    }
    bool raised() const noexcept { return continuation_and_raised & 1; }
    // The exception the finished coroutine raised, taken (null if it returned).
    std::exception_ptr take_error() noexcept {
        if (!raised()) return nullptr;
        continuation_and_raised &= ~uintptr_t(1);
        return std::exchange(in_flight_error(), nullptr);
    }

    std::suspend_always initial_suspend() noexcept { return {}; }
    struct FinalAwaiter {
        bool await_ready() noexcept { return false; }
        template <class P>
        void await_suspend(std::coroutine_handle<P> h) noexcept {
            auto& p = h.promise();
            if (auto c = p.continuation()) StepChannel::current().next = c;
        }
        void await_resume() noexcept {}
    };
    FinalAwaiter final_suspend() noexcept { return {}; }
    void unhandled_exception() noexcept {
        in_flight_error() = std::current_exception();
        continuation_and_raised |= 1;
    }
};

template <class T>
struct Promise;

}  // namespace detail

template <class T = void>
class [[nodiscard]] Coroutine {
public:
    using promise_type = detail::Promise<T>;
    using Handle = std::coroutine_handle<promise_type>;

    Coroutine() noexcept = default;
    explicit Coroutine(Handle h) noexcept : h_(h) {}
    Coroutine(Coroutine&& o) noexcept : h_(std::exchange(o.h_, {})) {}
    Coroutine& operator=(Coroutine&& o) noexcept {
        if (this != &o) {
            destroy();
            h_ = std::exchange(o.h_, {});
        }
        return *this;
    }
    ~Coroutine() { destroy(); }

    Handle handle() const noexcept { return h_; }
    Handle release() noexcept { return std::exchange(h_, {}); }
    explicit operator bool() const noexcept { return bool(h_); }

    // `co_await coro`: run it now (via the trampoline), take its result or exception.
    struct Awaiter {
        Handle h;
        bool await_ready() const noexcept { return false; }
        template <class P>
        void await_suspend(std::coroutine_handle<P> caller) noexcept {
            h.promise().set_continuation(caller);
            StepChannel::current().next = h;
        }
        T await_resume() {
            auto& p = h.promise();
            if (p.raised()) std::rethrow_exception(p.take_error());
            if constexpr (!std::is_void_v<T>) return std::move(*p.value);
        }
    };
    Awaiter operator co_await() && noexcept { return Awaiter{h_}; }

private:
    void destroy() noexcept {
        if (h_) h_.destroy();
        h_ = {};
    }
    Handle h_;
};

namespace detail {

template <class T>
struct Promise : PromiseBase {
    std::optional<T> value;
    Coroutine<T> get_return_object() noexcept { return Coroutine<T>(Coroutine<T>::Handle::from_promise(*this)); }
    template <class U = T>
    void return_value(U&& v) {
        value.emplace(std::forward<U>(v));
    }
};

template <>
struct Promise<void> : PromiseBase {
    Coroutine<void> get_return_object() noexcept;
    void return_void() noexcept {}
};

inline Coroutine<void> Promise<void>::get_return_object() noexcept {
    return Coroutine<void>(Coroutine<void>::Handle::from_promise(*this));
}

}  // namespace detail

// A bare `yield` (asyncio.sleep(0)'s __sleep0): the task steps again on the next iteration.
struct BareYield {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) noexcept { StepChannel::current().yield_bare(h); }
    void await_resume() { StepChannel::current().rethrow_if_thrown(); }
};

}  // namespace looplab
