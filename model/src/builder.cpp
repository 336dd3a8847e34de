// Builds a Recording in one pass over the trace: task segments, the holder lane, markers,
// flows, console lines and source lines directly; the loop's other state (ready queue,
// timers, primitives) as operations for the keyframes.
//
// What a task waits for comes from its step_end's awaited future: another task; a future a
// timer resolves (asyncio.sleep, timeouts: timer_set names the future); a primitive's waiter
// (a *_wait primitive_op by the task in the same step); otherwise the future's label
// (future_created, recorded just before the step_end).
#include <algorithm>
#include <unordered_map>

#include "loop_state.hpp"

namespace looplab::model {

class Builder {
public:
    Builder(Recording& rec, const Tracer& tracer) : r_(rec), tr_(tracer) {}

    void run(uint32_t keyframe_every) {
        copy_trace();
        auto ks = std::make_unique<Keyframes>();
        ks_ = ks.get();
        ks_->every = keyframe_every;
        // Sizes seen in real runs: about one operation and one task change per event, a
        // future label and a timer per sleep. Reserving avoids rehashing a 1M-event run.
        ks_->ops.reserve(r_.events.size());
        ks_->changes.reserve(r_.events.size() / 2);
        labels_.reserve(r_.events.size() / 8);
        future_timer_.reserve(r_.events.size() / 8);
        timer_index_.reserve(r_.events.size() / 8);
        r_.tick_times.push_back(0);
        r_.tick_events.push_back(0);
        for (size_t i = 0; i < r_.events.size(); ++i) event(i, r_.events[i]);
        finish();
        r_.keyframes_ = std::move(ks);
        r_.keyframes_->build(r_);
    }

private:
    struct Live {                     // a task's state as the build goes
        Segment seg;                  // the open segment (end_* not set yet)
        uint32_t wait_prim = kNone;   // primitive of a *_wait op in the current step
        uint32_t waited_prim = kNone; // primitive its last step ended waiting on
        uint32_t pending_flow = kNone;  // index of a flow waiting for this task's next step
    };

    Recording& r_;
    const Tracer& tr_;
    Keyframes* ks_ = nullptr;
    std::vector<Live> live_;                              // by task index
    std::unordered_map<uint32_t, uint32_t> labels_;       // future id -> label string id
    std::unordered_map<uint32_t, uint32_t> future_timer_; // future id -> timer index (pending timers)
    std::unordered_map<uint32_t, uint32_t> timer_index_;  // timer id -> timer index
    std::unordered_map<std::string, uint32_t> kind_counts_;  // "Lock" -> how many so far
    uint32_t cur_ = 0;         // the snapshot tick events belong to now
    bool in_step_ = false;     // between a step_begin and its step_end
    uint32_t step_task_ = kNone;
    // The task whose completion the loop is reporting (its done callbacks run, e.g. gather's):
    // a wake-up caused there is drawn from that task, not from the loop.
    uint32_t callback_task_ = kNone;
    std::string open_line_[2];  // a console line not yet ended by '\n', per stream
    bool line_open_[2] = {false, false};
    size_t open_index_[2] = {0, 0};

    void copy_trace() {
        const EventLog& log = tr_.events();
        r_.events.reserve(log.size());
        for (const TraceEvent& e : log) r_.events.push_back(e);
        const StringTable& st = tr_.strings();
        r_.strings.reserve(st.size());
        for (size_t i = 0; i < st.size(); ++i) r_.strings.push_back(st.get(uint32_t(i)));
        r_.numbers = tr_.numbers();
    }

    void op(OpKind k, uint32_t a, uint32_t b = 0, uint32_t c = 0) { ks_->ops.push_back(Op{k, a, b, c}); }
    uint32_t task(uint32_t id) const { return r_.task_index(id); }
    uint32_t holder() const { return in_step_ ? step_task_ : callback_task_; }

