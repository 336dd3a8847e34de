#pragma once
// asyncio.TaskGroup (CPython 3.11 Lib/asyncio/taskgroups.py).
//
// `async with asyncio.TaskGroup() as tg:` in C++, either with an explicit pair
//
//     TaskGroup tg;
//     tg.enter();                                   // __aenter__ (never suspends)
//     std::exception_ptr exc;
//     try {
//         tg.create_task(work(1));
//         co_await sleep(1);
//     } catch (...) {
//         exc = std::current_exception();
//     }
//     co_await tg.exit(exc);                        // __aexit__, then re-raises exc
//
// or with a body function (no capturing coroutine lambdas needed):
//
//     Coroutine<void> body(TaskGroup& tg, int n) { tg.create_task(work(n)); co_return; }
//     co_await with_task_group(body, 3);
//
// A child failing cancels its siblings (in CPython's set order of the group's tasks) and
// the parent task (uncancelled again at exit); the errors are raised as
// ExceptionGroup('unhandled errors in a TaskGroup', [...]) in the order they were collected.
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "looplab/event_loop.hpp"
#include "looplab/wait.hpp"

namespace looplab {

namespace detail {
// TaskGroup's attributes; shared with the children's done callbacks.
struct TaskGroupState final : RefCounted {
    bool entered = false;
    bool exiting = false;
    bool aborting = false;
    EventLoop* loop = nullptr;
    Ref<TaskBase> parent_task;
    bool parent_cancel_requested = false;
    FutureSet tasks;
    std::vector<std::exception_ptr> errors;
    std::exception_ptr base_error;
    Ref<FutureBase> on_completed_fut;

    std::string repr() const;
    void check_can_create() const;   // create_task's RuntimeErrors
    void add_task(Ref<FutureBase> t);  // task.add_done_callback(self._on_task_done); self._tasks.add(task)
    void abort();                      // _abort
    static void on_task_done(RefCounted* self, RefCounted* task);  // _on_task_done
};
}  // namespace detail

class TaskGroup {
public:
    TaskGroup();

    // __aenter__: binds the running loop and the current task as the parent.
    void enter();
    // __aexit__(type(exc), exc, tb) followed by what `async with` does when __aexit__
    // returns None: re-raise exc. Raises the ExceptionGroup, or CancelledError, as 3.11 does.
    Coroutine<void> exit(std::exception_ptr exc = nullptr);

    // tg.create_task(coro, name=...): a task of the group (a Task-N number is used even when
    // named, as 3.11 names the task after creating it).
    template <class T>
    Task<T> create_task(Coroutine<T> coro, std::string_view name = {}) {
        s_->check_can_create();
        Task<T> task = s_->loop->create_task(std::move(coro));
        if (!name.empty()) task.set_name(name);  // tasks._set_task_name(task, name)
        s_->add_task(task.ref());
        return task;
    }

    // `<TaskGroup tasks=2 errors=1 cancelling>`
    // create_task for tasks the caller builds itself (the interpreter's Python coroutines):
    // the same checks and bookkeeping as create_task; `make(loop)` creates the task.
    template <class MakeTask>
    Ref<FutureBase> create_task_with(MakeTask make, std::string_view name = {}) {
        s_->check_can_create();
        Ref<FutureBase> task = make(*s_->loop);
        if (!name.empty()) static_cast<TaskBase&>(*task).set_name(name);
        s_->add_task(task);
        return task;
    }

    std::string repr() const { return s_->repr(); }

private:
    Ref<detail::TaskGroupState> s_;
};

// `async with TaskGroup() as tg: await body(tg, args...)`.
template <class F, class... Args>
Coroutine<void> with_task_group(F body, Args... args) {
    TaskGroup tg;
    tg.enter();
    std::exception_ptr exc;
    try {
        Coroutine<void> inner = body(tg, args...);
        co_await std::move(inner);
    } catch (...) {
        exc = std::current_exception();
    }
    co_await tg.exit(exc);
}

}  // namespace looplab
