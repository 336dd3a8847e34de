#pragma once
// Future (CPython Lib/asyncio/futures.py). FutureBase holds the state machine; the value
// lives in the typed subclasses so a Future<T> can carry any T, including the interpreter's
// Python values later. Future<T> (bottom) is the user-facing handle.
#include <coroutine>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "looplab/coroutine.hpp"
#include "looplab/exceptions.hpp"
#include "looplab/handle.hpp"
#include "looplab/ref.hpp"

namespace looplab {

class EventLoop;
class FutureBase;

// Something a task can wait for (a Lock, a Queue…): names itself for the deadlock report
// and the inspector, e.g. "Lock held by Task-3". Primitives register their waiter futures.
class WaitTarget {
public:
    virtual std::string describe_wait(const FutureBase& waiter) const = 0;

protected:
    ~WaitTarget() = default;
};

enum class FutureState : uint8_t { pending, cancelled, finished };

// What a future stands for, for reprs, the inspector, the trace and the deadlock report
// ("sleep", "Lock.acquire", "gather"…). One byte in every future (see label_name).
enum class FutureLabel : uint8_t {
    future,
    task,
    sleep,
    gather,
    wait,
    wait_for,
    shield,
    lock_acquire,
    semaphore_acquire,
    event_wait,
    condition_wait,
    queue_put,
    queue_get,
    queue_join,
};
inline constexpr unsigned kFutureLabelCount = 14;
// "Future", "Task", "sleep", "Lock.acquire"…
const char* label_name(FutureLabel label) noexcept;

// A done callback: `fn(ctx, future)`. The future holds one reference on ctx.
struct DoneCallback {
    void (*fn)(RefCounted* ctx, RefCounted* future) = nullptr;
    RefCounted* ctx = nullptr;
};

// Futures and tasks come from the small-object allocator (small_objects.hpp).
class FutureBase : public RefCounted, public SmallObject {
public:
    explicit FutureBase(EventLoop& loop);
    ~FutureBase() override;

    EventLoop& get_loop() const noexcept { return *loop_; }
    uint32_t id() const noexcept { return id_; }
    bool done() const noexcept { return state_ != FutureState::pending; }
    bool cancelled() const noexcept { return state_ == FutureState::cancelled; }
    FutureState state() const noexcept { return state_; }
    virtual bool is_task() const noexcept { return false; }
    // Python's hash(fut) (SPEC 4): a task's creation number; any other future gets the next
    // Runtime::next_future_hash() the first time it is hashed (set(fs) in wait(), gather's
    // arg_to_fut...), so sets of futures iterate as in CPython under the reference runner.
    uint64_t py_hash();

    // Future.cancel(msg): Task overrides it with Task.cancel semantics.
    virtual bool cancel(std::string_view msg = {});
    // Future.exception(): raises CancelledError when cancelled, InvalidStateError when pending.
    std::exception_ptr exception();
    virtual void set_exception(std::exception_ptr e);
    // The part of Future.result() shared by every T: raises what result() would raise.
    void check_result();
    // __wakeup's `future.result()` without the value: the exception it would raise, or null.
    std::exception_ptr result_exception();

    // add_done_callback for C++ users; returns an id for remove_done_callback. `description`
    // is how reprs name the callback (base_futures._format_callbacks), e.g. "cb() at x.py:3".
    uint64_t add_done_callback(std::function<void(FutureBase&)> fn, std::string description = {});
    // Removes every callback registered under that id; returns how many (like CPython).
    size_t remove_done_callback(uint64_t id);
    // Internal callbacks (task wakeups, gather...). Takes a reference on ctx.
    void add_done_callback(DoneCallback cb);
    size_t remove_done_callback(DoneCallback cb);
    // Drops every done callback unrun (loop teardown: breaks task <-> future cycles).
    void clear_done_callbacks() noexcept;

    // What the future stands for, for reprs and the inspector ("sleep", "Lock.acquire"…).
    const char* label() const noexcept { return label_name(label_); }
    FutureLabel label_id() const noexcept { return label_; }
    void set_label(FutureLabel label) noexcept { label_ = label; }

    // The primitive this future is a waiter of, if any (cleared by the primitive's destructor).
    // Never a task's: a task's storage for it holds the task's counters.
    const WaitTarget* wait_target() const noexcept { return label_ == FutureLabel::task ? nullptr : wait_target_; }
    void set_wait_target(const WaitTarget* t) noexcept {
        if (label_ != FutureLabel::task) wait_target_ = t;
    }

