// Trace facts, judged on the model of the run (model::Recording): the same task segments
// and snapshots the GUI's timeline and inspector show.
//
// Two kinds of moment (lessons/README.md):
// - `at tick N` is the GUI's tick N: the step of tick N has just run and its task is still
//   shown `running`.
// - `at t=T` is "once everything that began at or before T has run": each task's state is its
//   last segment that began at or before T. A step that took no virtual time is over by then;
//   a blocking step (time.sleep, sim.cpu) that spans T is still `running`.
// `max tasks STATE` is the peak of `tasks STATE at t=T` over every time at which some task
// changed state, which is what a learner means by "3 tasks sleep at once".
#include "lesson_facts.hpp"

#include <algorithm>
#include <cstdio>

namespace looplab::lessons {

namespace {

using model::kNone;
using model::Recording;
using model::TaskState;
using model::TaskView;
using model::WaitOn;
using looplab::PrimitiveOp;

std::string number_text(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.9g", v);
    return buf;
}

bool state_matches(const TaskView& v, const std::string& state) {
    if (state == "alive")
        return v.state != TaskState::done && v.state != TaskState::cancelled && v.state != TaskState::failed;
    return state == model::task_state_name(v.state);
}

// "waiting on Lock", "sleeping", "done".
std::string describe(const Recording& rec, const TaskView& v) {
    std::string s = model::task_state_name(v.state);
    if (v.on == WaitOn::primitive && v.on_index < rec.primitives.size())
        s += std::string(" on ") + model::primitive_kind_name(rec.primitives[v.on_index].kind);
    else if (v.on == WaitOn::task && v.on_index < rec.tasks.size())
        s += " on " + rec.tasks[v.on_index].name;
    return s;
}

bool view_matches(const Recording& rec, const TaskView& v, const Fact& f) {
    if (!state_matches(v, f.state)) return false;
    if (f.primitive.empty()) return true;
    return v.on == WaitOn::primitive && v.on_index < rec.primitives.size() &&
           f.primitive == model::primitive_kind_name(rec.primitives[v.on_index].kind);
}

// The segment task `t` is in at time T in the sense above (null: not created by then).
const model::Segment* segment_at_time(const Recording& rec, uint32_t t, double T) {
    const auto& segs = rec.tasks[t].segments;
    auto it = std::upper_bound(segs.begin(), segs.end(), T,
                               [](double x, const model::Segment& s) { return x < s.begin_time; });
    return it == segs.begin() ? nullptr : &*(it - 1);
}

TaskView view_of(uint32_t t, const model::Segment& s) {
    TaskView v;
    v.task = t;
    v.state = s.state;
    v.on = s.on;
    v.on_index = s.on_index;
    return v;
}

// Views of every task created by time T.
std::vector<TaskView> views_at_time(const Recording& rec, double T) {
    std::vector<TaskView> out;
    for (uint32_t t = 0; t < rec.tasks.size(); ++t)
        if (const model::Segment* s = segment_at_time(rec, t, T)) out.push_back(view_of(t, *s));
    return out;
}

uint32_t find_task(const Recording& rec, const std::string& name) {
    for (uint32_t i = 0; i < rec.tasks.size(); ++i)
        if (rec.tasks[i].name == name) return i;
    return kNone;
}

FactResult numeric(double got, const Fact& f) {
    return {compare(got, f.op, f.value), number_text(got)};
}

// The task views a fact at moment `m` looks at.
std::vector<TaskView> views_at(const Recording& rec, const Moment& m) {
    if (m.kind == Moment::Kind::time) return views_at_time(rec, m.time);
    return rec.snapshot_at(std::min(m.tick, rec.end_tick)).tasks;
}

bool is_kind(const Recording& rec, uint32_t primitive, const std::string& kind) {
    return primitive < rec.primitives.size() && kind == model::primitive_kind_name(rec.primitives[primitive].kind);
}

// Peaks over primitives of one kind, from the model's indexes rather than a snapshot per tick
// (a thousand tasks times thousands of ticks is seconds in a debug build):
// - waiters: the tasks' `waiting on` segments, counted per tick with a difference array
//   (as the inspector's waiter lists at each tick);
// - items, holders: the counts primitive_op markers carry (queue size, semaphore value after
//   the operation; docs/trace-events.md), a Lock is held once anyone acquired it.
FactResult primitive_peak(const Fact& f, const Recording& rec) {
    bool any = false;
    for (uint32_t p = 0; p < rec.primitives.size(); ++p) any = any || is_kind(rec, p, f.primitive);
    if (!any) return {false, "no " + f.primitive + " in this run"};
    int64_t peak = 0;
    if (f.kind == Fact::Kind::max_waiters) {
        std::vector<std::vector<int64_t>> diff(rec.primitives.size());
        for (auto& task : rec.tasks)
            for (auto& seg : task.segments) {
                if (seg.state != TaskState::waiting || seg.on != WaitOn::primitive || !is_kind(rec, seg.on_index, f.primitive))
                    continue;
                auto& d = diff[seg.on_index];
                if (d.empty()) d.assign(size_t(rec.end_tick) + 2, 0);
                // A waiting segment starts on the tick after the step that suspended, but the
                // inspector lists the waiter from that step's tick on: count it from there.
                d[std::min(seg.begin_tick > 0 ? seg.begin_tick - 1 : 0, rec.end_tick)] += 1;
                d[std::min(seg.end_tick, rec.end_tick + 1)] -= 1;
            }
        for (auto& d : diff) {
            int64_t n = 0;
            for (int64_t x : d) peak = std::max(peak, n += x);
        }
        return numeric(double(peak), f);
    }
    for (auto& m : rec.markers) {
        if (m.kind != model::MarkerKind::primitive_op || !is_kind(rec, m.primitive, f.primitive)) continue;
        const model::Primitive& p = rec.primitives[m.primitive];
        if (f.kind == Fact::Kind::max_items) {
            if (m.op == PrimitiveOp::queue_put || m.op == PrimitiveOp::queue_get) peak = std::max(peak, int64_t(m.count));
        } else if (p.kind == model::PrimitiveKind::lock) {
            if (m.op == PrimitiveOp::lock_acquire || m.op == PrimitiveOp::lock_acquired) peak = 1;
        } else if (m.op == PrimitiveOp::semaphore_acquire || m.op == PrimitiveOp::semaphore_acquired ||
                   m.op == PrimitiveOp::semaphore_release) {
            if (p.initial_value < 0) return {false, "the semaphore's initial value is not known"};
            peak = std::max(peak, p.initial_value - int64_t(m.count));
        }
    }
    return numeric(double(peak), f);
}

}  // namespace

FactResult eval_fact(const Fact& f, const Recording& rec) {
    switch (f.kind) {
        case Fact::Kind::ticks:
            return numeric(rec.last_tick, f);
        case Fact::Kind::longest_step: {
            double longest = 0;
            for (auto& h : rec.holder) longest = std::max(longest, h.end_time - h.begin_time);
            return numeric(longest, f);
        }
        case Fact::Kind::steps:
        case Fact::Kind::task_end:
        case Fact::Kind::task_state: {
            const uint32_t t = find_task(rec, f.task);
            if (t == kNone) return {false, "no task named '" + f.task + "' in this run"};
            const model::Task& task = rec.tasks[t];
            if (f.kind == Fact::Kind::steps) return numeric(task.steps, f);
            if (f.kind == Fact::Kind::task_end) {
                const char* end = task.end == model::TaskEnd::result      ? "done"
                                  : task.end == model::TaskEnd::exception ? "failed"
                                  : task.end == model::TaskEnd::cancelled ? "cancelled"
                                                                          : "still pending";
                return {f.state == end, end};
            }
            for (auto& v : views_at(rec, f.at))
                if (v.task == t) return {view_matches(rec, v, f), describe(rec, v)};
            return {false, "not created yet"};
        }
        case Fact::Kind::tasks_in_state: {
            size_t n = 0;
            for (auto& v : views_at(rec, f.at)) n += view_matches(rec, v, f);
            return numeric(double(n), f);
        }
        case Fact::Kind::max_tasks_in_state: {
            // Segment i of a task is its state `at t=T` for T in [begin_i, begin_{i+1}); a
            // segment that lasts no time is never one. Sweep those intervals in time order.
            std::vector<std::pair<double, int>> edges;
            for (uint32_t t = 0; t < rec.tasks.size(); ++t) {
                const auto& segs = rec.tasks[t].segments;
                for (size_t i = 0; i < segs.size(); ++i) {
                    const double end = i + 1 < segs.size() ? segs[i + 1].begin_time : model::kNever;
                    if (!(end > segs[i].begin_time) || !view_matches(rec, view_of(t, segs[i]), f)) continue;
                    edges.push_back({segs[i].begin_time, +1});
                    edges.push_back({end, -1});
                }
            }
            std::sort(edges.begin(), edges.end());  // at equal times -1 sorts first: T is after the ends
            int64_t n = 0, peak = 0;
            for (auto& [time, delta] : edges) peak = std::max(peak, n += delta);
            return numeric(double(peak), f);
        }
        case Fact::Kind::max_waiters:
        case Fact::Kind::max_holders:
        case Fact::Kind::max_items:
            return primitive_peak(f, rec);
    }
    return {false, "unknown fact"};
}

}  // namespace looplab::lessons
