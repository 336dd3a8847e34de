// Mirrors CPython Lib/asyncio/base_events.py (BaseEventLoop) on the virtual clock.
#include "looplab/event_loop.hpp"

#include <cstdio>

#include <algorithm>
#include <ostream>

#include "looplab/deadlock.hpp"
#include "looplab/py_set.hpp"

namespace looplab {

namespace {
// base_events.py: rebuild the timer heap when more than half of >100 timers are cancelled.
constexpr size_t kMinScheduledTimerHandles = 100;
constexpr double kMinCancelledTimerHandlesFraction = 0.5;
// time.get_clock_info('monotonic').resolution on Linux: _run_once's end_time slack.
constexpr double kClockResolution = 1e-09;
constexpr size_t kReadyInitialCapacity = 64;   // a power of two
constexpr size_t kReadyShrinkAbove = 4096;

void run_user_handle(RefCounted* h, RefCounted*) {
    auto* handle = static_cast<Handle*>(h);
    try {
        handle->run();
    } catch (const RunEnded&) {
        throw;
    } catch (...) {
        handle->loop().report_callback_exception();
    }
}
}  // namespace

EventLoop::EventLoop(Runtime& rt, uint16_t number) : rt_(&rt), number_(number) { resize_ready(kReadyInitialCapacity); }

EventLoop::~EventLoop() { teardown(); }

void EventLoop::teardown() noexcept {
    // Drop queued work, then destroy the coroutines of tasks that never finished, breaking
    // the task <-> awaited-future cycles that CPython's garbage collector would break.
    drop_ready();
    drop_timers();
    std::vector<Ref<TaskBase>> alive;
    for (TaskBase* t = tasks_head_; t; t = t->next_in_loop) alive.emplace_back(t);
    for (auto& t : alive) {
        t->fut_waiter_ = nullptr;
        t->close_body();
    }
    // A pending task's done callbacks (gather's child_done, TaskGroup's _on_task_done...)
    // keep the futures that wait on it alive, and those keep the task: drop them too.
    for (auto& t : alive) t->clear_done_callbacks();
    alive.clear();
    drop_ready();
}

void EventLoop::drop_ready() noexcept {
    // Work that will never run. A user handle's callback may own what owns the handle (a
    // timeout's due-now callback holds its own Handle): drop the callback itself, not only
    // the queue's reference, or the cycle leaks.
    while (ready_size_) {
        Callback cb = pop_ready().cb;
        if (cb.run == &run_user_handle) {
            auto* h = static_cast<Handle*>(cb.a);
            h->cb_.discard();
            h->cb_.run = nullptr;
        }
        cb.discard();
    }
}

void EventLoop::drop_timers() noexcept {
    // Timers that will never run: drop their callbacks too, not only the heap's reference, so
    // a callback that owns what owns its handle (Timeout's _on_timeout) does not leak.
    for (auto& t : timers_) {
        t.handle->cb_.discard();
        t.handle->cb_.run = nullptr;
        t.handle->scheduled_ = false;
        t.handle->release();
    }
    timers_.clear();
}

void EventLoop::check_closed() const {
    if (closed_) throw RuntimeError("Event loop is closed");
}

void EventLoop::check_running() const {
    if (running_) throw RuntimeError("This event loop is already running");
    if (rt_->running_loop()) throw RuntimeError("Cannot run the event loop while another loop is running");
}

void EventLoop::close() {
    if (running_) throw RuntimeError("Cannot close a running event loop");
    if (closed_) return;
    closed_ = true;
    drop_ready();
    drop_timers();
    rt_->emit(EventKind::loop_closed, number_);
}

// --- ready queue ---------------------------------------------------------------------------------

void EventLoop::resize_ready(size_t capacity) {
    std::vector<ReadyEntry> other(capacity);
    for (size_t i = 0; i < ready_size_; ++i) other[i] = ready_[(ready_head_ + i) & ready_mask_];
    ready_.swap(other);
    ready_mask_ = capacity - 1;
    ready_head_ = 0;
}

void EventLoop::grow_ready() { resize_ready(ready_.size() * 2); }

void EventLoop::trace_scheduled(HandleKind kind, uint32_t trace_id, uint32_t trace_object) {
    rt_->emit(EventKind::handle_scheduled, trace_id, trace_object, uint32_t(kind));
}

Ref<Handle> EventLoop::call_soon(std::function<void()> fn) {
    check_closed();
    Ref<Handle> h(new Handle(*this, make_callback(std::move(fn)), rt_->next_object_id()));
    h->add_ref();  // the queue's reference
    call_soon(Callback{&run_user_handle, h.get(), nullptr}, HandleKind::callback, h->id());
    return h;
}

Ref<TimerHandle> EventLoop::call_at(double when, Callback cb, uint32_t served_future_id) {
    Ref<TimerHandle> h(new TimerHandle(*this, cb, rt_->next_object_id(), when, ++timer_seq_));
    h->add_ref();  // the heap's reference
    timers_.push_back(TimerEntry{when, h->seq(), h.get()});
    std::push_heap(timers_.begin(), timers_.end(), TimerLater{});
    if (Tracer* tr = rt_->tracer()) rt_->emit(EventKind::timer_set, h->id(), served_future_id, tr->add_number(when));
    return h;
}

Ref<TimerHandle> EventLoop::call_at(double when, std::function<void()> fn) {
    check_closed();
    return call_at(when, make_callback(std::move(fn)));
}

Ref<TimerHandle> EventLoop::call_later(double delay, std::function<void()> fn) {
    // base_events.py: call_at(self.time() + delay, ...)
    return call_at(time() + delay, std::move(fn));
}

// --- running -------------------------------------------------------------------------------------

void EventLoop::stop_loop_callback(RefCounted*, RefCounted* fut) { static_cast<FutureBase*>(fut)->get_loop().stop(); }

void EventLoop::run_forever() {
    check_closed();
    check_running();
    running_ = true;
    rt_->set_running_loop(this);
    struct Restore {
        EventLoop& loop;
        ~Restore() {
            loop.stopping_ = false;
            loop.running_ = false;
            loop.rt_->set_running_loop(nullptr);
        }
    } restore{*this};
    while (true) {
        run_once();
        if (stopping_) break;
    }
}

void EventLoop::run_once() {
    // base_events.py _run_once, step by step.
    size_t sched_count = timers_.size();
    if (sched_count > kMinScheduledTimerHandles &&
        double(timer_cancelled_count_) / double(sched_count) > kMinCancelledTimerHandlesFraction) {
        // Remove delayed calls that were cancelled if their number is too high.
        std::vector<TimerEntry> kept;
        kept.reserve(sched_count);
        for (auto& t : timers_) {
            if (t.handle->cancelled()) {
                t.handle->scheduled_ = false;
                t.handle->release();
            } else {
                kept.push_back(t);
            }
        }
        timers_.swap(kept);
        std::make_heap(timers_.begin(), timers_.end(), TimerLater{});
        timer_cancelled_count_ = 0;
    } else {
        // Remove delayed calls that were cancelled from head of queue.
        while (!timers_.empty() && timers_.front().handle->cancelled()) {
            --timer_cancelled_count_;
            std::pop_heap(timers_.begin(), timers_.end(), TimerLater{});
            TimerHandle* h = timers_.back().handle;
            timers_.pop_back();
            h->scheduled_ = false;
            h->release();
        }
    }

    // The selector's select(timeout) on a virtual clock: never wait; when nothing is ready,
    // jump to the earliest timer's due time exactly (SPEC 4), or report a deadlock.
    if (ready_size_ == 0 && !stopping_) {
        if (timers_.empty()) report_deadlock();
        double when = timers_.front().when;
        if (when > rt_->limits().until) {
            rt_->advance_clock_to(rt_->limits().until);
            throw RunEnded(0, "looplab: stopped at t=" + format_time(rt_->limits().until) + " (time limit)");
        }
        rt_->advance_clock_to(when);
    }

    // Handle 'later' callbacks that are ready.
    double end_time = time() + kClockResolution;
    while (!timers_.empty()) {
        TimerEntry& head = timers_.front();
        if (head.when >= end_time) break;
        std::pop_heap(timers_.begin(), timers_.end(), TimerLater{});
        TimerHandle* h = timers_.back().handle;
        timers_.pop_back();
        h->scheduled_ = false;
        if (rt_->tracer()) rt_->emit(EventKind::timer_fired, h->id());
        // The heap's reference moves to the ready queue.
        push_ready(ReadyEntry{Callback{&run_user_handle, h, nullptr}, HandleKind::callback, h->id()});
    }

    // Run the callbacks that were ready when this iteration began, and only those.
    for (size_t ntodo = ready_size_; ntodo != 0; --ntodo) {
        // The popped slot stays valid until the next push: read from it what is needed
        // before running anything (a task switch copies two words, not the entry).
        const ReadyEntry& slot = pop_ready_slot();
        if (debug_) [[unlikely]] {
            ReadyEntry e = slot;
            run_ready(e);
            continue;
        }
        if (slot.kind == HandleKind::task_step) [[likely]] {
            // Task.__step (half of every task switch): it takes over the queue's reference on
            // its task and hands it back when it reschedules itself (a bare yield), so there
            // is nothing to drop here; its step_begin traces it.
            RefCounted* task = slot.cb.a;
            slot.cb.run(task, nullptr);
            continue;
        }
        // Any other callback: the queue's references live until it returns (a task wake-up
        // relies on it: TaskBase::step takes no reference of its own).
        struct Drop {
            Callback cb;
            ~Drop() { cb.discard(); }
        } drop{slot.cb};
        // A task wake-up is followed at once by that task's step_begin: not traced twice.
        if (slot.kind != HandleKind::task_wakeup && rt_->tracer())
            rt_->emit(EventKind::handle_run, slot.trace_id, 0, uint32_t(slot.kind));
        drop.cb.run(drop.cb.a, drop.cb.b);
    }
    // A burst (say 100,000 tasks created at once) grows the ring buffer; give the memory
    // back once it has mostly drained, as collections.deque frees its blocks.
    if (ready_.size() > kReadyShrinkAbove && ready_size_ * 8 < ready_.size()) {
        size_t capacity = kReadyInitialCapacity;
        while (capacity < ready_size_ * 2) capacity *= 2;
        resize_ready(capacity);
    }
}

void EventLoop::run_ready(ReadyEntry& e) {
    // run_once for one callback in debug mode (and the general case of it). The queue's
    // references live until the callback returns, except a task's __step's (see run_once).
    struct Drop {
        ReadyEntry& e;
        ~Drop() {
            if (e.kind != HandleKind::task_step) e.cb.discard();
        }
    } drop{e};
    // A task step or wake-up is followed at once by that task's step_begin: not traced twice.
    if (e.kind != HandleKind::task_step && e.kind != HandleKind::task_wakeup && rt_->tracer())
        rt_->emit(EventKind::handle_run, e.trace_id, 0, uint32_t(e.kind));
    if (!debug_) {
        e.cb.run(e.cb.a, e.cb.b);
        return;
    }
    // Debug mode: report callbacks that held the loop too long (base_events.py _run_once,
    // "Executing %s took %.3f seconds"); only blocking work moves the virtual clock.
    bool is_task = e.kind == HandleKind::task_step || e.kind == HandleKind::task_wakeup;
    Ref<RefCounted> keep(is_task ? e.cb.a : nullptr);
    double t0 = rt_->clock();
    e.cb.run(e.cb.a, e.cb.b);
    double dt = rt_->clock() - t0;
    if (dt >= slow_callback_duration) {
        char secs[32];
        std::snprintf(secs, sizeof secs, "%.3f", dt);
        std::string what = is_task ? static_cast<TaskBase*>(e.cb.a)->repr() : std::string("<Handle>");
        rt_->write_err("Executing " + what + " took " + secs + " seconds\n");
    }
}

[[noreturn]] void EventLoop::report_deadlock() {
    std::string report = "looplab: deadlock at t=" + format_time(time());
    for (TaskBase* t : pending_tasks()) {
        if (!t->fut_waiter()) continue;
        report += "\n  " + t->get_name() + " waits for " + describe_wait(*t->fut_waiter());
        rt_->emit(EventKind::deadlock, t->id(), t->fut_waiter()->id());
    }
    throw RunEnded(3, report);
}

// --- tasks ---------------------------------------------------------------------------------------

void EventLoop::task_switch_error(const char* message) { throw RuntimeError(message); }

void EventLoop::register_task(TaskBase& t) {
    t.prev_in_loop = tasks_tail_;
    t.next_in_loop = nullptr;
    if (tasks_tail_) tasks_tail_->next_in_loop = &t;
    else tasks_head_ = &t;
    tasks_tail_ = &t;
}

void EventLoop::unregister_task(TaskBase& t) {
    if (t.prev_in_loop) t.prev_in_loop->next_in_loop = t.next_in_loop;
    else tasks_head_ = t.next_in_loop;
    if (t.next_in_loop) t.next_in_loop->prev_in_loop = t.prev_in_loop;
    else tasks_tail_ = t.prev_in_loop;
    t.prev_in_loop = t.next_in_loop = nullptr;
}

std::vector<TaskBase*> EventLoop::pending_tasks() const {
    std::vector<TaskBase*> out;
    for (TaskBase* t = tasks_head_; t; t = t->next_in_loop)
        if (!t->done()) out.push_back(t);
    return out;
}

// --- errors --------------------------------------------------------------------------------------

void EventLoop::call_exception_handler(const ExceptionContext& ctx) {
    if (!exception_handler_) {
        default_exception_handler(ctx);
        return;
    }
    try {
        exception_handler_(*this, ctx);
    } catch (const RunEnded&) {
        throw;
    } catch (...) {
        ExceptionContext inner;
        inner.message = "Unhandled error in exception handler";
        inner.exception = std::current_exception();
        default_exception_handler(inner);
    }
}

void EventLoop::report_callback_exception(FutureBase* future) {
    ExceptionContext ctx;
    ctx.message = "Exception in callback";
    ctx.exception = std::current_exception();
    ctx.future = future;
    call_exception_handler(ctx);
}

void EventLoop::default_exception_handler(const ExceptionContext& ctx) {
    // base_events.py default_exception_handler logs through `logging` at ERROR level.
    std::string out = ctx.message + '\n';
    if (ctx.future) out += std::string(ctx.future->is_task() ? "task: " : "future: ") + ctx.future->repr() + '\n';
    if (ctx.exception) out += format_exception_only(ctx.exception) + '\n';
    rt_->write_err(out);
}

// --- free functions ------------------------------------------------------------------------------

EventLoop& get_running_loop() {
    EventLoop* loop = Runtime::current().running_loop();
    if (!loop) throw RuntimeError("no running event loop");
    return *loop;
}

TaskBase* current_task() {
    EventLoop* loop = Runtime::current().running_loop();
    return loop ? loop->current_task() : nullptr;
}

std::vector<TaskBase*> all_tasks() { return python_set_order(get_running_loop().pending_tasks()); }

}  // namespace looplab
