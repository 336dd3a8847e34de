// Keyframes: the loop's state (ready queue, timers, primitives) every K operations, so a
// snapshot anywhere costs one copy plus at most K operations, backward or forward alike.
// Task states need no keyframes: their segments are already an index.
#include <algorithm>

#include "loop_state.hpp"

namespace looplab::model {

namespace {

void erase_first(std::vector<uint32_t>& v, uint32_t x) {
    auto it = std::find(v.begin(), v.end(), x);
    if (it != v.end()) v.erase(it);
}

// asyncio removes a ready entry when it runs; that is nearly always the front.
template <class Match>
void erase_ready(std::deque<ReadyEntry>& q, Match match) {
    if (!q.empty() && match(q.front())) {
        q.pop_front();
        return;
    }
    auto it = std::find_if(q.begin(), q.end(), match);
    if (it != q.end()) q.erase(it);
}

void prim_op(PrimState& p, uint32_t task, uint32_t arg) {
    const auto op = PrimitiveOp(arg & 0xFF);
    const uint32_t count = arg >> 8;
    switch (op) {
    case PrimitiveOp::lock_acquire: p.holder = task; break;
    case PrimitiveOp::lock_wait:
    case PrimitiveOp::event_wait:
    case PrimitiveOp::condition_wait:
    case PrimitiveOp::queue_get_wait:
        // A woken getter that finds the queue empty again waits again, at the back.
        erase_first(p.waiters, task);
        p.waiters.push_back(task);
        if (op == PrimitiveOp::queue_get_wait) p.size = 0;
        break;
    case PrimitiveOp::semaphore_wait:
        erase_first(p.waiters, task);
        p.waiters.push_back(task);
        p.value = 0;
        break;
    case PrimitiveOp::lock_acquired:
        erase_first(p.waiters, task);
        p.holder = task;
        break;
    case PrimitiveOp::lock_release: p.holder = kNone; break;
    case PrimitiveOp::event_set:
        p.flag = true;
        p.waiters.clear();  // every waiter is woken
        break;
    case PrimitiveOp::event_clear: p.flag = false; break;
    case PrimitiveOp::event_woken: erase_first(p.waiters, task); break;
    case PrimitiveOp::condition_notify:
        p.waiters.erase(p.waiters.begin(), p.waiters.begin() + std::min<size_t>(count, p.waiters.size()));
        break;
    case PrimitiveOp::semaphore_acquire:
    case PrimitiveOp::semaphore_release: p.value = count; break;
    case PrimitiveOp::semaphore_acquired:
        erase_first(p.waiters, task);
        p.value = count;
        break;
    case PrimitiveOp::queue_put:
        erase_first(p.putters, task);
        p.size = count;
        ++p.unfinished;
        break;
    case PrimitiveOp::queue_put_wait:
        erase_first(p.putters, task);
        p.putters.push_back(task);
        break;
    case PrimitiveOp::queue_get:
        erase_first(p.waiters, task);
        p.size = count;
        break;
    case PrimitiveOp::queue_task_done:
        p.unfinished = count;
        if (count == 0) p.joiners.clear();  // join() waiters are released
        break;
    case PrimitiveOp::queue_join_wait:
        erase_first(p.joiners, task);
        p.joiners.push_back(task);
        break;
    }
}

}  // namespace

void Keyframes::apply(const Recording&, LoopState& s, const Op& op) {
    switch (op.kind) {
    case OpKind::ready_push_task: s.ready.push_back(ReadyEntry{true, op.a, 0}); break;
    case OpKind::ready_push_callback: s.ready.push_back(ReadyEntry{false, kNone, op.a}); break;
    case OpKind::ready_remove_task:
        erase_ready(s.ready, [&](const ReadyEntry& e) { return e.is_task && e.task == op.a; });
        break;
    case OpKind::ready_remove_callback:
        erase_ready(s.ready, [&](const ReadyEntry& e) { return !e.is_task && e.handle == op.a; });
        break;
    case OpKind::timer_add:
    case OpKind::timer_remove: break;  // by the callers, in bulk (TimerChanges)
    case OpKind::prim_created:
        if (s.prims.size() <= op.a) s.prims.resize(op.a + 1);
        break;
    case OpKind::prim_op:
        if (op.a < s.prims.size()) prim_op(s.prims[op.a], op.b, op.c);
        break;
    case OpKind::queue_items:
        if (op.a < s.prims.size()) {
            s.prims[op.a].size = op.b;
            s.prims[op.a].items = op.c;
        }
        break;
    case OpKind::waiter_leave:
        if (op.a < s.prims.size()) {
            PrimState& p = s.prims[op.a];
            erase_first(p.waiters, op.b);
            erase_first(p.putters, op.b);
            erase_first(p.joiners, op.b);
        }
        break;
    }
}

void Keyframes::apply(const Recording& rec, std::vector<TaskView>& views, const TaskChange& c) {
    if (c.task >= views.size()) {
        size_t from = views.size();
        views.resize(c.task + 1);
        for (size_t i = from; i < views.size(); ++i) views[i].task = uint32_t(i);
    }
    TaskView& v = views[c.task];
    const Task& t = rec.tasks[c.task];
    if (c.line) {
        v.line = t.lines[c.index].line;
        v.file = t.lines[c.index].file;
        return;
    }
    const Segment& s = t.segments[c.index];
    v.state = s.state;
    v.on = s.on;
    v.on_index = s.on_index;
    v.future = s.future;
    v.label = s.label;
    v.until = s.until;
    v.since_tick = s.begin_tick;
    v.since_time = s.begin_time;
}

void Keyframes::tasks_at(const Recording& rec, uint32_t tick, std::vector<TaskView>& out) const {
    uint32_t n = uint32_t(std::upper_bound(changes.begin(), changes.end(), tick, [](uint32_t k, const TaskChange& c) { return k < c.tick; }) -
                          changes.begin());
    size_t f = size_t(std::upper_bound(task_frame_change.begin(), task_frame_change.end(), n) - task_frame_change.begin());
    f = f == 0 ? 0 : f - 1;
    out = task_frames[f];
    for (uint32_t i = task_frame_change[f]; i < n; ++i) apply(rec, out, changes[i]);
}

namespace {

// Timers in the order they fire: due time, then scheduling order (CPython's heap compares
// TimerHandles by `when`, ties in the order they were scheduled). With 10,000 sleepers,
// inserting into a sorted array one by one moves megabytes per seek; the changes since the
// keyframe are collected and merged once instead.
struct TimerChanges {
    std::vector<LoopState::PendingTimer> added, removed;

