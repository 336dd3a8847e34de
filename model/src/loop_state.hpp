#pragma once
// Private to the model: the loop's state that task segments do not already index (ready
// queue, timers, primitives), the operations that change it, and the keyframes that make
// seeking fast. The builder turns trace events into operations with every id resolved to an
// index; a snapshot copies the nearest keyframe and applies the operations after it.
#include <cstdint>
#include <deque>
#include <vector>

#include "looplab/model/recording.hpp"

namespace looplab::model {

enum class OpKind : uint8_t {
    ready_push_task,      // a = task index
    ready_push_callback,  // a = handle/timer/future trace id
    ready_remove_task,    // a = task index (its step began)
    ready_remove_callback,// a = trace id (the callback ran)
    timer_add,            // a = timer index
    timer_remove,         // a = timer index (fired or cancelled)
    prim_created,         // a = primitive index
    prim_op,              // a = primitive index, b = task index, c = PrimitiveOp | count << 8
    queue_items,          // a = primitive index, b = size, c = string id of the reprs
    waiter_leave,         // a = primitive index, b = task index (woken from a queue, or cancelled)
};

struct Op {
    OpKind kind;
    uint32_t a = 0, b = 0, c = 0;
};

struct PrimState {
    uint32_t holder = kNone;        // Lock holder
    int64_t value = -1;             // Semaphore value (-1: not known yet)
    bool flag = false;              // Event flag
    std::vector<uint32_t> waiters;  // waiters / queue getters
    std::vector<uint32_t> putters;  // queue putters
    std::vector<uint32_t> joiners;  // queue join() waiters
    uint32_t size = 0;              // queue size
    int64_t unfinished = 0;         // queue unfinished tasks
    uint32_t items = 0;             // string id of the item reprs (each ended by '\x1f')
    bool operator==(const PrimState&) const = default;
};

// A task's state or line changed at `tick`: its segment (or line) number `index` begins.
// Tasks' views are kept as keyframes plus these changes: a seek then reads only the tasks
// that changed since the keyframe, not 10,000 binary searches.
struct TaskChange {
    uint32_t tick;
    uint32_t task;
    uint32_t index;  // into Task::segments, or Task::lines when `line`
    bool line;
};

struct LoopState {
    std::deque<ReadyEntry> ready;   // the ready queue in order
    // Pending timers sorted by (due, index); the due time is kept alongside so the searches
    // stay in one contiguous array.
    struct PendingTimer {
        double due;
        uint32_t index;
        bool operator<(const PendingTimer& o) const { return due < o.due || (due == o.due && index < o.index); }
        bool operator==(const PendingTimer&) const = default;
    };
    std::vector<PendingTimer> timers;
    std::vector<PrimState> prims;   // by primitive index (those created so far)
};

class Keyframes {
public:
    std::vector<Op> ops;             // every operation of the run, in order
    std::vector<uint32_t> tick_ops;  // ops [0, tick_ops[k]) are applied at tick k; size end_tick + 1
    uint32_t every = Recording::kDefaultKeyframeEvery;
    std::vector<uint32_t> frame_op;  // keyframe i holds the state after ops [0, frame_op[i])
    std::vector<LoopState> frames;

    std::vector<TaskChange> changes;          // sorted by tick
    std::vector<uint32_t> task_frame_change;  // task keyframe i holds the views after changes [0, task_frame_change[i])
    std::vector<std::vector<TaskView>> task_frames;

    void build(const Recording& rec);
    // The state after ops [0, op_end): the nearest keyframe, then forward.
    void state_at(const Recording& rec, uint32_t op_end, LoopState& out) const;
    static void apply(const Recording& rec, LoopState& s, const Op& op);
    // Every task's view at `tick` (tasks created by then).
    void tasks_at(const Recording& rec, uint32_t tick, std::vector<TaskView>& out) const;
    static void apply(const Recording& rec, std::vector<TaskView>& views, const TaskChange& c);
};

}  // namespace looplab::model