    // Ends tick `cur_` after event i: everything after belongs to the next tick.
    void close_tick(size_t next_event, double time) {
        ks_->tick_ops.push_back(uint32_t(ks_->ops.size()));  // the operations of ticks <= cur_
        ++cur_;
        r_.tick_events.push_back(uint32_t(next_event));
        r_.tick_times.push_back(time);
    }

    // Moves task t into a new state from (tick, time); no-op if nothing changes.
    void set_state(uint32_t t, Segment next, uint32_t tick, double time) {
        Segment& s = live_[t].seg;
        if (s.state == next.state && s.on == next.on && s.on_index == next.on_index && s.future == next.future &&
            s.label == next.label && s.until == next.until)
            return;
        s.end_tick = tick;
        s.end_time = time;
        r_.tasks[t].segments.push_back(s);
        next.begin_tick = tick;
        next.begin_time = time;
        s = next;
        ks_->changes.push_back(TaskChange{tick, t, uint32_t(r_.tasks[t].segments.size()), false});
    }
    static Segment state(TaskState st) {
        Segment s;
        s.state = st;
        return s;
    }

    void marker(MarkerKind k, size_t i, const TraceEvent& e, uint32_t t, uint32_t other = kNone, uint32_t text = 0) {
        Marker m;
        m.tick = cur_;
        m.time = e.time;
        m.task = t;
        m.kind = k;
        m.other = other;
        m.text = text;
        m.event = uint32_t(i);
        if (k == MarkerKind::primitive_op) {
            m.op = PrimitiveOp(e.arg & 0xFF);
            m.count = e.arg >> 8;
            m.primitive = r_.primitive_index(e.subject);
        }
        if (t != kNone) r_.tasks[t].markers.push_back(uint32_t(r_.markers.size()));
        r_.markers.push_back(m);
    }

    void console(Stream stream, uint32_t t, double time, const std::string& text) {
        int s = stream == Stream::err ? 1 : 0;
        size_t b = 0;
        while (b <= text.size()) {
            size_t nl = text.find('\n', b);
            std::string_view part = std::string_view(text).substr(b, nl == std::string::npos ? std::string::npos : nl - b);
            if (nl == std::string::npos && part.empty()) break;
            if (!line_open_[s]) {
                r_.console.push_back(ConsoleLine{cur_, time, t, stream, std::string(part)});
                open_index_[s] = r_.console.size() - 1;
            } else {
                r_.console[open_index_[s]].text += part;
            }
            line_open_[s] = nl == std::string::npos;
            if (nl == std::string::npos) break;
            b = nl + 1;
        }
    }

    static PrimitiveKind kind_of(const std::string& name) {
        if (name == "Lock") return PrimitiveKind::lock;
        if (name == "Semaphore") return PrimitiveKind::semaphore;
        if (name == "BoundedSemaphore") return PrimitiveKind::bounded_semaphore;
        if (name == "Event") return PrimitiveKind::event;
        if (name == "Condition") return PrimitiveKind::condition;
        if (name == "Queue") return PrimitiveKind::queue;
        if (name == "PriorityQueue") return PrimitiveKind::priority_queue;
        if (name == "LifoQueue") return PrimitiveKind::lifo_queue;
        return PrimitiveKind::other;
    }
    static bool is_queue(PrimitiveKind k) {
        return k == PrimitiveKind::queue || k == PrimitiveKind::priority_queue || k == PrimitiveKind::lifo_queue;
    }

    // What task t waits for after a step that awaited `fut`.
    Segment waiting_on(uint32_t t, uint32_t fut) {
        Segment s = state(TaskState::waiting);
        s.future = fut;
        auto lab = labels_.find(fut);
        s.label = lab != labels_.end() ? lab->second : 0;
        if (uint32_t other = task(fut); other != kNone) {
            s.on = WaitOn::task;
            s.on_index = other;
            return s;
        }
        if (auto ti = future_timer_.find(fut); ti != future_timer_.end()) {
            Timer& tm = r_.timers[ti->second];
            tm.task = t;
            if (!tm.label) tm.label = s.label;  // timer_set comes before the future's label
            s.until = tm.due;
            if (r_.str(s.label) == "sleep") {
                s.state = TaskState::sleeping;
                s.on = WaitOn::timer;
                return s;
            }
        }
        if (live_[t].wait_prim != kNone) {
            s.on = WaitOn::primitive;
            s.on_index = live_[t].wait_prim;
            return s;
        }
        s.on = WaitOn::future;
        return s;
    }

