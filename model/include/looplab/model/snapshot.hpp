#pragma once
// The state of a run at one tick (Recording::snapshot_at): what the inspector, the code view
// and the console show at the current moment. Plain data; indices point into the Recording.
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace looplab::model {

inline constexpr uint32_t kNone = 0xFFFFFFFFu;                          // "no task/primitive/…" index
inline constexpr double kNever = std::numeric_limits<double>::infinity();  // "no due time"

enum class TaskState : uint8_t {
    ready,      // scheduled: in the ready queue (also before its first step)
    running,    // holds the loop at this tick
    sleeping,   // awaits asyncio.sleep: until Segment::until
    waiting,    // awaits something else (a task, a primitive, a future)
    done,       // returned
    cancelled,  // ended by CancelledError
    failed,     // raised an exception
};
const char* task_state_name(TaskState s);

// What a waiting or sleeping task waits for.
enum class WaitOn : uint8_t {
    nothing,    // not waiting
    timer,      // a future a timer resolves (asyncio.sleep)
    task,       // another task (on_index = its index)
    primitive,  // a Lock/Semaphore/Event/Condition/Queue waiter (on_index = primitive index)
    future,     // another future: gather, wait, wait_for, shield, a bare Future… (label says which)
};

enum class PrimitiveKind : uint8_t { lock, semaphore, bounded_semaphore, event, condition, queue, priority_queue, lifo_queue, other };
const char* primitive_kind_name(PrimitiveKind k);  // "Lock", "Semaphore"… as in the trace

// One task at the moment.
struct TaskView {
    uint32_t task = kNone;      // index into Recording::tasks
    TaskState state = TaskState::ready;
    WaitOn on = WaitOn::nothing;  // what it waits for (sleeping/waiting)
    uint32_t on_index = kNone;  // task or primitive index, by `on`
    uint32_t future = 0;        // trace id of the awaited future
    uint32_t label = 0;         // string id of what it awaits ("sleep", "Lock.acquire"…)
    double until = kNever;      // sleeping: wake-up time; waiting with a timeout: its due time (kNever: none)
    uint32_t since_tick = 0;    // tick this state began
    double since_time = 0;      // virtual time this state began
    uint32_t line = 0;          // source line it is at (0: unknown)
    uint32_t file = 0;          // string id of that line's file
};

// An entry of the loop's ready queue (base_events._ready), in run order.
struct ReadyEntry {
    bool is_task = true;        // a task's step/wake-up; false: a callback (timer, future callback)
    uint32_t task = kNone;      // task index when is_task
    uint32_t handle = 0;        // trace id of the handle/timer/future when a callback
};

// A pending timer (the loop's _scheduled heap), sorted by due time then scheduling order.
struct TimerView {
    uint32_t timer = kNone;     // index into Recording::timers
    double due = 0;             // when it fires
    uint32_t task = kNone;      // the task sleeping on it (kNone: none / a callback)
    uint32_t label = 0;         // string id: "sleep", "wait_for"…
};

// A primitive at the moment. Waiter lists hold task indices in wake-up order.
struct PrimitiveView {
    uint32_t primitive = kNone;       // index into Recording::primitives
    PrimitiveKind kind = PrimitiveKind::other;
    uint32_t holder = kNone;          // Lock (and a Condition's lock): the task holding it
    int64_t value = -1;               // Semaphore: its value (-1: unknown)
    bool flag = false;                // Event: is_set(); Lock: locked()
    std::vector<uint32_t> waiters;    // Lock/Semaphore/Event/Condition waiters; Queue: waiting getters
    std::vector<uint32_t> putters;    // Queue: tasks waiting to put (queue full)
    std::vector<uint32_t> joiners;    // Queue: tasks waiting in join()
    uint32_t size = 0;                // Queue: qsize()
    int64_t unfinished = 0;           // Queue: unfinished tasks (put() not yet matched by task_done())
    std::vector<std::string> items;   // Queue: item reprs in storage order (FIFO / heap / stack bottom first), at most 100
};

struct Snapshot {
    uint32_t tick = 0;                     // the moment
    double time = 0;                       // virtual time at that tick
    uint32_t holder = kNone;               // task index holding the loop (kNone at tick 0 and end_tick)
    std::vector<TaskView> tasks;           // every task created by this tick, in creation order
    std::vector<ReadyEntry> ready;         // the ready queue in order
    std::vector<TimerView> timers;         // pending timers by due time
    std::vector<PrimitiveView> primitives; // every primitive created by this tick, in creation order
    size_t console_end = 0;                // Recording::console[0, console_end) is printed by now
    size_t markers_end = 0;                // Recording::markers[0, markers_end) happened by now
};

bool operator==(const TaskView& a, const TaskView& b);
bool operator==(const ReadyEntry& a, const ReadyEntry& b);
bool operator==(const TimerView& a, const TimerView& b);
bool operator==(const PrimitiveView& a, const PrimitiveView& b);
bool operator==(const Snapshot& a, const Snapshot& b);

}  // namespace looplab::model
