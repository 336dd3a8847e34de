#pragma once
// The event loop (CPython Lib/asyncio/base_events.py: BaseEventLoop, _run_once) on the
// virtual clock. Loops are created by Runtime::new_event_loop() and owned by the Runtime.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "looplab/handle.hpp"
#include "looplab/runtime.hpp"
#include "looplab/task.hpp"

namespace looplab {

// What call_exception_handler receives (the `context` dict of CPython).
struct ExceptionContext {
    std::string message;
    std::exception_ptr exception;
    FutureBase* future = nullptr;  // 'future' or 'task'
};

class EventLoop {
public:
    EventLoop(Runtime& rt, uint16_t number);
    ~EventLoop();
    EventLoop(const EventLoop&) = delete;
    EventLoop& operator=(const EventLoop&) = delete;

    Runtime& runtime() const noexcept { return *rt_; }
    // 1 for the first loop of the run, 2 for the next…
    uint16_t number() const noexcept { return number_; }
    double time() const noexcept { return rt_->clock(); }

    // --- scheduling callbacks --------------------------------------------------------------
    Ref<Handle> call_soon(std::function<void()> fn);
    Ref<TimerHandle> call_later(double delay, std::function<void()> fn);
    Ref<TimerHandle> call_at(double when, std::function<void()> fn);
    // Internal, allocation-free: the loop takes over the references in cb. Inline: it is
    // half of every task switch (Task.__step's call_soon(self.__step)).
    void call_soon(Callback cb, HandleKind kind, uint32_t trace_id, uint32_t trace_object = 0) {
        push_ready(ReadyEntry{cb, kind, trace_id});
        // A task step's scheduling is already in the trace (task_created, or step_end with
        // bare_yield) and its running is step_begin: recording them again would double the
        // cost of tracing a task switch for no information. (kind is a constant at every
        // call site, so the task-step case compiles to no check at all.)
        if (kind != HandleKind::task_step && rt_->tracer()) trace_scheduled(kind, trace_id, trace_object);
    }
    Ref<TimerHandle> call_at(double when, Callback cb, uint32_t served_future_id = 0);

    // --- running -----------------------------------------------------------------------------
    void run_forever();
    // Runs until the future is done and returns its result (or raises its exception).
    template <class T>
    T run_until_complete(Future<T> fut);
    template <class T>
    T run_until_complete(Coroutine<T> coro);
    void stop() noexcept { stopping_ = true; }
    bool is_running() const noexcept { return running_; }
    bool is_closed() const noexcept { return closed_; }
    // Drops pending callbacks; pending tasks stay pending (as in CPython).
    void close();

    // --- tasks and futures ---------------------------------------------------------------
    template <class T>
    Task<T> create_task(Coroutine<T> coro, std::string_view name = {});
    template <class T = void>
    Future<T> create_future() {
        return Future<T>(Ref<FutureBase>(new FutureImpl<T>(*this)));
    }
    TaskBase* current_task() const noexcept { return current_task_; }
    // True for run_until_complete's done callback (base_events._run_until_complete_cb).
    static bool is_stop_callback(const DoneCallback& cb) noexcept { return cb.fn == &EventLoop::stop_loop_callback; }
    // Pending tasks of this loop, in creation order.
    std::vector<TaskBase*> pending_tasks() const;

    // --- errors --------------------------------------------------------------------------
    using ExceptionHandler = std::function<void(EventLoop&, const ExceptionContext&)>;
    void set_exception_handler(ExceptionHandler h) { exception_handler_ = std::move(h); }
    void call_exception_handler(const ExceptionContext& ctx);
    // events.py Handle._run: the exception escaping a callback (std::current_exception())
    // goes to the exception handler as "Exception in callback"; `future` names its future.
    void report_callback_exception(FutureBase* future = nullptr);
    void default_exception_handler(const ExceptionContext& ctx);

    // --- debug mode (slow callbacks) ---------------------------------------------------------
    bool get_debug() const noexcept { return debug_; }
    void set_debug(bool on) noexcept { debug_ = on; }
    double slow_callback_duration = 0.1;

    // --- for tasks and the deadlock report -------------------------------------------------
    // tasks.py _enter_task / _leave_task.
    void enter_task(TaskBase& t) {
        if (current_task_) task_switch_error("Cannot enter into task while another task is being executed.");
        current_task_ = &t;
    }
    void leave_task(TaskBase& t) {
        if (current_task_ != &t) task_switch_error("Leaving task does not match the current task.");
        current_task_ = nullptr;
    }
    void register_task(TaskBase& t);
    void unregister_task(TaskBase& t);
    void timer_cancelled() noexcept { ++timer_cancelled_count_; }
    size_t ready_count() const noexcept { return ready_size_; }
    size_t timer_count() const noexcept { return timers_.size(); }

private:
    struct TimerEntry {
        double when;
        uint64_t seq;
        TimerHandle* handle;  // owns one reference
    };
    struct TimerLater {  // min-heap on (when, seq)
        bool operator()(const TimerEntry& a, const TimerEntry& b) const noexcept {
            return a.when > b.when || (a.when == b.when && a.seq > b.seq);
        }
    };
    struct ReadyEntry {
        Callback cb;
        HandleKind kind;
        uint32_t trace_id;
    };