    // A pointer to the stored value (FINISHED only); typed handles cast it back.
    virtual const void* value_ptr() const noexcept = 0;

    // Python repr fragment: `<Future pending cb=[Task.task_wakeup()]>`,
    // `<Future finished result=7>` (futures.py __repr__ / base_futures._future_repr_info).
    virtual std::string repr() const;
    // reprlib.repr(result) for the repr, or empty when the value cannot be shown.
    virtual std::string result_repr() const { return {}; }
    // `cb=[...]` of the repr (empty without callbacks): CPython's names for each callback.
    std::string callbacks_repr() const;

protected:
    // Mark finished/cancelled and schedule the callbacks (__schedule_callbacks).
    void finish_with_result();
    void finish_with_exception(std::exception_ptr e);
    bool cancel_future(std::string_view msg);  // Future.cancel itself (Task's super().cancel())
    std::exception_ptr make_cancelled_error();
    void schedule_callbacks();
    void check_pending() const;

    // Fields most futures never use, allocated on first use: a pending task costs less
    // memory (SPEC/issue target: a few hundred bytes per pending task).
    struct Extras {
        std::exception_ptr cancelled_exc;  // the CancelledError a task's coroutine raised
        std::string cancel_message;
        std::string task_name;           // a task's own name (Task.set_name / name=)
        std::exception_ptr pending_exc;  // a task step scheduled with an exception
        std::exception_ptr exception;    // futures.py _exception (set_exception): rare
        // Done callbacks after the first (first_callback_): most futures have at most one.
        // Owned (deleted by ~FutureBase or when the callbacks are scheduled/cleared).
        std::vector<DoneCallback>* more_callbacks = nullptr;
    };
    Extras& extras() {
        if (!extras_) extras_ = std::make_unique<Extras>();
        return *extras_;
    }
    std::vector<DoneCallback>* more_callbacks() const noexcept { return extras_ ? extras_->more_callbacks : nullptr; }
    // The exception the future finished with (futures.py _exception), or null.
    std::exception_ptr stored_exception() const noexcept { return extras_ ? extras_->exception : nullptr; }
    bool has_exception() const noexcept { return extras_ && extras_->exception; }
    std::string_view cancel_message() const noexcept {
        return extras_ ? std::string_view(extras_->cancel_message) : std::string_view();
    }