    void event(size_t i, const TraceEvent& e) {
        if (e.kind == EventKind::step_begin || e.kind == EventKind::timer_fired || e.kind == EventKind::clock_jump ||
            e.kind == EventKind::handle_run)
            callback_task_ = kNone;
        switch (e.kind) {
        case EventKind::loop_created:
        case EventKind::loop_closed:
        case EventKind::clock_jump:
        case EventKind::future_done: break;
        case EventKind::future_created: labels_[e.subject] = e.arg; break;
        case EventKind::task_created: {
            Task t;
            t.id = e.subject;
            t.name = r_.str(e.arg);
            t.colour = uint32_t(r_.tasks.size());
            t.parent = task(e.object);
            t.created_tick = cur_;
            t.created_time = e.time;
            r_.tasks.push_back(std::move(t));
            Live l;
            l.seg = state(TaskState::ready);
            l.seg.begin_tick = cur_;
            l.seg.begin_time = e.time;
            live_.push_back(l);
            uint32_t ti = uint32_t(r_.tasks.size() - 1);
            ks_->changes.push_back(TaskChange{cur_, ti, 0, false});
            op(OpKind::ready_push_task, ti);
            marker(MarkerKind::created, i, e, ti, r_.tasks[ti].parent);
            break;
        }
        case EventKind::task_renamed:
            if (uint32_t t = task(e.subject); t != kNone) {
                r_.tasks[t].name = r_.str(e.arg);
                marker(MarkerKind::renamed, i, e, t, kNone, e.arg);
            }
            break;
        case EventKind::step_begin: {
            uint32_t t = task(e.subject);
            if (r_.last_tick == 0) {
                // Tick 0 covers what happened before the first step.
                close_tick(i, e.time);
            } else if (in_step_) {
                close_tick(i, e.time);  // the previous step never ended (the run stopped inside it)
            }
            r_.tick_times[cur_] = e.time;
            ++r_.last_tick;
            in_step_ = true;
            step_task_ = t;
            r_.holder.push_back(HolderStep{t, e.time, e.time});
            if (t == kNone) break;
            op(OpKind::ready_remove_task, t);
            Live& l = live_[t];
            l.wait_prim = kNone;
            ++r_.tasks[t].steps;
            set_state(t, state(TaskState::running), cur_, e.time);
            if (l.pending_flow != kNone) {
                r_.flows[l.pending_flow].to_tick = cur_;
                r_.flows[l.pending_flow].to_time = e.time;
                l.pending_flow = kNone;
            }
            break;
        }
        case EventKind::step_end: {
            uint32_t t = task(e.subject);
            if (!r_.holder.empty()) r_.holder.back().end_time = e.time;
            uint32_t tick = cur_;
            in_step_ = false;
            close_tick(i + 1, e.time);
            if (t == kNone) break;
            Task& tk = r_.tasks[t];
            Segment next;
            switch (StepEnd(e.arg)) {
            case StepEnd::awaiting_future: next = waiting_on(t, e.object); break;
            case StepEnd::bare_yield:
                next = state(TaskState::ready);
                op(OpKind::ready_push_task, t);
                break;
            case StepEnd::returned:
            case StepEnd::raised:
            case StepEnd::cancelled: {
                StepEnd how = StepEnd(e.arg);
                next = state(how == StepEnd::returned ? TaskState::done : how == StepEnd::raised ? TaskState::failed : TaskState::cancelled);
                tk.end = how == StepEnd::returned ? TaskEnd::result : how == StepEnd::raised ? TaskEnd::exception : TaskEnd::cancelled;
                tk.end_tick = tick;
                tk.end_time = e.time;
                cur_ = tick;  // the marker belongs to the step
                marker(how == StepEnd::returned ? MarkerKind::returned : how == StepEnd::raised ? MarkerKind::raised : MarkerKind::cancelled, i, e, t);
                cur_ = tick + 1;
                break;
            }
            }
            live_[t].waited_prim = next.on == WaitOn::primitive ? next.on_index : kNone;
            set_state(t, next, tick + 1, e.time);
            break;
        }
        case EventKind::handle_scheduled:
            if (HandleKind(e.arg) == HandleKind::task_wakeup) {
                uint32_t t = task(e.subject);
                if (t == kNone) break;
                op(OpKind::ready_push_task, t);
                Live& l = live_[t];
                // A queue's waiter leaves its getters/putters when woken (Queue._wakeup_next pops it).
                if (l.seg.on == WaitOn::primitive && l.seg.on_index < r_.primitives.size() && is_queue(r_.primitives[l.seg.on_index].kind))
                    op(OpKind::waiter_leave, l.seg.on_index, t);
                if (l.seg.state != TaskState::running) set_state(t, state(TaskState::ready), cur_, e.time);
                Flow f;
                f.from_tick = cur_;
                f.from_time = e.time;
                f.from_task = holder();
                f.to_task = t;
                f.future = e.object;
                l.pending_flow = uint32_t(r_.flows.size());
                r_.flows.push_back(f);
            } else {
                op(OpKind::ready_push_callback, e.subject);
            }
            break;
        case EventKind::handle_run:
            if (HandleKind(e.arg) != HandleKind::task_wakeup) op(OpKind::ready_remove_callback, e.subject);
            if (HandleKind(e.arg) == HandleKind::future_callback) callback_task_ = task(e.subject);
            break;
        case EventKind::timer_set: {
            Timer tm;
            tm.id = e.subject;
            tm.due = e.arg < r_.numbers.size() ? r_.numbers[e.arg] : e.time;
            tm.future = e.object;
            auto lab = labels_.find(e.object);
            tm.label = lab != labels_.end() ? lab->second : 0;
            tm.set_tick = cur_;
            uint32_t ti = uint32_t(r_.timers.size());
            r_.timers.push_back(tm);
            timer_index_[e.subject] = ti;
            if (e.object) future_timer_[e.object] = ti;
            op(OpKind::timer_add, ti);
            break;
        }
        case EventKind::timer_fired:
        case EventKind::timer_cancelled: {
            auto it = timer_index_.find(e.subject);
            if (it == timer_index_.end()) break;
            op(OpKind::timer_remove, it->second);
            if (e.kind == EventKind::timer_fired) op(OpKind::ready_push_callback, e.subject);
            break;
        }
        case EventKind::cancel_requested: marker(MarkerKind::cancel_requested, i, e, task(e.subject), task(e.object), e.arg); break;
        case EventKind::cancel_delivered: {
            uint32_t t = task(e.subject);
            if (t == kNone) break;
            marker(MarkerKind::cancel_delivered, i, e, t);
            // A cancelled waiter leaves its primitive's waiters (the `finally` of Lock.acquire,
            // Event.wait…); nothing else in the trace says so.
            if (live_[t].waited_prim != kNone) op(OpKind::waiter_leave, live_[t].waited_prim, t);
            break;
        }
        case EventKind::primitive_created: {
            Primitive p;
            p.id = e.subject;
            const std::string& kind = r_.str(e.arg);
            p.kind = kind_of(kind);
            p.name = kind + " " + std::to_string(++kind_counts_[kind]);
            p.created_tick = cur_;
            r_.primitives.push_back(std::move(p));
            op(OpKind::prim_created, uint32_t(r_.primitives.size() - 1));
            break;
        }
        case EventKind::primitive_op: {
            uint32_t p = r_.primitive_index(e.subject);
            uint32_t t = task(e.object);
            if (p == kNone) break;
            op(OpKind::prim_op, p, t, e.arg);
            marker(MarkerKind::primitive_op, i, e, t);
            const auto o = PrimitiveOp(e.arg & 0xFF);
            const uint32_t count = e.arg >> 8;
            Primitive& prim = r_.primitives[p];
            if (prim.initial_value < 0 && (prim.kind == PrimitiveKind::semaphore || prim.kind == PrimitiveKind::bounded_semaphore)) {
                // The value before the first operation, from the value after it.
                if (o == PrimitiveOp::semaphore_acquire) prim.initial_value = int64_t(count) + 1;
                else if (o == PrimitiveOp::semaphore_wait) prim.initial_value = 0;
                else if (o == PrimitiveOp::semaphore_release) prim.initial_value = count > 0 ? int64_t(count) - 1 : 0;
            }
            bool waits = o == PrimitiveOp::lock_wait || o == PrimitiveOp::event_wait || o == PrimitiveOp::condition_wait ||
                         o == PrimitiveOp::semaphore_wait || o == PrimitiveOp::queue_put_wait || o == PrimitiveOp::queue_get_wait ||
                         o == PrimitiveOp::queue_join_wait;
            if (waits && t != kNone) live_[t].wait_prim = p;
            break;
        }
        case EventKind::print:
        case EventKind::stderr_write: {
            uint32_t t = task(e.object);
            bool err = e.kind == EventKind::stderr_write;
            marker(err ? MarkerKind::stderr_write : MarkerKind::print, i, e, t, kNone, e.arg);
            console(err ? Stream::err : Stream::out, t, e.time, r_.str(e.arg));
            break;
        }
        case EventKind::deadlock:
            r_.deadlocked = true;
            marker(MarkerKind::deadlock, i, e, task(e.subject));
            break;
        case EventKind::task_line: {
            uint32_t t = task(e.subject);
            if (t == kNone) break;
            auto& lines = r_.tasks[t].lines;
            if (!lines.empty() && lines.back().tick == cur_) lines.pop_back();
            lines.push_back(LinePoint{cur_, e.object, e.arg});
            ks_->changes.push_back(TaskChange{cur_, t, uint32_t(lines.size() - 1), true});
            break;
        }
        case EventKind::queue_items: {
            uint32_t p = r_.primitive_index(e.subject);
            if (p != kNone) op(OpKind::queue_items, p, e.object, e.arg);
            break;
        }
        }
        r_.end_time = std::max(r_.end_time, e.time);
    }

