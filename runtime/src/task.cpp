// Mirrors CPython Lib/asyncio/tasks.py (Task.__init__, __step, __wakeup, cancel, uncancel).
#include "looplab/task.hpp"

#include "looplab/event_loop.hpp"
#include "looplab/heap_pages.hpp"

namespace looplab {

TaskBase::TaskBase(EventLoop& loop, std::string_view name) : FutureBase(loop) {
    Runtime& rt = loop.runtime();
    label_ = FutureLabel::task;  // first: from here on the counters below share wait_target_'s word
    task_ = TaskCounters{0, 0};
    py_hash_ = static_cast<uint32_t>(rt.next_task_number());  // hash(task): its creation number
    cover_heap_growth();  // pending tasks are what grows the heap: keep it in huge pages
    if (name.empty()) task_.name_number = static_cast<uint32_t>(rt.next_task_name_number());
    else extras().task_name = std::string(name);
        if (rt.tracer()) {
        TaskBase* creator = loop.current_task();
        // A generated name "Task-N" is new by construction: store it without a lookup.
        uint32_t name_id = task_.name_number ? rt.tracer()->strings().add_unique(get_name()) : rt.intern(get_name());
        rt.emit(EventKind::task_created, id(), creator ? creator->id() : 0, name_id);
    }
    // Task.__init__: self._loop.call_soon(self.__step); _register_task(self)
    schedule_step();
    loop.register_task(*this);
    task_registered_ = true;
}

TaskBase::~TaskBase() {
    if (task_registered_) loop_->unregister_task(*this);
}

std::string TaskBase::get_name() const {
    if (task_.name_number == 0) return extras_ ? extras_->task_name : std::string();
    return "Task-" + std::to_string(task_.name_number);
}

void TaskBase::set_name(std::string_view name) {
    extras().task_name = std::string(name);
    task_.name_number = 0;
    Runtime& rt = loop_->runtime();
    if (rt.tracer()) rt.emit(EventKind::task_renamed, id(), 0, rt.intern(extras_->task_name));
}

void TaskBase::schedule_step() {
    add_ref();  // the ready queue's reference
    push_step();
}

void TaskBase::schedule_step_with(std::exception_ptr exc) {
    // call_soon(self.__step, exc)
    extras().pending_exc = std::move(exc);
    add_ref();  // the ready queue's reference
    loop_->call_soon(Callback{&TaskBase::step_exc_thunk, this, nullptr}, HandleKind::task_step, id());
}

inline void TaskBase::push_step() {
    loop_->call_soon(Callback{&TaskBase::step_thunk, this, nullptr}, HandleKind::task_step, id());
}

bool TaskBase::cancel(std::string_view msg) {
    log_traceback_ = false;
    if (done()) return false;
    ++task_.cancels_requested;
    Runtime& rt = loop_->runtime();
    if (rt.tracer()) {
        TaskBase* by = loop_->current_task();
        rt.emit(EventKind::cancel_requested, id(), by ? by->id() : 0, rt.intern(msg));
    }
    if (fut_waiter_ && fut_waiter_->cancel(msg)) {
        // The awaited future's done callback wakes us with CancelledError.
        return true;
    }
    // It will be thrown into the coroutine at its next step.
    task_must_cancel_ = true;
    if (!msg.empty() || extras_) extras().cancel_message = std::string(msg);
    return true;
}

int TaskBase::uncancel() noexcept {
    if (task_.cancels_requested > 0) --task_.cancels_requested;
    return task_.cancels_requested;
}

void TaskBase::set_exception(std::exception_ptr) { throw RuntimeError("Task does not support set_exception operation"); }

// `coro.send(None)` / `coro.throw(exc)` on a C++ coroutine (CoroutineTask<T>): resume the
// chain through the trampoline (see coroutine.hpp) until it suspends on a future or a bare
// yield, or finishes. Inline in step: this is most of a task switch. Answers as run_body.
[[gnu::always_inline]] inline FutureBase* TaskBase::resume_coroutine(std::exception_ptr& exc) {
    bool started = bool(resume_point_);  // a task is stepped again only while suspended
    if (!started && exc) [[unlikely]] {
        // coro.throw() on a coroutine that never started raises at once: its body never runs.
        close_body();
        return raised_marker();  // exc is the error
    }
    std::coroutine_handle<> next = started ? resume_point_ : coro_;
    StepChannel& channel = StepChannel::current();
    // throw_in is null between steps (cleared below): only an exception needs storing. The
    // awaiter that raises it takes it out of exc.
    if (exc) channel.throw_in = &exc;
    channel.yielded = nullptr;
    while (next) {
        channel.next = {};
        next.resume();
        next = channel.next;
    }
    // Never leak an exception into another task's step (an awaiter that did not take it),
    // nor into this step's outcome: exc is null from here on, whatever the outcome.
    if (channel.throw_in) [[unlikely]] {
        channel.throw_in = nullptr;
        exc = nullptr;
    }
    // A chain that yielded is suspended (the trampoline stops there), so not finished.
    if (FutureBase* yielded = channel.yielded) [[likely]] {
        resume_point_ = channel.resume_point;
        return yielded;
    }
    return finish_coroutine(exc);
}

FutureBase* TaskBase::finish_coroutine(std::exception_ptr& exc) {
    if (coro_.done()) {
        exc = take_coroutine_error();
        return exc ? raised_marker() : nullptr;
    }
    // Suspended in an awaitable that is not the runtime's: a bad yield.
    exc = std::make_exception_ptr(RuntimeError("Task got bad yield: a foreign awaitable"));
    close_body();
    return raised_marker();
}

StepResult TaskBase::step_body(std::exception_ptr thrown) {
    FutureBase* outcome = resume_coroutine(thrown);
    StepResult r;
    if (outcome == nullptr) {
        r.kind = StepResult::Kind::returned;
    } else if (outcome == raised_marker()) {
        r.kind = StepResult::Kind::raised;
        r.error = std::move(thrown);
    } else {
        r.kind = StepResult::Kind::yielded;
        r.awaited = outcome == StepChannel::bare_yield_marker() ? nullptr : outcome;
    }
    return r;
}

FutureBase* TaskBase::run_step_body(std::exception_ptr& exc) {
    StepResult r = step_body(std::move(exc));
    switch (r.kind) {
    case StepResult::Kind::yielded: return r.awaited ? r.awaited : StepChannel::bare_yield_marker();
    case StepResult::Kind::returned: return nullptr;
    case StepResult::Kind::raised: break;
    }
    exc = std::move(r.error);
    return raised_marker();
}

// Inline into step: a task switch should not pay a call for the try block.
[[gnu::always_inline]] inline FutureBase* TaskBase::run_body(std::exception_ptr& exc) {
    try {
        // A C++ coroutine is resumed right here; other bodies (the interpreter's) are virtual.
        if (coro_) return resume_coroutine(exc);
        return run_step_body(exc);
    } catch (...) {
        loop_->leave_task(*this);
        throw;  // RunEnded from a nested limit check
    }
}

// Inline into its two callers (the thunks below): a task switch is one call less.
// QueueRef: the caller owns the ready queue's reference on this task (step_thunk); a bare
// yield then gives it back to the queue. Returns whether it did.
template <bool QueueRef>
[[gnu::always_inline]] inline bool TaskBase::step(std::exception_ptr exc) {
    // Task.__step
    if (done()) throw InvalidStateError("_step(): already done: " + repr());
    if (task_must_cancel_) {
        if (!is_cancelled_error(exc)) exc = make_cancelled_error();
        task_must_cancel_ = false;
    }
    if (fut_waiter_) fut_waiter_ = nullptr;

    Runtime& rt = loop_->runtime();
    rt.begin_step();
    loop_->enter_task(*this);
    if (rt.tracer()) {
        rt.emit(EventKind::step_begin, id());
        if (is_cancelled_error(exc)) rt.emit(EventKind::cancel_delivered, id());
    }
    // No reference of our own is needed although the step may drop the last outside one:
    // the ready queue's reference on this task lives until the step returns.
    FutureBase* awaited = run_body(exc);
    if (awaited == StepChannel::bare_yield_marker()) [[likely]] {
        // Bare yield (sleep(0)): step again on the next iteration. This is a task switch's
        // path, kept here; every other outcome is handled out of line.
        // exc went to the channel (resume_coroutine): tell the compiler, which cannot see
        // it through the resumed coroutine, that exc's destructor has nothing to do.
        if (exc) __builtin_unreachable();
        if constexpr (QueueRef) push_step();
        else schedule_step();
        loop_->leave_task(*this);
        if (rt.tracer()) rt.emit(EventKind::step_end, id(), 0, uint32_t(StepEnd::bare_yield));
        return QueueRef;
    }
    uint32_t awaited_id = 0;
    StepEnd end = step_outcome(awaited, exc, awaited_id);
    loop_->leave_task(*this);
    if (rt.tracer()) rt.emit(EventKind::step_end, id(), awaited_id, uint32_t(end));
    return false;
}

// The ready queue's reference on the task is ours (EventLoop::run_once leaves task_step
// entries to us): dropped when the step is over, unless a bare yield gave it back.
struct TaskBase::QueueRefGuard {
    TaskBase* t;
    ~QueueRefGuard() {
        if (t) t->release();
    }
};

void TaskBase::step_thunk(RefCounted* task, RefCounted*) {
    auto* t = static_cast<TaskBase*>(task);
    QueueRefGuard owned{t};
    if (t->step<true>(nullptr)) owned.t = nullptr;
}

void TaskBase::step_exc_thunk(RefCounted* task, RefCounted*) {
    // call_soon(self.__step, exc): the exception waits in extras.
    auto* t = static_cast<TaskBase*>(task);
    QueueRefGuard owned{t};
    if (t->step<true>(std::exchange(t->extras().pending_exc, nullptr))) owned.t = nullptr;
}

void TaskBase::wakeup_thunk(RefCounted* task, RefCounted* fut) {
    static_cast<TaskBase*>(task)->wakeup(*static_cast<FutureBase*>(fut));
}

void TaskBase::wakeup(FutureBase& fut) {
    // __wakeup: `future.result()` decides between send(None) and throw(exc).
    step<false>(fut.result_exception());
}

StepEnd TaskBase::step_outcome(FutureBase* awaited, std::exception_ptr& error, uint32_t& awaited_id) {
    // The rest of Task.__step after `result = coro.send(None)` / `coro.throw(exc)`.
    if (awaited == nullptr) {
        // Returned (StopIteration).
        if (task_must_cancel_) {
            // The coroutine returned although cancel() was called during this step.
            task_must_cancel_ = false;
            cancel_future(std::string(cancel_message()));
            return StepEnd::cancelled;
        }
        take_result();
        finish_with_result();
        return StepEnd::returned;
    }
    if (awaited == raised_marker()) {
        if (is_cancelled_error(error)) {
            extras().cancelled_exc = error;
            cancel_future({});  // super().cancel()
            return StepEnd::cancelled;
        }
        finish_with_exception(error);
        return StepEnd::raised;
    }
    if (awaited == this) {
        schedule_step_with(std::make_exception_ptr(RuntimeError("Task cannot await on itself: " + repr())));
        return StepEnd::bare_yield;
    }
    if (&awaited->get_loop() != loop_) {
        schedule_step_with(std::make_exception_ptr(
            RuntimeError("Task " + repr() + " got Future " + awaited->repr() + " attached to a different loop")));
        return StepEnd::bare_yield;
    }
    add_ref();  // the done callback's reference on this task
    awaited->add_done_callback(DoneCallback{&TaskBase::wakeup_thunk, this});
    release();
    fut_waiter_ = Ref<FutureBase>(awaited);
    awaited_id = awaited->id();
    // Name what the task waits for ("sleep", "Lock.acquire", "gather"…) for the exports:
    // labels are set after construction, so the trace names a future when it is awaited.
    Runtime& rt = loop_->runtime();
    if (rt.tracer() && !awaited->is_task()) rt.emit(EventKind::future_created, awaited_id, 0, rt.tracer()->intern_label(unsigned(awaited->label_id()), awaited->label()));
    if (task_must_cancel_) {
        if (fut_waiter_->cancel(std::string(cancel_message()))) task_must_cancel_ = false;
    }
    return StepEnd::awaiting_future;
}

std::string TaskBase::repr() const {
    // base_tasks._task_repr_info, without the coroutine's source location.
    std::string s = "<Task ";
    if (cancelled()) s += "cancelled";
    else if (done()) s += "finished";
    else s += "pending";
    s += " name='" + get_name() + "' coro=<" + coro_name() + "()>";
    if (state_ == FutureState::finished) {
        if (has_exception()) s += " exception=" + exception_repr(extras_->exception);
        else s += " result=…";
    }
    if (fut_waiter_) s += " wait_for=" + fut_waiter_->repr();
    return s + ">";
}

}  // namespace looplab
