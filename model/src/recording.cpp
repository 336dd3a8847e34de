// The Recording's look-ups: binary searches over its sorted vectors, and the words the
// panels show for states and markers.
#include "looplab/model/recording.hpp"

#include <algorithm>

#include "loop_state.hpp"

namespace looplab::model {

const char* task_state_name(TaskState s) {
    switch (s) {
    case TaskState::ready: return "ready";
    case TaskState::running: return "running";
    case TaskState::sleeping: return "sleeping";
    case TaskState::waiting: return "waiting";
    case TaskState::done: return "done";
    case TaskState::cancelled: return "cancelled";
    case TaskState::failed: return "failed";
    }
    return "unknown";
}

const char* primitive_kind_name(PrimitiveKind k) {
    switch (k) {
    case PrimitiveKind::lock: return "Lock";
    case PrimitiveKind::semaphore: return "Semaphore";
    case PrimitiveKind::bounded_semaphore: return "BoundedSemaphore";
    case PrimitiveKind::event: return "Event";
    case PrimitiveKind::condition: return "Condition";
    case PrimitiveKind::queue: return "Queue";
    case PrimitiveKind::priority_queue: return "PriorityQueue";
    case PrimitiveKind::lifo_queue: return "LifoQueue";
    case PrimitiveKind::other: return "primitive";
    }
    return "primitive";
}

const char* marker_kind_name(MarkerKind k) {
    switch (k) {
    case MarkerKind::created: return "created";
    case MarkerKind::print: return "print";
    case MarkerKind::stderr_write: return "stderr";
    case MarkerKind::cancel_requested: return "cancel requested";
    case MarkerKind::cancel_delivered: return "CancelledError thrown in";
    case MarkerKind::primitive_op: return "primitive operation";
    case MarkerKind::returned: return "returned";
    case MarkerKind::raised: return "raised";
    case MarkerKind::cancelled: return "cancelled";
    case MarkerKind::deadlock: return "deadlock";
    case MarkerKind::renamed: return "renamed";
    }
    return "marker";
}

Recording::Recording() = default;
Recording::~Recording() = default;
Recording::Recording(Recording&&) noexcept = default;
Recording& Recording::operator=(Recording&&) noexcept = default;

const std::string& Recording::str(uint32_t id) const {
    static const std::string empty;
    return id < strings.size() ? strings[id] : empty;
}

uint32_t Recording::task_index(uint32_t trace_id) const {
    auto it = std::lower_bound(tasks.begin(), tasks.end(), trace_id, [](const Task& t, uint32_t id) { return t.id < id; });
    return it != tasks.end() && it->id == trace_id ? uint32_t(it - tasks.begin()) : kNone;
}

uint32_t Recording::primitive_index(uint32_t trace_id) const {
    auto it = std::lower_bound(primitives.begin(), primitives.end(), trace_id,
                               [](const Primitive& p, uint32_t id) { return p.id < id; });
    return it != primitives.end() && it->id == trace_id ? uint32_t(it - primitives.begin()) : kNone;
}

double Recording::time_of_tick(uint32_t tick) const {
    if (tick_times.empty()) return 0;
    return tick_times[std::min<size_t>(tick, tick_times.size() - 1)];
}

uint32_t Recording::tick_at_time(double t) const {
    auto it = std::upper_bound(tick_times.begin(), tick_times.end(), t);
    return it == tick_times.begin() ? 0 : uint32_t(it - tick_times.begin() - 1);
}

uint32_t Recording::tick_of_event(size_t event_index) const {
    // tick_events[k] is where tick k starts; the last start <= event_index.
    auto it = std::upper_bound(tick_events.begin(), tick_events.end(), uint32_t(event_index));
    uint32_t k = it == tick_events.begin() ? 0 : uint32_t(it - tick_events.begin() - 1);
    return std::min(k, end_tick);
}

size_t Recording::first_event_of_tick(uint32_t tick) const {
    if (tick_events.empty()) return 0;
    return tick_events[std::min<size_t>(tick, tick_events.size() - 1)];
}

const Segment* Recording::segment_at(uint32_t task, uint32_t tick) const {
    if (task >= tasks.size()) return nullptr;
    const auto& segs = tasks[task].segments;
    // The last segment beginning at or before `tick` (zero-length ones are passed over).
    auto it = std::upper_bound(segs.begin(), segs.end(), tick, [](uint32_t k, const Segment& s) { return k < s.begin_tick; });
    return it == segs.begin() ? nullptr : &*(it - 1);
}

const LinePoint* Recording::line_at(uint32_t task, uint32_t tick) const {
    if (task >= tasks.size()) return nullptr;
    const auto& lines = tasks[task].lines;
    auto it = std::upper_bound(lines.begin(), lines.end(), tick, [](uint32_t k, const LinePoint& l) { return k < l.tick; });
    return it == lines.begin() ? nullptr : &*(it - 1);
}

size_t Recording::console_end(uint32_t tick) const {
    return size_t(std::upper_bound(console.begin(), console.end(), tick, [](uint32_t k, const ConsoleLine& c) { return k < c.tick; }) -
                  console.begin());
}

size_t Recording::markers_end(uint32_t tick) const {
    return size_t(std::upper_bound(markers.begin(), markers.end(), tick, [](uint32_t k, const Marker& m) { return k < m.tick; }) -
                  markers.begin());
}

std::string Recording::describe(const Segment& s) const {
    std::string out = task_state_name(s.state);
    std::string what = str(s.label);
    switch (s.on) {
    case WaitOn::nothing: break;
    case WaitOn::timer: out += " until " + format_time(s.until); return out;
    case WaitOn::task: out += " for " + (s.on_index < tasks.size() ? tasks[s.on_index].name : what); break;
    case WaitOn::primitive:
        out += " on " + (s.on_index < primitives.size() ? primitives[s.on_index].name : std::string("a primitive"));
        if (!what.empty()) out += " (" + what + ")";
        break;
    case WaitOn::future: out += " on " + (what.empty() ? std::string("a Future") : what); break;
    }
    if (s.on != WaitOn::timer && s.until != kNever) out += ", timeout at " + format_time(s.until);
    return out;
}

std::string Recording::describe(const Marker& m) const {
    auto task_name = [&](uint32_t i) { return i < tasks.size() ? tasks[i].name : std::string("the loop"); };
    switch (m.kind) {
    case MarkerKind::created:
        return "created" + (m.other != kNone ? " by " + task_name(m.other) : std::string());
    case MarkerKind::print: return "print: " + str(m.text);
    case MarkerKind::stderr_write: return "stderr: " + str(m.text);
    case MarkerKind::cancel_requested:
        return "cancel requested" + (m.other != kNone ? " by " + task_name(m.other) : std::string()) +
               (m.text ? " (" + str(m.text) + ")" : std::string());
    case MarkerKind::cancel_delivered: return "CancelledError thrown in";
    case MarkerKind::primitive_op: {
        std::string out = primitive_op_name(m.op);
        out += " " + (m.primitive < primitives.size() ? primitives[m.primitive].name : std::string("primitive"));
        if (m.count) out += " (" + std::to_string(m.count) + ")";
        return out;
    }
    case MarkerKind::returned: return "returned";
    case MarkerKind::raised: return "raised an exception";
    case MarkerKind::cancelled: return "cancelled";
    case MarkerKind::deadlock: return "deadlock: still waiting when nothing else could run";
    case MarkerKind::renamed: return "renamed to " + str(m.text);
    }
    return "";
}

// --- snapshots -------------------------------------------------------------------------------

Snapshot Recording::snapshot_at(uint32_t tick) const {
    Snapshot s;
    snapshot_at(tick, s);
    return s;
}

void Recording::snapshot_at(uint32_t tick, Snapshot& out) const {
    tick = std::min(tick, end_tick);
    out.tick = tick;
    out.time = time_of_tick(tick);
    out.holder = tick >= 1 && tick <= holder.size() ? holder[tick - 1].task : kNone;

    // Tasks (in creation order) and the loop's state: the nearest keyframe, replayed forward.
    thread_local LoopState state;  // reused: seeking allocates nothing once warmed up
    if (keyframes_ && !keyframes_->tick_ops.empty()) {
        keyframes_->tasks_at(*this, tick, out.tasks);
        keyframes_->state_at(*this, keyframes_->tick_ops[std::min<size_t>(tick, keyframes_->tick_ops.size() - 1)], state);
    } else {
        state = LoopState{};
        out.tasks.clear();
    }
    out.ready.assign(state.ready.begin(), state.ready.end());
    out.timers.resize(state.timers.size());
    for (size_t i = 0; i < state.timers.size(); ++i) {
        const Timer& t = timers[state.timers[i].index];
        out.timers[i] = TimerView{state.timers[i].index, t.due, t.task, t.label};
    }
    out.primitives.resize(state.prims.size());
    for (size_t i = 0; i < state.prims.size(); ++i) {
        const PrimState& p = state.prims[i];
        PrimitiveView& v = out.primitives[i];
        v.primitive = uint32_t(i);
        v.kind = primitives[i].kind;
        v.holder = p.holder;
        v.value = p.value >= 0 ? p.value : primitives[i].initial_value;
        v.flag = v.kind == PrimitiveKind::lock ? p.holder != kNone : p.flag;
        v.waiters = p.waiters;
        v.putters = p.putters;
        v.joiners = p.joiners;
        v.size = p.size;
        v.unfinished = p.unfinished;
        v.items.clear();
        const std::string& all = str(p.items);
        for (size_t b = 0, x; (x = all.find('\x1f', b)) != std::string::npos; b = x + 1) v.items.emplace_back(all, b, x - b);
    }
    out.console_end = console_end(tick);
    out.markers_end = markers_end(tick);
}

Snapshot Recording::snapshot_at_time(double t) const {
    Snapshot s;
    snapshot_at_time(t, s);
    return s;
}

void Recording::snapshot_at_time(double t, Snapshot& out) const {
    uint32_t k = tick_at_time(t);
    snapshot_at(k, out);
    if (!(t > out.time) || out.holder == kNone) return;
    // Idle between steps: the holder's step is over.
    TaskView& v = out.tasks[out.holder];
    const Segment* run = segment_at(out.holder, k);
    const auto& segs = tasks[out.holder].segments;
    if (run && run + 1 < segs.data() + segs.size()) {
        const Segment* s = run + 1;
        v.state = s->state;
        v.on = s->on;
        v.on_index = s->on_index;
        v.future = s->future;
        v.label = s->label;
        v.until = s->until;
        v.since_tick = s->begin_tick;
        v.since_time = s->begin_time;
    }
    out.holder = kNone;
    out.time = t;
}

// --- comparisons (tests compare whole snapshots) ----------------------------------------------

bool operator==(const TaskView& a, const TaskView& b) {
    return a.task == b.task && a.state == b.state && a.on == b.on && a.on_index == b.on_index && a.future == b.future &&
           a.label == b.label && a.until == b.until && a.since_tick == b.since_tick && a.since_time == b.since_time &&
           a.line == b.line && a.file == b.file;
}
bool operator==(const ReadyEntry& a, const ReadyEntry& b) { return a.is_task == b.is_task && a.task == b.task && a.handle == b.handle; }
bool operator==(const TimerView& a, const TimerView& b) {
    return a.timer == b.timer && a.due == b.due && a.task == b.task && a.label == b.label;
}
bool operator==(const PrimitiveView& a, const PrimitiveView& b) {
    return a.primitive == b.primitive && a.kind == b.kind && a.holder == b.holder && a.value == b.value && a.flag == b.flag &&
           a.waiters == b.waiters && a.putters == b.putters && a.joiners == b.joiners && a.size == b.size &&
           a.unfinished == b.unfinished && a.items == b.items;
}
bool operator==(const Snapshot& a, const Snapshot& b) {
    return a.tick == b.tick && a.time == b.time && a.holder == b.holder && a.tasks == b.tasks && a.ready == b.ready &&
           a.timers == b.timers && a.primitives == b.primitives && a.console_end == b.console_end && a.markers_end == b.markers_end;
}

}  // namespace looplab::model
