#pragma once
// What every asyncio synchronisation primitive and queue shares (CPython Lib/asyncio/mixins.py
// _LoopBoundMixin, locks.py _ContextManagerMixin): the loop binding, the trace identity, the
// deque of waiter futures, the awaiter of a wait, the `async with` guard, and the anchor that
// tells a waiting task whether its primitive still exists.
//
// Waiting is always "append a fresh future to the waiters, await it": a task blocked on a
// primitive is a task whose _fut_waiter is one of those futures, so cancellation, wake order
// and the number of task steps come out exactly as in CPython.
#include <coroutine>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <string>
#include <utility>

#include "looplab/future.hpp"
#include "looplab/task.hpp"
#include "looplab/trace.hpp"

namespace looplab {

class EventLoop;
class Runtime;

namespace detail {

// Tells guards whether their primitive still exists: the loop's teardown destroys suspended
// coroutine frames in task order, possibly after the frame that owned the primitive.
class PrimitiveBase;
struct PrimitiveAnchor final : RefCounted {
    explicit PrimitiveAnchor(PrimitiveBase* p) noexcept : primitive(p) {}
    PrimitiveBase* primitive;  // valid while alive
    bool alive = true;
};

// collections.deque of waiter futures. Lock and Semaphore keep `_waiters = None` until the
// first contention; this allocates at the first push_back for every primitive.
class Waiters {
public:
    using List = std::deque<Ref<FutureBase>>;
    bool empty() const noexcept { return !q_ || q_->empty(); }
    size_t size() const noexcept { return q_ ? q_->size() : 0; }
    void push_back(Ref<FutureBase> f);
    // deque.remove(fut): the first occurrence.
    void remove(const FutureBase* f) noexcept;
    // Iteration; only when !empty().
    List& items() noexcept { return *q_; }
    const List& items() const noexcept { return *q_; }
    // The primitive is going away: its futures no longer name it.
    void detach_targets() noexcept;

private:
    std::unique_ptr<List> q_;
};

class PrimitiveBase : public WaitTarget {
public:
    PrimitiveBase(const PrimitiveBase&) = delete;
    PrimitiveBase& operator=(const PrimitiveBase&) = delete;

    // The trace's id for this primitive (primitive_created / primitive_op subject).
    uint32_t id() const noexcept { return id_; }
    // Python's repr(): `<asyncio.locks.Lock object at 0x… [locked, waiters:2]>`. The address
    // is made up from the id (SPEC 2: reprs match CPython except the hex address).
    virtual std::string repr() const = 0;
    // Tells waiters and guards whether the primitive still exists (C++ can destroy it while
    // a task waits on it; Python cannot).
    const Ref<PrimitiveAnchor>& anchor();
    // The running loop's current task (asyncio.current_task()), or null.
    TaskBase* running_task() const noexcept;

protected:
    // `kind` is the class name recorded by primitive_created ("Lock", "Semaphore"…).
    explicit PrimitiveBase(const char* kind);
    ~PrimitiveBase();

    // mixins._LoopBoundMixin._get_loop: bind to the running loop at the first call; raise
    // RuntimeError('<repr> is bound to a different event loop') from any other loop.
    // As in CPython it is only called where a waiter future is created (the slow paths).
    EventLoop& get_loop();
    // `self._get_loop().create_future()`, named for the inspector and the deadlock report.
    Ref<FutureBase> new_waiter(FutureLabel label);
    // One primitive_op trace event, attributed to the current task.
    void emit_op(PrimitiveOp op, uint64_t count = 0) const {
        if (tracing()) emit_op_traced(op, count);
    }
    bool tracing() const noexcept;
    // `<asyncio.locks.Lock object at 0x7f00000000a0` — the repr up to the bracketed extra.
    std::string repr_head(const char* cls) const;

