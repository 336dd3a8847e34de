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

// The timer heap's order: due time, then scheduling order (CPython's heap compares
// TimerHandles by `when`, ties in the order they were scheduled).
struct TimerOrder {
    const Recording& rec;
    bool operator()(uint32_t x, uint32_t y) const {
        double dx = rec.timers[x].due, dy = rec.timers[y].due;
        return dx < dy || (dx == dy && x < y);
    }
};

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

void Keyframes::apply(const Recording& rec, LoopState& s, const Op& op) {
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
        s.timers.insert(std::upper_bound(s.timers.begin(), s.timers.end(), op.a, TimerOrder{rec}), op.a);
        break;
    case OpKind::timer_remove: {
        // Sorted by (due, index): a binary search, not a scan (10,000 sleepers are common).
        auto it = std::lower_bound(s.timers.begin(), s.timers.end(), op.a, TimerOrder{rec});
        if (it != s.timers.end() && *it == op.a) s.timers.erase(it);
        break;
    }
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

void Keyframes::build(const Recording& rec) {
    // Task views: a keyframe every `task_every` changes, spaced so that all of them together
    // stay near 32 MiB (10,000 tasks: a keyframe is 560 KiB), and at least every `every`.
    {
        size_t view_bytes = std::max<size_t>(1, rec.tasks.size()) * sizeof(TaskView);
        size_t max_frames = std::max<size_t>(1, (size_t(32) << 20) / view_bytes);
        size_t task_every = std::max<size_t>({size_t(every ? every : 1), changes.size() / max_frames, 1});
        if (every == 0xFFFFFFFFu) task_every = SIZE_MAX;  // tests: no keyframe but the first
        task_frames.clear();
        task_frame_change.clear();
        std::vector<TaskView> views;
        task_frames.push_back(views);
        task_frame_change.push_back(0);
        for (size_t i = 0; i < changes.size(); ++i) {
            apply(rec, views, changes[i]);
            if ((i + 1) % task_every == 0) {
                task_frames.push_back(views);
                task_frame_change.push_back(uint32_t(i + 1));
            }
        }
    }
    if (every == 0) every = 1;
    frames.clear();
    frame_op.clear();
    LoopState s;
    frames.push_back(s);
    frame_op.push_back(0);
    for (size_t i = 0; i < ops.size(); ++i) {
        apply(rec, s, ops[i]);
        if ((i + 1) % every == 0) {
            frames.push_back(s);
            frame_op.push_back(uint32_t(i + 1));
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
    for (uint32_t i = frame_op[f]; i < op_end; ++i) apply(rec, out, ops[i]);
}

}  // namespace looplab::model
