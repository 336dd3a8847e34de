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
    case OpKind::timer_add: {
        auto before = [&](uint32_t x, uint32_t y) {
            double dx = rec.timers[x].due, dy = rec.timers[y].due;
            return dx < dy || (dx == dy && x < y);
        };
        s.timers.insert(std::upper_bound(s.timers.begin(), s.timers.end(), op.a, before), op.a);
        break;
    }
    case OpKind::timer_remove: erase_first(s.timers, op.a); break;
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

void Keyframes::build(const Recording& rec) {
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
