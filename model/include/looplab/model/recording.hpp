#pragma once
// The GUI's data model of one run: built once from the runtime's trace (EventLog +
// StringTable), then read by every panel. Plain structs and sorted vectors (Tracy style):
// panels binary-search the visible range, nothing here knows about drawing.
//
// Ticks. Tick k (1..last_tick) is the k-th task step. A snapshot at tick k shows the moment
// the step of tick k ends: the task of that step is shown `running` (it holds the loop), the
// effects of everything it did are visible. The loop's own work between two steps (timers
// firing, the clock jumping, callbacks) belongs to the next tick. Tick 0 is before the first
// step; `end_tick` (= last_tick + 1) is after the run: every event applied, nobody running.
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "looplab/model/snapshot.hpp"
#include "looplab/trace.hpp"

namespace looplab::model {

// What a task is doing over a stretch of ticks (declared in snapshot.hpp): TaskState, WaitOn.

// A run of one state of one task: [begin_tick, end_tick) × [begin_time, end_time).
struct Segment {
    uint32_t begin_tick = 0;    // first tick in this state
    uint32_t end_tick = 0;      // first tick no longer in it (the recording's end_tick + 1 if it lasts)
    double begin_time = 0;      // virtual time it began
    double end_time = 0;        // virtual time it ended (a step usually takes no time: equal)
    TaskState state = TaskState::ready;  // running, ready, sleeping, waiting, done, cancelled, failed
    WaitOn on = WaitOn::nothing;         // what a waiting/sleeping task waits for
    uint32_t on_index = kNone;  // task index (WaitOn::task), primitive index (WaitOn::primitive), else kNone
    uint32_t future = 0;        // trace id of the awaited future (0: none)
    uint32_t label = 0;         // string id: "sleep", "Lock.acquire", "gather", a task's name...
    double until = kNever;      // due time of the timer that resolves the awaited future (sleep, timeouts)
};

// Where a task's coroutine is after a step (from the trace's task_line events).
struct LinePoint {
    uint32_t tick = 0;  // from this tick on (its step's tick; its creation tick for the `def` line)
    uint32_t line = 0;  // 1-based source line (0: unknown)
    uint32_t file = 0;  // string id of the file name (compare with Recording::source_path)
};

// How a task ended.
enum class TaskEnd : uint8_t {
    pending,    // still not done when the run ended
    result,     // returned
    exception,  // raised
    cancelled,  // ended by CancelledError
};

struct Task {
    uint32_t id = 0;            // trace id (tasks, futures, timers, primitives share one id space)
    std::string name;           // name at the end of the run (Task.set_name may change it)
    uint32_t colour = 0;        // creation ordinal 0, 1, 2…: the GUI maps it to its palette
    uint32_t parent = kNone;    // index of the creating task (kNone: created outside any task)
    uint32_t created_tick = 0;  // tick of its creation
    double created_time = 0;    // virtual time of its creation
    uint32_t end_tick = 0;      // tick of its last step (the recording's end_tick if pending)
    double end_time = 0;        // virtual time it ended (the run's last time if pending)
    TaskEnd end = TaskEnd::pending;  // result / exception / cancelled / still pending
    uint32_t steps = 0;         // how many steps it ran
    std::vector<Segment> segments;   // contiguous from created_tick to the recording's end_tick + 1
    std::vector<LinePoint> lines;    // the line after each step, sorted by tick
    std::vector<uint32_t> markers;   // indices into Recording::markers, in order
};

// One step in the loop-holder lane: tick k is holder[k - 1].
struct HolderStep {
    uint32_t task = kNone;   // index of the task that ran the step
    double begin_time = 0;   // virtual time at step_begin
    double end_time = 0;     // virtual time at step_end (more than begin_time only for blocking calls)
};

enum class MarkerKind : uint8_t {
    created,            // task created (task = the new task, other = its creator)
    print,              // wrote to stdout (text = what it wrote)
    stderr_write,       // wrote to stderr: warnings, tracebacks (text)
    cancel_requested,   // task = the target, other = the requesting task, text = message
    cancel_delivered,   // CancelledError thrown into the task
    primitive_op,       // task did `op` on primitive `primitive` (count: value/size after)
    returned,           // the task's coroutine returned
    raised,             // the task's coroutine raised
    cancelled,          // the task ended cancelled
    deadlock,           // the run ended in a deadlock with this task waiting
    renamed,            // Task.set_name (text = the new name)
};
const char* marker_kind_name(MarkerKind k);

// A point event on a task's lane. Suspends and resumes are not markers: they are the
// boundaries of the holder lane's steps and of the task's running segments.
struct Marker {
    uint32_t tick = 0;               // snapshot tick it belongs to
    double time = 0;                 // virtual time
    uint32_t task = kNone;           // task index it is drawn on (kNone: the loop itself)
    MarkerKind kind = MarkerKind::print;
    PrimitiveOp op = PrimitiveOp::lock_acquire;  // for primitive_op
    uint32_t primitive = kNone;      // primitive index, for primitive_op
    uint32_t other = kNone;          // second task index (creator, canceller), else kNone
    uint32_t count = 0;              // primitive_op count (value, size, woken…), see docs/trace-events.md
    uint32_t text = 0;               // string id (print/stderr text, cancel message, new name)
    uint32_t event = 0;              // index of the trace event in Recording::events
};

// A wake-up: the completion of `future` (in the waker's step, or by the loop: a timer) made
// the wakee ready; drawn from (from_tick, from_time) to the wakee's next step.
struct Flow {
    uint32_t from_tick = 0;     // tick of the wake-up (the waker's step, or the loop's work before a step)
    double from_time = 0;       // virtual time of the wake-up
    uint32_t from_task = kNone; // waker task index (kNone: the loop itself, e.g. a timer)
    uint32_t to_tick = 0;       // tick of the wakee's next step (end_tick if it never ran again)
    double to_time = 0;         // virtual time of that step
    uint32_t to_task = kNone;   // wakee task index
    uint32_t future = 0;        // trace id of the future whose completion woke it
};

enum class Stream : uint8_t { out, err };

// One line of the program's output (a write without a final newline is continued by the
// next write to the same stream; the line keeps the tick of its first part).
struct ConsoleLine {
    uint32_t tick = 0;        // snapshot tick it appeared at
    double time = 0;          // virtual time
    uint32_t task = kNone;    // printing task index (kNone: outside any task)
    Stream stream = Stream::out;  // stdout or stderr
    std::string text;         // without the trailing newline
};

// A lock, semaphore, event, condition or queue of the run.
struct Primitive {
    uint32_t id = 0;            // trace id
    PrimitiveKind kind = PrimitiveKind::other;  // Lock, Semaphore, Event…
    std::string name;           // "Lock 1", "Queue 2": the n-th of its kind, as the --events export
    uint32_t created_tick = 0;  // tick it was created
    int64_t initial_value = -1; // Semaphore: value before its first operation (-1: unknown)
};

// A timer the loop scheduled (asyncio.sleep, timeouts, call_later).
struct Timer {
    uint32_t id = 0;            // trace id
    double due = 0;             // when it fires
    uint32_t future = 0;        // trace id of the future it resolves (0: a plain callback)
    uint32_t task = kNone;      // the task sleeping on that future, when one awaits it
    uint32_t label = 0;         // string id of the future's label ("sleep", "wait_for"…)
    uint32_t set_tick = 0;      // tick it was scheduled
};

class Keyframes;  // snapshot.cpp: loop state every K operations

class Recording {
public:
    Recording();
    ~Recording();
    Recording(Recording&&) noexcept;
    Recording& operator=(Recording&&) noexcept;

