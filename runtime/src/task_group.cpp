// Mirrors CPython 3.11 Lib/asyncio/taskgroups.py (TaskGroup).
#include "looplab/task_group.hpp"

namespace looplab {

namespace {
// _is_base_error: SystemExit and KeyboardInterrupt (by name: the runtime defines neither;
// the interpreter's exceptions carry their Python class name).
bool is_base_error(const std::exception_ptr& e) {
    std::string name = exception_type_name(e);
    return name == "SystemExit" || name == "KeyboardInterrupt";
}
}  // namespace

namespace detail {

std::string TaskGroupState::repr() const {
    std::string info;
    if (!tasks.empty()) info += " tasks=" + std::to_string(tasks.size());
    if (!errors.empty()) info += " errors=" + std::to_string(errors.size());
    if (aborting) info += " cancelling";
    else if (entered) info += " entered";
    return "<TaskGroup" + info + ">";
}

void TaskGroupState::check_can_create() const {
    if (!entered) throw RuntimeError("TaskGroup " + repr() + " has not been entered");
    if (exiting && tasks.empty()) throw RuntimeError("TaskGroup " + repr() + " is finished");
    if (aborting) throw RuntimeError("TaskGroup " + repr() + " is shutting down");
}

void TaskGroupState::add_task(Ref<FutureBase> t) {
    t->add_done_callback(DoneCallback{&TaskGroupState::on_task_done, this});
    tasks.add(std::move(t));
}

void TaskGroupState::abort() {
    aborting = true;
    for (auto& t : tasks.items())
        if (!t->done()) t->cancel();
}

void TaskGroupState::on_task_done(RefCounted* self, RefCounted* fut) {
    auto& s = static_cast<TaskGroupState&>(*self);
    auto& task = static_cast<FutureBase&>(*fut);
    s.tasks.discard(&task);

    if (s.on_completed_fut && s.tasks.empty()) {
        if (!s.on_completed_fut->done()) static_cast<FutureImpl<void>&>(*s.on_completed_fut).set_result();
    }

    if (task.cancelled()) return;

    std::exception_ptr exc = task.exception();
    if (!exc) return;

    s.errors.push_back(exc);
    if (is_base_error(exc) && !s.base_error) s.base_error = exc;

    if (s.parent_task->done()) {
        // Not sure if this case is possible, but we want to handle it anyways.
        ExceptionContext ctx;
        ctx.message = "Task " + task.repr() + " has errored out but its parent task " + s.parent_task->repr() +
                      " is already completed";
        ctx.exception = exc;
        ctx.future = &task;
        s.loop->call_exception_handler(ctx);
        return;
    }

    if (!s.aborting && !s.parent_cancel_requested) {
        // The parent task is not being cancelled: cancel it to abort whatever it is running
        // in the TaskGroup, and mark it "not cancelled" again in __aexit__.
        s.abort();
        s.parent_cancel_requested = true;
        s.parent_task->cancel();
    }
}

}  // namespace detail

TaskGroup::TaskGroup() : s_(new detail::TaskGroupState) {}

void TaskGroup::enter() {
    detail::TaskGroupState& s = *s_;
    if (s.entered) throw RuntimeError("TaskGroup " + s.repr() + " has been already entered");
    s.entered = true;
    if (!s.loop) s.loop = &get_running_loop();
    TaskBase* parent = s.loop->current_task();
    s.parent_task = Ref<TaskBase>(parent);
    if (!parent) throw RuntimeError("TaskGroup " + s.repr() + " cannot determine the parent task");
}

Coroutine<void> TaskGroup::exit(std::exception_ptr exc) {
    Ref<detail::TaskGroupState> keep = s_;
    detail::TaskGroupState& s = *keep;
    s.exiting = true;

    if (exc && is_base_error(exc) && !s.base_error) s.base_error = exc;

    const bool et_is_cancelled = exc && is_cancelled_error(exc);
    std::exception_ptr propagate_cancellation_error = et_is_cancelled ? exc : nullptr;
    if (s.parent_cancel_requested) {
        // If this flag is set we *must* call uncancel().
        if (s.parent_task->uncancel() == 0) {
            // If there are no pending cancellations left, don't propagate CancelledError.
            propagate_cancellation_error = nullptr;
        }
    }

    if (exc) {
        // Our parent task is being cancelled, or there's an exception in "async with".
        if (!s.aborting) s.abort();
    }

    // A while-loop: on_completed_fut can be cancelled many times if our parent task is
    // being cancelled repeatedly.
    while (!s.tasks.empty()) {
        if (!s.on_completed_fut) s.on_completed_fut = Ref<FutureBase>(new FutureImpl<void>(*s.loop));
        std::exception_ptr cancelled;
        try {
            Future<void> on_completed(s.on_completed_fut);
            co_await on_completed;
        } catch (const CancelledError&) {
            cancelled = std::current_exception();
        }
        if (cancelled && !s.aborting) {
            // Our parent task is being cancelled while the children still run.
            propagate_cancellation_error = cancelled;
            s.abort();
        }
        s.on_completed_fut = nullptr;
    }

    if (s.base_error) std::rethrow_exception(s.base_error);

    // Propagate CancelledError if there is one, except if there are other errors -- those
    // have priority.
    if (propagate_cancellation_error && s.errors.empty()) std::rethrow_exception(propagate_cancellation_error);

    if (exc && !et_is_cancelled) s.errors.push_back(exc);

    if (!s.errors.empty()) {
        std::vector<std::exception_ptr> errors = std::move(s.errors);
        s.errors.clear();
        std::rethrow_exception(make_exception_group("unhandled errors in a TaskGroup", std::move(errors)));
    }

    // __aexit__ returned None: `async with` re-raises the body's exception.
    if (exc) std::rethrow_exception(exc);
}

}  // namespace looplab
