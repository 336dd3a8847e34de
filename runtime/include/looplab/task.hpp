#pragma once
// Task (CPython Lib/asyncio/tasks.py: Task.__step, __wakeup, cancel, uncancel).
//
// TaskBase drives a coroutine through the *coroutine protocol*: step_body(exc) is
// `coro.send(None)` when exc is null and `coro.throw(exc)` otherwise, and answers with a
// StepResult: yielded a future, yielded bare (sleep(0)), returned, or raised. C++20
// coroutines implement it in CoroutineTask<T> below; the scenario interpreter implements
// it with its suspended Python frames, so both run on this one scheduler.
#include <cstdint>
#include <string>
#include <string_view>

#include "looplab/coroutine.hpp"
#include "looplab/future.hpp"
#include "looplab/trace.hpp"

namespace looplab {

struct StepResult {
    enum class Kind : uint8_t { yielded, returned, raised };
    Kind kind = Kind::returned;
    FutureBase* awaited = nullptr;  // yielded: the future to wait on; null for a bare yield
    std::exception_ptr error;       // raised
};

class TaskBase : public FutureBase {
public:
    // Schedules the first step with call_soon and registers the task (Task.__init__).
    TaskBase(EventLoop& loop, std::string_view name);
    ~TaskBase() override;

    bool is_task() const noexcept override { return true; }
    // Task.cancel(msg): request cancellation; see tasks.py for the exact rules.
    bool cancel(std::string_view msg = {}) override;
    void set_exception(std::exception_ptr e) override;  // raises RuntimeError, as Task does
    int cancelling() const noexcept { return task_.cancels_requested; }
    int uncancel() noexcept;

    // "Task-7" unless named.
    std::string get_name() const;
    void set_name(std::string_view name);
    // Creation order (1, 2, …): the task's hash (SPEC 4).
    uint32_t number() const noexcept { return py_hash_; }
    // The future this task is blocked on (Task._fut_waiter), or null.
    FutureBase* fut_waiter() const noexcept { return fut_waiter_.get(); }
    // Name of the coroutine function, for reprs ("main", "worker").
    virtual std::string coro_name() const = 0;

    std::string repr() const override;

    // The coroutine protocol. The default resumes the C++ coroutine of a CoroutineTask (see
    // resume_coroutine); the interpreter's tasks override it with their Python frames.
    virtual StepResult step_body(std::exception_ptr thrown);
    // Destroy the coroutine without running it further (loop teardown).
    virtual void close_body() noexcept = 0;

    // True when cb is a task's __wakeup (for the trace).
    static bool is_wakeup(const DoneCallback& cb) noexcept { return cb.fn == &TaskBase::wakeup_thunk; }

    // Intrusive list of a loop's live tasks (asyncio's _all_tasks, kept per loop).
    TaskBase* prev_in_loop = nullptr;
    TaskBase* next_in_loop = nullptr;

protected:
    // Called once the body returned: store its value (FINISHED state is set by the caller).
    virtual void take_result() = 0;
    // The exception a finished C++ coroutine raised (CoroutineTask<T>: its promise's), taken.
    virtual std::exception_ptr take_coroutine_error() noexcept { return nullptr; }

    // A C++ coroutine body (CoroutineTask<T>) is driven here, untyped, so that a task switch
    // resumes it without a virtual call; only storing the result needs T.
    void set_coroutine(std::coroutine_handle<> h) noexcept { coro_ = h; }
    void destroy_coroutine() noexcept {
        if (coro_) coro_.destroy();
        coro_ = {};
    }
    std::coroutine_handle<> coro_;          // the task's own coroutine; null when none or closed
    std::coroutine_handle<> resume_point_;  // where its chain is suspended; null before the first step

private:
    // Inside a step, what the body did is one word (returned in a register): the future it
    // yielded, StepChannel::bare_yield_marker() for a bare yield, raised_marker() when it
    // raised (the exception is then in the step's exc), or null when it returned.
    static FutureBase* raised_marker() noexcept { return reinterpret_cast<FutureBase*>(uintptr_t(2)); }
    FutureBase* resume_coroutine(std::exception_ptr& exc);  // step_body of a C++ coroutine
    FutureBase* finish_coroutine(std::exception_ptr& exc);  // resume_coroutine's rare outcomes
    FutureBase* run_step_body(std::exception_ptr& exc);     // the virtual step_body, as one word
    template <bool QueueRef>
    bool step(std::exception_ptr exc);  // Task.__step
    FutureBase* run_body(std::exception_ptr& exc);  // step_body(exc); leaves the task if it throws
    StepEnd step_outcome(FutureBase* awaited, std::exception_ptr& error, uint32_t& awaited_id);  // all but a bare yield
    void wakeup(FutureBase& fut);       // Task.__wakeup
    static void step_thunk(RefCounted* task, RefCounted*);
    static void step_exc_thunk(RefCounted* task, RefCounted*);  // a step with extras' pending_exc
    struct QueueRefGuard;
    static void wakeup_thunk(RefCounted* task, RefCounted* fut);
    void schedule_step();
    void push_step();  // schedule_step with a reference the caller gives to the ready queue
    void schedule_step_with(std::exception_ptr exc);  // call_soon(self.__step, exc)

    Ref<FutureBase> fut_waiter_;
    // Also TaskBase's, kept in FutureBase's spare room: task_ (the "Task-N" number and
    // _num_cancels_requested), task_must_cancel_ (_must_cancel), task_registered_;
    // py_hash_ is the task's creation number.
    friend class EventLoop;
};

// A Task running a C++ Coroutine<T>. TaskBase resumes the coroutine (resume_coroutine);
// this class only knows its result type.
template <class T>
class CoroutineTask final : public TaskBase {
public:
    CoroutineTask(EventLoop& loop, Coroutine<T> coro, std::string_view name) : TaskBase(loop, name) {
        set_coroutine(coro.release());
    }
    ~CoroutineTask() override { close_body(); }

    std::string coro_name() const override { return "coroutine"; }
    const void* value_ptr() const noexcept override { return slot_.ptr(); }
    void close_body() noexcept override { destroy_coroutine(); }

protected:
    std::exception_ptr take_coroutine_error() noexcept override {
        return Coroutine<T>::Handle::from_address(coro_.address()).promise().take_error();
    }
    void take_result() override {
        if constexpr (!std::is_void_v<T>) {
            auto h = Coroutine<T>::Handle::from_address(coro_.address());
            slot_.value.emplace(std::move(*h.promise().value));
        }
        close_body();
    }

private:
    [[no_unique_address]] ResultSlot<T> slot_;
};

// The user-facing handle: a Task is a Future, so it converts to Future<T>.
template <class T = void>
class Task : public Future<T> {
public:
    Task() = default;
    explicit Task(Ref<FutureBase> f) : Future<T>(std::move(f)) {}
    TaskBase& task() const { return static_cast<TaskBase&>(*this->base()); }
    bool cancel(std::string_view msg = {}) { return task().cancel(msg); }
    int cancelling() const { return task().cancelling(); }
    int uncancel() { return task().uncancel(); }
    std::string get_name() const { return task().get_name(); }
    void set_name(std::string_view n) { task().set_name(n); }
};

}  // namespace looplab
