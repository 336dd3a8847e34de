#pragma once
// The trace: every scheduling decision as a compact typed event (32 bytes; 16 as stored),
// recorded in order. The GUI reconstructs any past moment from it; `--ticks` and the other exports are
// views of it. Tracing costs one predictable branch when disabled (Runtime::tracer() null).
#include <bit>
#include <cstdint>
#include <cstddef>
#include <deque>
#include <iterator>
#include <iosfwd>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace looplab {

// What happened. Names are stable: docs/trace-events.md documents each one, and the
// `--events` export writes them as strings.
enum class EventKind : uint16_t {
    loop_created,       // subject=loop number
    loop_closed,        // subject=loop number
    handle_scheduled,   // subject=handle/task id, arg=HandleKind
    handle_run,         // subject=handle/task id, arg=HandleKind
    timer_set,          // subject=timer id, object=future it resolves (0: plain callback), arg=index of due time in Tracer::numbers()
    timer_fired,        // subject=timer id (moved to the ready queue)
    timer_cancelled,    // subject=timer id
    clock_jump,         // time=new clock, arg=index of the old clock in Tracer::numbers()
    task_created,       // subject=task id, object=creating task id (0: none), arg=name string
    task_renamed,       // subject=task id, arg=new name string (Task.set_name)
    step_begin,         // subject=task id; tick increments here
    step_end,           // subject=task id, arg=StepEnd, object=awaited future id
    future_created,     // subject=future id, arg=label string (what it stands for)
    future_done,        // subject=future id, arg=FutureOutcome
    cancel_requested,   // subject=task/future id, object=requesting task id, arg=message string
    cancel_delivered,   // subject=task id (CancelledError thrown into its coroutine)
    primitive_created,  // subject=primitive id, arg=kind name string
    primitive_op,       // subject=primitive id, object=task id, arg=PrimitiveOp (low 8 bits) | count << 8
    print,              // object=task id, arg=text string
    deadlock,           // subject=waiting task id, object=awaited thing id
    task_line,          // subject=task id, object=source line its coroutine is at after a step, arg=file name string
    stderr_write,       // object=task id (0: none), arg=text written to stderr (warnings, tracebacks)
    queue_items,        // subject=queue primitive id, object=size, arg=string: item reprs in the queue's order, each ended by '\x1f' (at most 100)
};
const char* event_kind_name(EventKind k);

enum class HandleKind : uint32_t { task_step, task_wakeup, future_callback, callback };
enum class StepEnd : uint32_t { awaiting_future, bare_yield, returned, raised, cancelled };
enum class FutureOutcome : uint32_t { result, exception, cancelled };
const char* step_end_name(StepEnd e);

// Operations on synchronisation primitives and queues.
enum class PrimitiveOp : uint32_t {
    lock_acquire,        // uncontended, no suspension
    lock_wait,           // had to wait
    lock_acquired,       // after waiting
    lock_release,
    event_set,
    event_clear,
    event_wait,          // had to wait
    event_woken,
    condition_wait,
    condition_notify,    // count = how many notified (the count in arg >> 8)
    semaphore_acquire,   // count = value after
    semaphore_wait,
    semaphore_acquired,
    semaphore_release,   // count = value after
    queue_put,           // count = size after
    queue_put_wait,
    queue_get,           // count = size after
    queue_get_wait,
    queue_task_done,     // count = unfinished after
    queue_join_wait,
};
const char* primitive_op_name(PrimitiveOp op);

struct TraceEvent {
    double time;        // virtual clock when it happened
    uint32_t tick;      // task steps begun so far in this run
    EventKind kind;
    uint16_t loop;      // event loop number (1, 2, …); 0 outside any loop
    uint16_t thread;    // simulated thread id (0: main thread)
    uint16_t process;   // simulated process id (0: main process)
    uint32_t subject;   // main object id (task, future, timer, primitive…)
    uint32_t object;    // second object id, meaning depends on kind
    uint32_t arg;       // enum value or interned string id, depending on kind
};
static_assert(sizeof(TraceEvent) <= 32, "trace events must stay compact");

// Strings stored once; events refer to them by id (0 is the empty string).
class StringTable {
public:
    StringTable();
    uint32_t intern(std::string_view s);
    // Stores a string without looking it up first: for strings that are new by construction
    // (a task's generated name "Task-N"). Hashing 50,000 unique names was most of what
    // tracing added to task creation. An equal string interned later gets another id;
    // readers only ever map ids to text, so that is harmless.
    uint32_t add_unique(std::string_view s);
    const std::string& get(uint32_t id) const { return strings_[id]; }
    size_t size() const { return strings_.size(); }

private:
    std::deque<std::string> strings_;  // a deque never moves its elements: index_ keeps views
    std::unordered_map<std::string_view, uint32_t> index_;
};

// The recorded events, in order, stored in 16 bytes each rather than TraceEvent's 32: what
// successive events share — the clock, the loop/thread/process, and the tick up to a small
// difference — is kept once per run of events in a per-chunk context table, and each record
// names its context. Tracing's cost is almost all memory traffic (the kernel clearing fresh
// pages, then the writes), so half the bytes is nearly half the cost. Readers get whole
// TraceEvents back, by value, in O(1) for any index.
//
// Records live in fixed-size chunks that never move, mapped with their pages already
// populated, as one transparent huge page each where the kernel allows: on this kind of
// machine first-touch page faults dominate, and populating 2 MiB at once is several times
// cheaper than faulting pages one by one; no reallocation ever copies the log either.
class EventLog {
public:
    static constexpr size_t kChunkShift = 17;
    static constexpr size_t kChunkEvents = size_t(1) << kChunkShift;  // 2 MiB per chunk

