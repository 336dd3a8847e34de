#pragma once
// Handles: callbacks scheduled on the loop (CPython Lib/asyncio/events.py: Handle, TimerHandle).
#include <cstdint>
#include <functional>

#include "looplab/ref.hpp"

namespace looplab {

class EventLoop;

// A unit of work for the ready queue: `run(a, b)`. The queue owns one reference on `a` and
// on `b` (either may be null) and drops them after running. Plain function pointers instead
// of std::function keep a task switch allocation-free.
struct Callback {
    void (*run)(RefCounted* a, RefCounted* b) = nullptr;
    RefCounted* a = nullptr;
    RefCounted* b = nullptr;
    // Drop the references without running (cancelled handle, loop teardown).
    void discard() noexcept {
        release(a);
        release(b);
        a = b = nullptr;
    }
};

// Owns a callback until it runs or is cancelled; returned by call_soon/call_later/call_at.
class Handle : public RefCounted {
public:
    Handle(EventLoop& loop, Callback cb, uint32_t id) : loop_(&loop), cb_(cb), id_(id) {}
    ~Handle() override { cb_.discard(); }
    // Handle.cancel(): the callback will not run. Idempotent.
    void cancel();
    bool cancelled() const noexcept { return cancelled_; }
    uint32_t id() const noexcept { return id_; }
    EventLoop& loop() const noexcept { return *loop_; }

    // Run the callback now (Handle._run), unless cancelled.
    void run();

protected:
    EventLoop* loop_;
    Callback cb_;
    uint32_t id_;
    bool cancelled_ = false;
    friend class EventLoop;
};

class TimerHandle : public Handle {
public:
    TimerHandle(EventLoop& loop, Callback cb, uint32_t id, double when, uint64_t seq)
        : Handle(loop, cb, id), when_(when), seq_(seq) {}
    double when() const noexcept { return when_; }
    // Scheduling order: timers due at the same time run in this order (SPEC 4).
    uint64_t seq() const noexcept { return seq_; }
    bool scheduled() const noexcept { return scheduled_; }

private:
    double when_;
    uint64_t seq_;
    bool scheduled_ = true;  // in the loop's heap
    friend class EventLoop;
    friend class Handle;
};

// Wraps a std::function so user callbacks travel as a Callback.
class FunctionBox : public RefCounted {
public:
    explicit FunctionBox(std::function<void()> f) : f(std::move(f)) {}
    std::function<void()> f;
    static void run(RefCounted* self, RefCounted*) { static_cast<FunctionBox*>(self)->f(); }
};

Callback make_callback(std::function<void()> f);

}  // namespace looplab
