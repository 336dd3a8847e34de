// make_synthetic_recording: made-up but well-formed activity for `looplab bench-ui` and the
// model's own benchmark. A small scheduler emits the events a real run would: a main task
// creates the others, which sleep, print, yield, take a shared Lock (waiting when it is
// held) and use a Queue, on a virtual clock that jumps to the next timer. The result goes
// through the ordinary builder, so the benchmark measures what a real recording costs.
#include <deque>
#include <queue>
#include <random>

#include "looplab/model/recording.hpp"

namespace looplab::model {

namespace {

class Synth {
public:
    Synth(uint32_t tasks, uint32_t events, uint64_t seed) : want_tasks_(tasks), want_events_(events), rng_(seed) {}

    void run() {
        s_sleep_ = tr_.strings().intern("sleep");
        s_lock_ = tr_.strings().intern("Lock.acquire");
        s_file_ = tr_.strings().intern("synthetic.py");
        for (int i = 0; i < 16; ++i) s_print_[i] = tr_.strings().intern("line " + std::to_string(i) + "\n");
        for (int i = 0; i < 16; ++i) s_items_[i] = tr_.strings().intern(items_repr(i));
        emit(EventKind::loop_created, 1);
        uint32_t main = new_task(0);
        // main's first step creates every other task (they start in creation order).
        begin(main);
        lock_ = next_id();
        emit(EventKind::primitive_created, lock_, 0, tr_.strings().intern("Lock"));
        queue_ = next_id();
        emit(EventKind::primitive_created, queue_, 0, tr_.strings().intern("Queue"));
        for (uint32_t i = 1; i < want_tasks_; ++i) new_task(main);
        sleep(main, 1e9);  // main waits for ever: the run is cut by the event budget
        while (tr_.events().size() < want_events_) {
            if (ready_.empty() && !fire_timers()) break;
            uint32_t t = ready_.front();
            ready_.pop_front();
            step(t);
        }
    }

    Tracer tr_;

private:
    struct TaskInfo {
        uint32_t id = 0;
        bool holds_lock = false;
        bool woke_with_lock = false;  // woken as the lock's next owner
        uint32_t steps = 0;
    };
    struct Due {
        double due;
        uint64_t seq;
        uint32_t timer, future, task;
        bool operator>(const Due& o) const { return due > o.due || (due == o.due && seq > o.seq); }
    };

    uint32_t want_tasks_, want_events_;
    std::mt19937_64 rng_;
    double clock_ = 0;
    uint32_t tick_ = 0, ids_ = 0;
    uint64_t seq_ = 0;
    std::vector<TaskInfo> tasks_;
    std::deque<uint32_t> ready_;  // task indices
    std::priority_queue<Due, std::vector<Due>, std::greater<Due>> timers_;
    uint32_t lock_ = 0, queue_ = 0, holder_ = ~0u, qsize_ = 0;
    std::deque<std::pair<uint32_t, uint32_t>> lock_waiters_;  // (task, waiter future)
    uint32_t s_sleep_ = 0, s_lock_ = 0, s_file_ = 0, s_print_[16] = {}, s_items_[16] = {};

    static std::string items_repr(int n) {
        std::string s;
        for (int i = 0; i < n; ++i) s += "'item " + std::to_string(i) + "'\x1f";
        return s;
    }
    uint32_t next_id() { return ++ids_; }
    void emit(EventKind k, uint32_t subject, uint32_t object = 0, uint32_t arg = 0) {
        tr_.emit(TraceEvent{clock_, tick_, k, 1, 0, 0, subject, object, arg});
    }
    uint32_t rnd(uint32_t n) { return uint32_t(rng_() % n); }