    // Field order packs the object into 64 bytes (a pending task's size is a benchmark
    // target: ≤ 256 bytes for task, coroutine frame and waiter future together): id_ fills
    // RefCounted's tail padding, the one-byte fields share a word with py_hash_, and the
    // word a waiter future uses for its primitive holds a task's two counters instead.
    uint32_t id_;
    EventLoop* loop_;
    FutureState state_ = FutureState::pending;
    FutureLabel label_ = FutureLabel::future;
    bool log_traceback_ : 1 = false;
    bool task_must_cancel_ : 1 = false;  // TaskBase's _must_cancel
    bool task_registered_ : 1 = false;   // TaskBase: in its loop's task list
    bool bool_result_ = false;           // FutureImpl<bool>'s result (every primitive waiter's)
    uint32_t py_hash_ = 0;  // 0: not hashed yet; a task's creation number (TaskBase::number)
    struct TaskCounters {
        uint32_t name_number;         // "Task-<n>"; 0 when the task has its own name (in extras)
        int32_t cancels_requested;    // Task._num_cancels_requested
    };
    union {
        const WaitTarget* wait_target_ = nullptr;  // any future but a task
        TaskCounters task_;                        // a task (label_ == FutureLabel::task)
    };
    DoneCallback first_callback_;
    std::unique_ptr<Extras> extras_;
    friend class TaskBase;
    friend class GatheringFuture;
    friend std::string cancelled_message_of(FutureBase& f);
};

// Storage for a T result, or nothing for void.
template <class T>
struct ResultSlot {
    std::optional<T> value;
    const void* ptr() const noexcept { return value ? &*value : nullptr; }
};
template <>
struct ResultSlot<void> {
    const void* ptr() const noexcept { return nullptr; }
};

// CPython's name for a done callback the runtime installs ("_run_until_complete_cb() at
// /usr/lib/python3.11/asyncio/base_events.py:180"), for future reprs.
std::string describe_done_callback(const DoneCallback& cb);

template <class T>
class FutureImpl final : public FutureBase {
    // A bool result lives in FutureBase's spare byte: every primitive waiter is a
    // FutureImpl<bool>, and this keeps it at 64 bytes.
    static constexpr bool kInBase = std::is_same_v<T, bool>;

public:
    using FutureBase::FutureBase;
    template <class U = T>
        requires(!std::is_void_v<T>)
    void set_result(U&& v) {
        check_pending();
        if constexpr (kInBase) bool_result_ = bool(v);
        else slot_.value.emplace(std::forward<U>(v));
        finish_with_result();
    }
    void set_result()
        requires std::is_void_v<T>
    {
        check_pending();
        finish_with_result();
    }
    const void* value_ptr() const noexcept override {
        if constexpr (kInBase) return state_ == FutureState::finished && !has_exception() ? &bool_result_ : nullptr;
        else return slot_.ptr();
    }
    std::string result_repr() const override {
        if constexpr (!std::is_void_v<T>) {
            if constexpr (requires(const T& v) { reprlib_repr(v); }) {
                if (const void* p = value_ptr()) return reprlib_repr(*static_cast<const T*>(p));
            }
        } else {
            return "None";
        }
        return {};
    }

private:
    [[no_unique_address]] std::conditional_t<kInBase, ResultSlot<void>, ResultSlot<T>> slot_;
};

// The awaiter for `co_await future` (Future.__await__): no suspension if already done,
// otherwise the task yields the future and is woken through its done callback.
class FutureAwaiterBase {
public:
    explicit FutureAwaiterBase(FutureBase* f) noexcept : fut_(f) {}
    bool await_ready() const noexcept { return fut_->done(); }
    template <class Promise>
    void await_suspend(std::coroutine_handle<Promise> h) noexcept;
    // Rethrows what the task threw in (cancellation), or what the future raises.
    void resume_check();

protected:
    FutureBase* fut_;
    bool suspended_ = false;  // only a suspended await receives what the task throws in
};

template <class Promise>
void FutureAwaiterBase::await_suspend(std::coroutine_handle<Promise> h) noexcept {
    suspended_ = true;
    StepChannel::current().yield_future(fut_, h);
}

inline void FutureAwaiterBase::resume_check() {
    if (suspended_) StepChannel::current().rethrow_if_thrown();
    fut_->check_result();
}

template <class T>
class Future {
public:
    using value_type = T;
    Future() = default;
    explicit Future(Ref<FutureBase> f) : f_(std::move(f)) {}

    bool done() const { return f_->done(); }
    bool cancelled() const { return f_->cancelled(); }
    bool cancel(std::string_view msg = {}) { return f_->cancel(msg); }
    std::exception_ptr exception() const { return f_->exception(); }
    // Future.result(): the value, or raises the exception / CancelledError / InvalidStateError.
    decltype(auto) result() const {
        f_->check_result();
        if constexpr (!std::is_void_v<T>) return *static_cast<const T*>(f_->value_ptr());
    }
    template <class U = T>
        requires(!std::is_void_v<T>)
    void set_result(U&& v) {
        impl().set_result(std::forward<U>(v));
    }
    void set_result()
        requires std::is_void_v<T>
    {
        impl().set_result();
    }
    void set_exception(std::exception_ptr e) { f_->set_exception(std::move(e)); }
    template <class E>
    void set_exception(E e) {
        f_->set_exception(std::make_exception_ptr(std::move(e)));
    }
    uint64_t add_done_callback(std::function<void(FutureBase&)> fn) { return f_->add_done_callback(std::move(fn)); }
    size_t remove_done_callback(uint64_t id) { return f_->remove_done_callback(id); }
    EventLoop& get_loop() const { return f_->get_loop(); }

    FutureBase* base() const noexcept { return f_.get(); }
    const Ref<FutureBase>& ref() const noexcept { return f_; }
    explicit operator bool() const noexcept { return bool(f_); }
    friend bool operator==(const Future& a, const Future& b) noexcept { return a.f_ == b.f_; }

    struct Awaiter : FutureAwaiterBase {
        using FutureAwaiterBase::FutureAwaiterBase;
        // By value: the awaited future may be a temporary of the co_await expression.
        T await_resume() {
            resume_check();
            if constexpr (!std::is_void_v<T>) return *static_cast<const T*>(fut_->value_ptr());
        }
    };
    Awaiter operator co_await() const noexcept { return Awaiter{f_.get()}; }

private:
    FutureImpl<T>& impl() const {
        // futures.py Task.set_result: "Task does not support set_result operation".
        if (f_->is_task()) throw RuntimeError("Task does not support set_result operation");
        return static_cast<FutureImpl<T>&>(*f_);
    }
    Ref<FutureBase> f_;
};

}  // namespace looplab