    EventLog() = default;
    ~EventLog();
    EventLog(const EventLog&) = delete;
    EventLog& operator=(const EventLog&) = delete;

    void push_back(const TraceEvent& e) {
        uint64_t time_bits = std::bit_cast<uint64_t>(e.time);
        uint64_t place = pack_place(e);
        uint32_t tick_delta = e.tick - ctx_tick_;
        if (cur_ == end_ || time_bits != ctx_time_bits_ || place != ctx_place_ || tick_delta > kMaxTickDelta)
            [[unlikely]] {
            new_context(e);
            tick_delta = 0;
        }
        *cur_++ = Record{uint32_t(e.kind) | tick_delta << 8 | ctx_index_ << 15, e.subject, e.object, e.arg};
    }
    size_t size() const noexcept {
        return used_ == 0 ? 0 : (used_ - 1) * kChunkEvents + size_t(cur_ - chunks_[used_ - 1]);
    }
    bool empty() const noexcept { return size() == 0; }
    TraceEvent operator[](size_t i) const noexcept {
        const Record& r = chunks_[i >> kChunkShift][i & (kChunkEvents - 1)];
        const Context& c = contexts_[i >> kChunkShift][r.head >> 15];
        return TraceEvent{c.time,   c.tick + ((r.head >> 8) & kMaxTickDelta),
                          EventKind(r.head & 0xff), c.loop, c.thread, c.process, r.subject, r.object, r.arg};
    }
    TraceEvent back() const noexcept { return (*this)[size() - 1]; }
    // Forget the events but keep the (already populated) chunks for reuse.
    void clear() noexcept;

    class const_iterator {
    public:
        using iterator_category = std::input_iterator_tag;  // yields values, not references
        using value_type = TraceEvent;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = TraceEvent;
        const_iterator(const EventLog* log, size_t i) noexcept : log_(log), i_(i) {}
        TraceEvent operator*() const noexcept { return (*log_)[i_]; }
        const_iterator& operator++() noexcept {
            ++i_;
            return *this;
        }
        const_iterator operator++(int) noexcept { return const_iterator(log_, i_++); }
        friend bool operator==(const const_iterator& a, const const_iterator& b) noexcept { return a.i_ == b.i_; }

    private:
        const EventLog* log_;
        size_t i_;
    };
    const_iterator begin() const noexcept { return const_iterator(this, 0); }
    const_iterator end() const noexcept { return const_iterator(this, size()); }

private:
    // One event: kind (8 bits), tick minus its context's tick (7 bits), context index in
    // the chunk's table (17 bits: a chunk cannot have more contexts than events).
    struct Record {
        uint32_t head;
        uint32_t subject, object, arg;
    };
    static_assert(sizeof(Record) == 16);
    static constexpr uint32_t kMaxTickDelta = 127;
    struct Context {
        double time;
        uint32_t tick;
        uint16_t loop, thread, process;
    };
    static uint64_t pack_place(const TraceEvent& e) noexcept {
        return uint64_t(e.loop) | uint64_t(e.thread) << 16 | uint64_t(e.process) << 32;
    }
    void new_context(const TraceEvent& e);  // and a new chunk when this one is full
    void grow();
    std::vector<Record*> chunks_;                // all mapped chunks; the first used_ hold events
    std::vector<std::vector<Context>> contexts_;  // per chunk
    size_t used_ = 0;
    Record* cur_ = nullptr;
    Record* end_ = nullptr;
    // The context records are being written in.
    uint64_t ctx_time_bits_ = 0;
    uint64_t ctx_place_ = 0;
    uint32_t ctx_tick_ = 0;
    uint32_t ctx_index_ = 0;
};

class Tracer {
public:
    void emit(const TraceEvent& e) { events_.push_back(e); }
    const EventLog& events() const { return events_; }
    StringTable& strings() { return strings_; }
    const StringTable& strings() const { return strings_; }
    // Events needing a second double (timer due times, old clock) store it here and keep its
    // index in `arg`, so every event stays 32 bytes.
    uint32_t add_number(double v) {
        numbers_.push_back(v);
        return static_cast<uint32_t>(numbers_.size() - 1);
    }
    const std::vector<double>& numbers() const { return numbers_; }
    // The string id of a future's label (FutureLabel `label`, named `name`), interned once
    // per trace: a task awaiting a future names it in the trace at every await.
    uint32_t intern_label(unsigned label, std::string_view name) {
        uint32_t& id = label_ids_[label & 31];
        if (id == 0) id = strings_.intern(name) + 1;
        return id - 1;
    }
    void clear();

private:
    EventLog events_;
    StringTable strings_;
    std::vector<double> numbers_;
    uint32_t label_ids_[32] = {};  // intern_label's cache: string id + 1, 0 until interned
};

// `--ticks` (SPEC 5): one line per task step, `<clock %.6f> <loop number> <task name>`.
void write_ticks(const Tracer& tracer, std::ostream& out);
std::string format_ticks(const Tracer& tracer);

// LoopLab's own time format (SPEC 4): at most 6 decimals, trailing zeros and dot removed.
std::string format_time(double t);

}  // namespace looplab
