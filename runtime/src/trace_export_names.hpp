#pragma once
// Shared by the trace exports (trace_export.cpp: --events, chrome_trace.cpp: --trace): JSON
// text and what the trace's ids stand for. Private to the runtime library.
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "looplab/trace.hpp"

namespace looplab::exports {

// JSON string literal (quotes included), number (shortest round-trip; null if not finite).
void append_quoted(std::string& out, std::string_view s);
void append_number(std::string& out, double v);
void append_uint(std::string& out, uint64_t v);

// A JSON object built member by member: `{"a":1,"b":"x"}`.
class Obj {
public:
    explicit Obj(std::string& out) : out_(out) { out_ += '{'; }
    Obj& key(const char* k) {
        if (!first_) out_ += ',';
        first_ = false;
        out_ += '"';
        out_ += k;
        out_ += "\":";
        return *this;
    }
    Obj& str(const char* k, std::string_view v) { return key(k), append_quoted(out_, v), *this; }
    Obj& num(const char* k, double v) { return key(k), append_number(out_, v), *this; }
    Obj& uint(const char* k, uint64_t v) { return key(k), append_uint(out_, v), *this; }
    Obj& null(const char* k) { return key(k), out_ += "null", *this; }
    // A task or other name, or null when there is none.
    Obj& name_or_null(const char* k, const std::string* v) { return v ? str(k, *v) : null(k); }
    Obj& raw(const char* k, std::string_view json) { return key(k), out_ += json, *this; }
    void close() { out_ += '}'; }

private:
    std::string& out_;
    bool first_ = true;
};

bool is_wait_op(PrimitiveOp op);
// The meaning of primitive_op's count (docs/trace-events.md), or null when it has none.
const char* count_name(PrimitiveOp op);
const char* handle_kind_name(uint32_t k);
const char* outcome_name(uint32_t o);

// Everything the trace says about its ids. Facts that never change (a primitive's kind, a
// future's label, a timer's due time) come from one pass over the whole trace, so an event
// can be described with what is learnt later in the same step (a Lock's waiter is awaited
// after the lock_wait). Task names change (Task.set_name): `observe` follows them in order.
class TraceNames {
public:
    struct Task {
        uint32_t ordinal = 0;  // 1 for the first task created in the run, 2…
        std::string first_name, name;
        uint32_t creator = 0;
        uint16_t process = 0, thread = 0;
        uint32_t steps = 0;  // steps begun so far
    };
    struct Primitive {
        std::string kind, name;  // "Lock", "Lock 1" (the run's first Lock)
    };
    struct Timer {
        double due = 0;
        uint32_t future = 0;
    };

    explicit TraceNames(const Tracer& tr) : tr_(tr) {
        std::unordered_map<std::string, uint32_t> per_kind;
        std::unordered_map<uint32_t, uint32_t> waiting_on;  // task -> primitive of its *_wait this step
        for (const TraceEvent& e : tr.events()) {
            switch (e.kind) {
            case EventKind::task_created: {
                Task& t = tasks_[e.subject];
                t.ordinal = uint32_t(tasks_.size());
                t.first_name = t.name = tr.strings().get(e.arg);
                t.creator = e.object;
                t.process = e.process;
                t.thread = e.thread;
                break;
            }
            case EventKind::task_renamed: final_names_[e.subject] = tr.strings().get(e.arg); break;
            case EventKind::primitive_created: {
                Primitive& p = prims_[e.subject];
                p.kind = tr.strings().get(e.arg);
                p.name = p.kind + " " + std::to_string(++per_kind[p.kind]);
                break;
            }
            case EventKind::primitive_op:
                if (is_wait_op(PrimitiveOp(e.arg & 0xFF)) && e.object) waiting_on[e.object] = e.subject;
                break;
            case EventKind::step_end: {
                auto it = waiting_on.find(e.subject);
                if (it == waiting_on.end()) break;
                if (StepEnd(e.arg) == StepEnd::awaiting_future) waiter_of_[e.object] = it->second;
                waiting_on.erase(it);
                break;
            }
            case EventKind::future_created: labels_[e.subject] = tr.strings().get(e.arg); break;
            case EventKind::timer_set:
                timers_[e.subject] = Timer{e.arg < tr.numbers().size() ? tr.numbers()[e.arg] : NAN, e.object};
                if (e.object) timer_of_[e.object] = e.subject;
                break;
            default: break;
            }
        }
    }

    // Follow the run: call for every event, in order, before describing it.
    void observe(const TraceEvent& e) {
        switch (e.kind) {
        case EventKind::task_renamed:
            if (Task* t = task(e.subject)) {
                old_name_ = t->name;
                t->name = tr_.strings().get(e.arg);
            }
            break;
        case EventKind::step_begin:
            holder_ = e.subject;
            if (Task* t = task(e.subject)) ++t->steps;
            break;
        case EventKind::step_end: holder_ = 0; break;
        default: break;
        }
    }

    Task* task(uint32_t id) {
        auto it = tasks_.find(id);
        return it == tasks_.end() ? nullptr : &it->second;
    }
    const std::string* task_name(uint32_t id) {
        Task* t = task(id);
        return t ? &t->name : nullptr;
    }
    // The name a task ends the run with: what its track is called.
    std::string track_name(uint32_t id) {
        Task* t = task(id);
        if (!t) return "task " + std::to_string(id);
        auto it = final_names_.find(id);
        if (it == final_names_.end() || it->second == t->first_name) return t->first_name;
        return it->second + " (" + t->first_name + ")";
    }
    const Primitive* primitive(uint32_t id) const {
        auto it = prims_.find(id);
        return it == prims_.end() ? nullptr : &it->second;
    }
    const Timer* timer(uint32_t id) const {
        auto it = timers_.find(id);
        return it == timers_.end() ? nullptr : &it->second;
    }
    // What a future stands for: a task's name, its label with the primitive it waits on
    // ("Lock.acquire (Lock 1)"), or "Future" when nothing more is known.
    std::string future(uint32_t id) {
        if (const std::string* n = task_name(id)) return *n;
        auto w = waiter_of_.find(id);
        const Primitive* p = w == waiter_of_.end() ? nullptr : primitive(w->second);
        auto l = labels_.find(id);
        if (l != labels_.end()) return p ? l->second + " (" + p->name + ")" : l->second;
        if (p) return p->name;
        if (timer_of_.count(id)) return "timer";
        return "Future";
    }
    uint32_t holder() const { return holder_; }
    const std::string& old_name() const { return old_name_; }
    const std::string& str(uint32_t id) const { return tr_.strings().get(id); }

private:
    const Tracer& tr_;
    std::unordered_map<uint32_t, Task> tasks_;
    std::unordered_map<uint32_t, std::string> final_names_;
    std::unordered_map<uint32_t, Primitive> prims_;
    std::unordered_map<uint32_t, uint32_t> waiter_of_;  // waiter future -> primitive
    std::unordered_map<uint32_t, std::string> labels_;  // future -> label (future_created)
    std::unordered_map<uint32_t, Timer> timers_;
    std::unordered_map<uint32_t, uint32_t> timer_of_;  // future -> timer resolving it
    uint32_t holder_ = 0;
    std::string old_name_;
};

}  // namespace looplab::exports