    // --- the run ------------------------------------------------------------------------------
    std::string source_path;            // the scenario file
    std::string source_text;            // its text (the code view shows this version)
    std::vector<TraceEvent> events;     // a copy of the trace, in order
    std::vector<std::string> strings;   // the trace's strings (ids as in the events) + the model's own
    std::vector<double> numbers;        // Tracer::numbers()

    // --- indexes --------------------------------------------------------------------------------
    std::vector<Task> tasks;            // in creation order (= trace id order)
    std::vector<HolderStep> holder;     // one per tick 1..last_tick
    std::vector<Marker> markers;        // sorted by (tick, event)
    std::vector<Flow> flows;            // sorted by from_tick
    std::vector<ConsoleLine> console;   // sorted by tick
    std::vector<Primitive> primitives;  // in creation order
    std::vector<Timer> timers;          // in scheduling order
    std::vector<double> tick_times;     // virtual time of each tick 0..end_tick (non-decreasing)
    std::vector<uint32_t> tick_events;  // tick k covers events [tick_events[k], tick_events[k + 1]); size end_tick + 2
    uint32_t last_tick = 0;             // steps in the run
    uint32_t end_tick = 0;              // last_tick + 1: after the run
    double end_time = 0;                // virtual time of the last event
    bool deadlocked = false;            // the run ended with a deadlock report