    bool take(const Recording& rec, const Op& op) {
        if (op.kind != OpKind::timer_add && op.kind != OpKind::timer_remove) return false;
        (op.kind == OpKind::timer_add ? added : removed).push_back(LoopState::PendingTimer{rec.timers[op.a].due, op.a});
        return true;
    }
    void merge_into(std::vector<LoopState::PendingTimer>& timers) {
        if (added.empty() && removed.empty()) return;
        std::sort(added.begin(), added.end());
        std::sort(removed.begin(), removed.end());
        std::vector<LoopState::PendingTimer> out;
        out.reserve(timers.size() + added.size());
        std::merge(timers.begin(), timers.end(), added.begin(), added.end(), std::back_inserter(out));
        if (!removed.empty())
            out.erase(std::remove_if(out.begin(), out.end(),
                                     [&](const LoopState::PendingTimer& t) { return std::binary_search(removed.begin(), removed.end(), t); }),
                      out.end());
        timers.swap(out);
        added.clear();
        removed.clear();
    }
};

constexpr size_t kKeyframeBudget = size_t(32) << 20;  // bytes, for each kind of keyframe

size_t bytes_of(const LoopState& s) {
    size_t n = sizeof(LoopState) + s.ready.size() * sizeof(ReadyEntry) + s.timers.size() * sizeof(LoopState::PendingTimer);
    for (const PrimState& p : s.prims) n += sizeof(PrimState) + (p.waiters.size() + p.putters.size() + p.joiners.size()) * 4;
    return n;
}
size_t bytes_of(const std::vector<TaskView>& v) { return sizeof(v) + v.size() * sizeof(TaskView); }

// Keyframes every `spacing` steps within a memory budget: when they outgrow it, every
// other one goes and the spacing doubles, so a long run keeps evenly spaced keyframes
// whatever the size of its state (10,000 sleeping tasks make every keyframe big).
template <class Frame>
struct FrameSeries {
    std::vector<Frame>& frames;
    std::vector<uint32_t>& at;
    size_t spacing;
    size_t bytes = 0;

    void start(const Frame& first) {
        frames.clear();
        at.clear();
        frames.push_back(first);
        at.push_back(0);
        bytes = bytes_of(first);
    }
    bool due(size_t done) const { return done % spacing == 0; }
    void after(size_t done, const Frame& state) {
        if (!due(done)) return;
        frames.push_back(state);
        at.push_back(uint32_t(done));
        bytes += bytes_of(state);
        if (bytes <= kKeyframeBudget || frames.size() < 3) return;
        size_t kept = 0;
        bytes = 0;
        for (size_t i = 0; i < frames.size(); i += 2, ++kept) {
            if (kept != i) {
                frames[kept] = std::move(frames[i]);
                at[kept] = at[i];
            }
            bytes += bytes_of(frames[kept]);
        }
        frames.resize(kept);
        at.resize(kept);
        spacing *= 2;
    }
};

}  // namespace

void Keyframes::build(const Recording& rec) {
    const size_t spacing = every == 0 ? 1 : every == 0xFFFFFFFFu ? SIZE_MAX : every;  // the last: tests, replay from the start
    std::vector<TaskView> views;
    FrameSeries<std::vector<TaskView>> tf{task_frames, task_frame_change, spacing};
    tf.start(views);
    for (size_t i = 0; i < changes.size(); ++i) {
        apply(rec, views, changes[i]);
        tf.after(i + 1, views);
    }
    LoopState s;
    FrameSeries<LoopState> lf{frames, frame_op, spacing};
    lf.start(s);
    TimerChanges tc;
    for (size_t i = 0; i < ops.size(); ++i) {
        if (!tc.take(rec, ops[i])) apply(rec, s, ops[i]);
        if (lf.due(i + 1)) {
            tc.merge_into(s.timers);
            lf.after(i + 1, s);
        }
    }
}

void Keyframes::state_at(const Recording& rec, uint32_t op_end, LoopState& out) const {
    op_end = std::min<uint32_t>(op_end, uint32_t(ops.size()));
    size_t f = size_t(std::upper_bound(frame_op.begin(), frame_op.end(), op_end) - frame_op.begin());
    f = f == 0 ? 0 : f - 1;
    const LoopState& k = frames[f];
    out.ready = k.ready;
    out.timers = k.timers;
    out.prims = k.prims;
    thread_local TimerChanges tc;
    for (uint32_t i = frame_op[f]; i < op_end; ++i)
        if (!tc.take(rec, ops[i])) apply(rec, out, ops[i]);
    tc.merge_into(out.timers);
}

}  // namespace looplab::model