    void finish() {
        if (r_.last_tick == 0) {
            // No step ran: tick 0 holds everything and the end tick follows it.
            close_tick(r_.events.size(), r_.end_time);
        } else if (in_step_) {
            close_tick(r_.events.size(), r_.end_time);  // the run stopped inside its last step
        }
        // Now cur_ == last_tick + 1: the end tick, covering the events after the last step.
        r_.end_tick = cur_;
        r_.tick_times[cur_] = std::max(r_.tick_times[cur_ - 1], r_.end_time);
        r_.tick_events.push_back(uint32_t(r_.events.size()));
        ks_->tick_ops.push_back(uint32_t(ks_->ops.size()));
        for (size_t t = 0; t < r_.tasks.size(); ++t) {
            Segment s = live_[t].seg;
            s.end_tick = r_.end_tick + 1;
            s.end_time = r_.end_time;
            r_.tasks[t].segments.push_back(s);
            if (r_.tasks[t].end == TaskEnd::pending) {
                r_.tasks[t].end_tick = r_.end_tick;
                r_.tasks[t].end_time = r_.end_time;
            }
        }
        for (Flow& f : r_.flows) {
            if (f.to_tick == 0) {
                f.to_tick = r_.end_tick;
                f.to_time = r_.end_time;
            }
        }
    }
};

Recording build_recording(const Tracer& tracer, std::string source_path, std::string source_text, uint32_t keyframe_every) {
    Recording r;
    r.source_path = std::move(source_path);
    r.source_text = std::move(source_text);
    Builder(r, tracer).run(keyframe_every);
    return r;
}

}  // namespace looplab::model