    // --- look-ups (binary search) -----------------------------------------------------------
    const std::string& str(uint32_t id) const;          // a string by id ("" if out of range)
    uint32_t task_index(uint32_t trace_id) const;       // kNone if no such task
    uint32_t primitive_index(uint32_t trace_id) const;  // kNone if no such primitive
    double time_of_tick(uint32_t tick) const;           // clamped to [0, end_tick]
    uint32_t tick_at_time(double t) const;              // last tick whose time <= t (0 before)
    uint32_t tick_of_event(size_t event_index) const;   // the snapshot tick an event belongs to
    size_t first_event_of_tick(uint32_t tick) const;    // index of its first event
    // The segment of task `task` (index) at `tick`; null before its creation.
    const Segment* segment_at(uint32_t task, uint32_t tick) const;
    // The line task `task` is at on `tick` (null before its first task_line).
    const LinePoint* line_at(uint32_t task, uint32_t tick) const;
    // Console lines [0, n) are visible at `tick`.
    size_t console_end(uint32_t tick) const;
    // Markers [0, n) happened by `tick`.
    size_t markers_end(uint32_t tick) const;
    // "waiting on Lock 1 (Lock.acquire)", "sleeping until 3", "done": for tooltips/inspector.
    std::string describe(const Segment& s) const;
    std::string describe(const Marker& m) const;

    // --- moments ------------------------------------------------------------------------------
    // Everything at `tick` (clamped to end_tick): from the nearest keyframe, replaying forward.
    Snapshot snapshot_at(uint32_t tick) const;
    // The same into an existing snapshot, reusing its memory (what the GUI calls every frame).
    void snapshot_at(uint32_t tick, Snapshot& out) const;
    // The moment at virtual time t. At the time of a step: the last step at that time (as
    // snapshot_at(tick_at_time(t))). Between steps, while the loop waits for its next timer:
    // nobody holds the loop and the last step's task is shown in the state it went on to.
    Snapshot snapshot_at_time(double t) const;
    void snapshot_at_time(double t, Snapshot& out) const;

    // Keyframe spacing in model operations (tests lower it to exercise replay). Call before
    // the first snapshot_at; build_recording uses the default.
    // (Spacing doubles where keyframes would outgrow their memory budget.)
    static constexpr uint32_t kDefaultKeyframeEvery = 1024;

private:
    friend class Builder;
    friend class Keyframes;
    std::unique_ptr<Keyframes> keyframes_;
};

// Builds the recording in one pass over the events. `source_path`/`source_text`: the
// scenario (either may be empty). `keyframe_every`: operations between keyframes.
Recording build_recording(const Tracer& tracer, std::string source_path = {}, std::string source_text = {},
                          uint32_t keyframe_every = Recording::kDefaultKeyframeEvery);

// A recording of made-up activity for `looplab bench-ui`: `tasks` tasks, about `events`
// trace events (sleeps, locks, a queue, prints), deterministic for a seed.
Recording make_synthetic_recording(uint32_t tasks, uint32_t events, uint64_t seed,
                                   uint32_t keyframe_every = Recording::kDefaultKeyframeEvery);

}  // namespace looplab::model