    Runtime* rt_;
    EventLoop* loop_ = nullptr;  // mixins._LoopBoundMixin._loop
    uint32_t id_;

private:
    void emit_op_traced(PrimitiveOp op, uint64_t count) const;
    Ref<PrimitiveAnchor> anchor_;
};

// _ContextManagerMixin: `async with prim:` is `auto guard = co_await prim.scoped();` and the
// guard's destructor is __aexit__ (release()). If the scope is left by an exception and
// release() raises too, the first exception wins (C++ cannot raise two at once; Python would
// chain them).
// A guard destroyed other than by its own task's step releases nothing: its coroutine frame
// is being discarded, not unwound — the loop's teardown after a deadlock or a run limit (when
// CPython's runner ends the process), or a dropped pending task. The task may then be
// suspended where the primitive is not held (inside Condition.wait()), and the primitive may
// already be destroyed (teardown destroys frames in task order).
template <class P>
class [[nodiscard]] Scoped {
public:
    explicit Scoped(P& p) : p_(&p), anchor_(p.anchor()), task_(p.running_task()), uncaught_(std::uncaught_exceptions()) {}
    Scoped(Scoped&& o) noexcept
        : p_(std::exchange(o.p_, nullptr)), anchor_(std::move(o.anchor_)), task_(o.task_), uncaught_(o.uncaught_) {}
    Scoped& operator=(Scoped&&) = delete;
    ~Scoped() noexcept(false) {
        P* p = std::exchange(p_, nullptr);
        if (!p || !anchor_->alive || p->running_task() != task_) return;
        if (std::uncaught_exceptions() > uncaught_) {
            try {
                p->release();
            } catch (...) {
            }
        } else {
            p->release();
        }
    }
    // __aexit__ before the end of the scope.
    void release() {
        P* p = std::exchange(p_, nullptr);
        if (p && anchor_->alive) p->release();
    }

private:
    P* p_;
    Ref<PrimitiveAnchor> anchor_;
    const TaskBase* task_;  // compared only, never dereferenced
    int uncaught_;
};

// `co_await prim.scoped()`: __aenter__ (`await self.acquire()`), then the guard.
template <class P, class AcquireAwaiter>
struct ScopedAcquire {
    P* prim;
    AcquireAwaiter inner;
    bool await_ready() { return inner.await_ready(); }
    template <class Promise>
    void await_suspend(std::coroutine_handle<Promise> h) noexcept {
        inner.await_suspend(h);
    }
    Scoped<P> await_resume() {
        inner.await_resume();
        return Scoped<P>(*prim);
    }
};

}  // namespace detail

namespace detail {

// Raised in a task whose primitive was destroyed while it waited (after re-raising what was
// thrown into the task, e.g. its cancellation).
[[noreturn]] void primitive_destroyed(StepChannel& channel, const char* kind);

// The awaiter of every wait on a lock-like primitive (Lock.acquire, Semaphore.acquire,
// Event.wait): `Ready` is the fast path, or appends a waiter future and returns false;
// the task then waits on that future; `Finish` is CPython's try/finally around `await fut`.
// All return True, as in CPython. No coroutine frame, no allocation on the fast path.
template <class P, bool (P::*Ready)(Ref<FutureBase>&), void (P::*Finish)(StepChannel&, FutureBase&)>
class [[nodiscard]] WaiterAwaiter {
public:
    explicit WaiterAwaiter(P& primitive) noexcept : p_(&primitive) {}
    WaiterAwaiter(WaiterAwaiter&& o) noexcept : fut_(std::move(o.fut_)) {
        if (fut_) anchor_ = o.anchor_;  // o no longer owns it: its fut_ is null
        else p_ = o.p_;
    }
    WaiterAwaiter& operator=(WaiterAwaiter&&) = delete;
    ~WaiterAwaiter() {
        if (fut_) anchor_->release();
    }
    bool await_ready() {
        Ref<FutureBase> fut;
        if ((p_->*Ready)(fut)) return true;
        PrimitiveAnchor* anchor = p_->anchor().get();  // the primitive, reachable while it lives
        anchor->add_ref();
        anchor_ = anchor;  // from here on the union holds the anchor, as fut_ says
        fut_ = std::move(fut);
        return false;
    }
    template <class Promise>
    void await_suspend(std::coroutine_handle<Promise> h) noexcept {
        StepChannel::current().yield_future(fut_.get(), h);
    }
    bool await_resume() {
        if (!fut_) return true;  // not suspended (fut_ is set only then)
        StepChannel& channel = StepChannel::current();
        if (!anchor_->alive) primitive_destroyed(channel, P::kTypeName);
        (static_cast<P*>(anchor_->primitive)->*Finish)(channel, *fut_);
        return true;
    }

private:
    // One word for both (the awaiter lives in every waiting coroutine frame): the primitive
    // until the task suspends, then the primitive's anchor, which says whether it still
    // exists when the task resumes (one reference, released by the destructor).
    union {
        P* p_;
        PrimitiveAnchor* anchor_;
    };
    Ref<FutureBase> fut_;  // the waiter future; set only when the task suspends
};

}  // namespace detail

}  // namespace looplab