    void run_once();
    void run_ready(ReadyEntry& e);  // run_once for one callback, except a task's __step
    // The ready queue (collections.deque in CPython) is a power-of-two ring buffer; push and
    // pop are inline because a task switch is one of each.
    void push_ready(const ReadyEntry& e) {
        if (ready_size_ > ready_mask_) grow_ready();
        ready_[(ready_head_ + ready_size_) & ready_mask_] = e;
        ++ready_size_;
    }
    ReadyEntry pop_ready() noexcept { return pop_ready_slot(); }
    // The popped entry in place: valid until the next push_ready.
    const ReadyEntry& pop_ready_slot() noexcept {
        const ReadyEntry& e = ready_[ready_head_];
        ready_head_ = (ready_head_ + 1) & ready_mask_;
        --ready_size_;
        return e;
    }
    void grow_ready();
    void resize_ready(size_t capacity);
    void trace_scheduled(HandleKind kind, uint32_t trace_id, uint32_t trace_object);
    void check_closed() const;
    void check_running() const;
    [[noreturn]] static void task_switch_error(const char* message);
    [[noreturn]] void report_deadlock();
    void teardown() noexcept;
    void drop_timers() noexcept;
    void drop_ready() noexcept;
    template <class T>
    Future<T> ensure_future(Coroutine<T> coro) {
        return create_task(std::move(coro));
    }
    static void stop_loop_callback(RefCounted* ctx, RefCounted* fut);

    Runtime* rt_;
    uint16_t number_;
    bool running_ = false;
    bool stopping_ = false;
    bool closed_ = false;
    bool debug_ = false;
    // Ready queue: a power-of-two ring buffer (collections.deque in CPython).
    std::vector<ReadyEntry> ready_;
    size_t ready_mask_ = 0;  // ready_.size() - 1
    size_t ready_head_ = 0;
    size_t ready_size_ = 0;
    std::vector<TimerEntry> timers_;
    size_t timer_cancelled_count_ = 0;
    uint64_t timer_seq_ = 0;
    TaskBase* current_task_ = nullptr;
    TaskBase* tasks_head_ = nullptr;
    TaskBase* tasks_tail_ = nullptr;
    ExceptionHandler exception_handler_;
    friend class Runtime;
};

// --- free functions as in asyncio ---------------------------------------------------------------

// asyncio.get_running_loop(): raises RuntimeError('no running event loop') outside a loop.
EventLoop& get_running_loop();
// asyncio.current_task(): the running task, or null.
TaskBase* current_task();
// asyncio.all_tasks(): pending tasks of the running loop, in CPython's set order (SPEC 4).
std::vector<TaskBase*> all_tasks();

// asyncio.create_task(coro, name=...) on the running loop. As in tasks.py, the task is
// created unnamed and then renamed, so it still takes a Task-N number (unlike
// loop.create_task(coro, name), which does not).
template <class T>
Task<T> create_task(Coroutine<T> coro, std::string_view name = {}) {
    Task<T> t = get_running_loop().create_task(std::move(coro));
    if (!name.empty()) t.set_name(name);
    return t;
}

// asyncio.ensure_future: a coroutine becomes a task; a future stays itself.
template <class T>
Future<T> ensure_future(Coroutine<T> coro) {
    return create_task(std::move(coro));
}
template <class T>
Future<T> ensure_future(Future<T> fut) {
    return fut;
}

// --- template definitions -----------------------------------------------------------------------

template <class T>
Task<T> EventLoop::create_task(Coroutine<T> coro, std::string_view name) {
    check_closed();
    return Task<T>(Ref<FutureBase>(new CoroutineTask<T>(*this, std::move(coro), name)));
}

template <class T>
T EventLoop::run_until_complete(Coroutine<T> coro) {
    check_closed();
    check_running();
    return run_until_complete(Future<T>(create_task(std::move(coro))));
}

template <class T>
T EventLoop::run_until_complete(Future<T> fut) {
    // base_events.py run_until_complete: stop the loop when the future is done.
    check_closed();
    check_running();
    DoneCallback stop_cb{&EventLoop::stop_loop_callback, nullptr};
    fut.base()->add_done_callback(stop_cb);
    try {
        run_forever();
    } catch (...) {
        fut.base()->remove_done_callback(stop_cb);
        throw;
    }
    fut.base()->remove_done_callback(stop_cb);
    if (!fut.done()) throw RuntimeError("Event loop stopped before Future completed.");
    return fut.result();
}

}  // namespace looplab
