#pragma once
// The Runtime is one LoopLab run: the virtual clock every loop shares (SPEC 4), the counters
// CPython keeps process-wide (task names), the trace, the run limits, and the program's
// output streams. It owns every event loop created during the run, so futures and tasks may
// refer to their loop by plain pointer for as long as the Runtime lives.
//
// Invariant: the runtime never reads the wall clock; time moves only by jumps to due timers
// (and, later, simulated blocking work).
#include <cstdint>
#include <iosfwd>
#include <limits>
#include <memory>
#include <string_view>
#include <vector>

#include "looplab/trace.hpp"

namespace looplab {

class EventLoop;
class TaskBase;

struct RunLimits {
    // `--until`: nothing due later than this runs (SPEC 4). Infinite for plain C++ use.
    double until = std::numeric_limits<double>::infinity();
    // `--max-steps`: at most this many task steps.
    uint64_t max_steps = std::numeric_limits<uint64_t>::max();
};

class Runtime {
public:
    // A new run; it becomes the current runtime until destroyed (runtimes nest like a stack).
    Runtime();
    ~Runtime();
    Runtime(const Runtime&) = delete;
    Runtime& operator=(const Runtime&) = delete;

    // The innermost live Runtime; a default one exists for plain C++ use.
    static Runtime& current();

    // --- virtual clock -------------------------------------------------------------------
    double clock() const noexcept { return clock_; }
    // Jump forward to exactly `t` (never backwards).
    void advance_clock_to(double t);

    // --- loops ---------------------------------------------------------------------------
    // asyncio.new_event_loop(): loops are numbered 1, 2, … in creation order.
    EventLoop& new_event_loop();
    EventLoop* running_loop() const noexcept { return running_loop_; }
    // Every loop of the run, in creation order (loop 1 first).
    std::vector<EventLoop*> loops() const {
        std::vector<EventLoop*> out;
        for (auto& l : loops_) out.push_back(l.get());
        return out;
    }
    void set_running_loop(EventLoop* loop) noexcept;

    // --- counters CPython keeps per process ------------------------------------------------
    // tasks.py: `_task_name_counter` (only unnamed tasks take a number).
    uint64_t next_task_name_number() noexcept { return ++task_name_counter_; }
    // Creation order of tasks, used as their hash (SPEC 4) and in the trace.
    uint32_t next_task_number() noexcept { return ++task_counter_; }
    // hash() of a future that is not a task: numbered in the order futures are first hashed
    // (SPEC 4), as tools/looplab_cpython does.
    uint32_t next_future_hash() noexcept { return ++future_hash_counter_; }
    // Ids for everything the trace names (futures, tasks, timers, primitives).
    uint32_t next_object_id() noexcept { return ++object_counter_; }

    // --- steps and limits ----------------------------------------------------------------
    uint32_t tick() const noexcept { return tick_; }
    // Called at the start of every task step; enforces --max-steps.
    void begin_step() {
        if (steps_ >= limits_.max_steps) step_limit_reached();
        ++steps_;
        ++tick_;
    }
    RunLimits& limits() noexcept { return limits_; }

    // --- trace ---------------------------------------------------------------------------
    Tracer* tracer() const noexcept { return tracer_; }
    // Start recording (the runtime owns the tracer).
    Tracer& enable_tracing();
    void emit(EventKind kind, uint32_t subject, uint32_t object = 0, uint32_t arg = 0) {
        if (tracer_) tracer_->emit(TraceEvent{clock_, tick_, kind, running_loop_number_, 0, 0, subject, object, arg});
    }
    uint32_t intern(std::string_view s);

    // --- program output ------------------------------------------------------------------
    std::ostream& out() const noexcept { return *out_; }
    std::ostream& err() const noexcept { return *err_; }
    void set_output(std::ostream& out, std::ostream& err) noexcept {
        out_ = &out;
        err_ = &err;
    }
    // print(): writes text + "\n" to out() and records who printed it.
    void print(std::string_view text);
    // Writes text to stdout as is (no newline added) and traces it as a print.
    void write_out(std::string_view text);
    // Writes text to stderr as is and traces it (stderr_write), so a viewer shows warnings
    // and tracebacks with the task and time that wrote them.
    void write_err(std::string_view text);

private:
    Runtime(bool is_default);
    [[noreturn]] void step_limit_reached() const;
    double clock_ = 0.0;
    uint64_t task_name_counter_ = 0;
    uint32_t task_counter_ = 0;
    uint32_t future_hash_counter_ = 0;
    uint32_t object_counter_ = 0;
    uint32_t tick_ = 0;
    uint64_t steps_ = 0;
    RunLimits limits_;
    EventLoop* running_loop_ = nullptr;
    uint16_t running_loop_number_ = 0;  // cached for emit()
    std::vector<std::unique_ptr<EventLoop>> loops_;
    std::unique_ptr<Tracer> owned_tracer_;
    Tracer* tracer_ = nullptr;
    std::ostream* out_;
    std::ostream* err_;
    Runtime* previous_ = nullptr;
};

// Shorthands for the current runtime: the virtual clock (time.perf_counter() in a scenario)
// and print().
inline double virtual_time() { return Runtime::current().clock(); }
inline void print(std::string_view text) { Runtime::current().print(text); }

}  // namespace looplab