    uint32_t new_task(uint32_t creator) {
        TaskInfo t;
        t.id = next_id();
        tasks_.push_back(t);
        uint32_t idx = uint32_t(tasks_.size() - 1);
        emit(EventKind::task_created, t.id, creator ? tasks_[creator - 1].id : 0,
             tr_.strings().intern("Task-" + std::to_string(idx + 1)));
        emit(EventKind::task_line, t.id, 3, s_file_);
        ready_.push_back(idx);
        return idx + 1;  // 1-based handle for `creator`
    }
    void begin(uint32_t handle) {
        uint32_t t = handle - 1;
        ++tick_;
        ++tasks_[t].steps;
        emit(EventKind::step_begin, tasks_[t].id);
    }
    void sleep(uint32_t handle, double secs) {
        uint32_t t = handle - 1;
        uint32_t fut = next_id(), timer = next_id();
        emit(EventKind::timer_set, timer, fut, tr_.add_number(clock_ + secs));
        timers_.push(Due{clock_ + secs, seq_++, timer, fut, t});
        emit(EventKind::task_line, tasks_[t].id, 10 + rnd(20), s_file_);
        emit(EventKind::future_created, fut, 0, s_sleep_);
        emit(EventKind::step_end, tasks_[t].id, fut, uint32_t(StepEnd::awaiting_future));
    }
    void wake(uint32_t t, uint32_t fut) {
        emit(EventKind::future_done, fut, 0, uint32_t(FutureOutcome::result));
        emit(EventKind::handle_scheduled, tasks_[t].id, fut, uint32_t(HandleKind::task_wakeup));
        ready_.push_back(t);
    }
    bool fire_timers() {
        if (timers_.empty()) return false;
        Due d = timers_.top();
        if (d.due > clock_) {
            uint32_t old = tr_.add_number(clock_);
            clock_ = d.due;
            emit(EventKind::clock_jump, 0, 0, old);
        }
        while (!timers_.empty() && timers_.top().due <= clock_) {
            Due x = timers_.top();
            timers_.pop();
            emit(EventKind::timer_fired, x.timer);
            emit(EventKind::handle_run, x.timer, 0, uint32_t(HandleKind::callback));
            wake(x.task, x.future);
        }
        return true;
    }
    void op(uint32_t prim, uint32_t t, PrimitiveOp o, uint32_t count = 0) {
        emit(EventKind::primitive_op, prim, tasks_[t].id, uint32_t(o) | count << 8);
    }

    void step(uint32_t t) {
        begin(t + 1);
        TaskInfo& me = tasks_[t];
        if (me.woke_with_lock) {
            me.woke_with_lock = false;
            me.holds_lock = true;
            holder_ = t;
            op(lock_, t, PrimitiveOp::lock_acquired);
        } else if (me.holds_lock) {
            me.holds_lock = false;
            holder_ = ~0u;
            op(lock_, t, PrimitiveOp::lock_release);
            if (!lock_waiters_.empty()) {
                auto [w, fut] = lock_waiters_.front();
                lock_waiters_.pop_front();
                tasks_[w].woke_with_lock = true;
                holder_ = w;  // reserved for it, as the waiter future's result
                wake(w, fut);
            }
        }
        uint32_t dice = rnd(100);
        // Tasks rarely end: the timeline stays busy across the whole run.
        if (me.steps > 2 && rnd(1000) < 2 && !me.holds_lock && !me.woke_with_lock) {
            emit(EventKind::task_line, me.id, 30, s_file_);
            emit(EventKind::step_end, me.id, 0, uint32_t(StepEnd::returned));
            return;
        }
        if (dice < 12) emit(EventKind::print, 0, me.id, s_print_[rnd(16)]);
        if (dice >= 12 && dice < 20 && qsize_ < 15) {
            op(queue_, t, PrimitiveOp::queue_put, ++qsize_);
            emit(EventKind::queue_items, queue_, qsize_, s_items_[qsize_]);
        } else if (dice >= 20 && dice < 26 && qsize_ > 0) {
            op(queue_, t, PrimitiveOp::queue_get, --qsize_);
            emit(EventKind::queue_items, queue_, qsize_, s_items_[qsize_]);
        }
        if (dice >= 26 && dice < 29 && !me.holds_lock) {
            if (holder_ == ~0u) {
                holder_ = t;
                me.holds_lock = true;
                op(lock_, t, PrimitiveOp::lock_acquire);
            } else {
                uint32_t fut = next_id();
                op(lock_, t, PrimitiveOp::lock_wait);
                lock_waiters_.emplace_back(t, fut);
                emit(EventKind::task_line, me.id, 7, s_file_);
                emit(EventKind::future_created, fut, 0, s_lock_);
                emit(EventKind::step_end, me.id, fut, uint32_t(StepEnd::awaiting_future));
                return;
            }
        }
        if (dice >= 36 && dice < 46) {
            emit(EventKind::task_line, me.id, 5, s_file_);
            emit(EventKind::step_end, me.id, 0, uint32_t(StepEnd::bare_yield));
            ready_.push_back(t);
            return;
        }
        // A lock holder keeps it briefly, or every task would end up queued on it.
        sleep(t + 1, me.holds_lock ? 0.0005 : 0.001 * double(1 + rnd(2000)));
    }
};

}  // namespace

Recording make_synthetic_recording(uint32_t tasks, uint32_t events, uint64_t seed, uint32_t keyframe_every) {
    Synth s(tasks < 1 ? 1 : tasks, events, seed);
    s.run();
    return build_recording(s.tr_, "synthetic.py", {}, keyframe_every);
}

}  // namespace looplab::model
