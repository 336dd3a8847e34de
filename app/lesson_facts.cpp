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
using model::Snapshot;
using model::TaskState;
using model::TaskView;
using model::WaitOn;

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

FactResult primitive_peak(const Fact& f, const Recording& rec) {
    bool any = false;
    for (auto& p : rec.primitives) any = any || f.primitive == model::primitive_kind_name(p.kind);
    if (!any) return {false, "no " + f.primitive + " in this run"};
    Snapshot snap;
    int64_t peak = 0;
    for (uint32_t k = 0; k <= rec.end_tick; ++k) {
        rec.snapshot_at(k, snap);
        for (auto& p : snap.primitives) {
            if (f.primitive != model::primitive_kind_name(p.kind)) continue;
            int64_t v = 0;
            if (f.kind == Fact::Kind::max_waiters) {
                v = int64_t(p.waiters.size() + p.putters.size() + p.joiners.size());
            } else if (f.kind == Fact::Kind::max_items) {
                v = p.size;
            } else if (p.kind == model::PrimitiveKind::semaphore || p.kind == model::PrimitiveKind::bounded_semaphore) {
                const int64_t initial = p.primitive < rec.primitives.size() ? rec.primitives[p.primitive].initial_value : -1;
                if (initial < 0 || p.value < 0) return {false, "the semaphore's value is not known"};
                v = initial - p.value;
            } else {
                v = p.holder != kNone ? 1 : 0;
            }
            peak = std::max(peak, v);
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
            std::vector<double> times;
            for (auto& t : rec.tasks)
                for (auto& seg : t.segments) times.push_back(seg.begin_time);
            std::sort(times.begin(), times.end());
            times.erase(std::unique(times.begin(), times.end()), times.end());
            size_t peak = 0;
            for (double T : times) {
                size_t n = 0;
                for (uint32_t t = 0; t < rec.tasks.size(); ++t)
                    if (const model::Segment* seg = segment_at_time(rec, t, T)) n += view_matches(rec, view_of(t, *seg), f);
                peak = std::max(peak, n);
            }
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
