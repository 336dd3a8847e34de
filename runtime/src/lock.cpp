// Mirrors CPython Lib/asyncio/locks.py (Lock) and Lib/asyncio/mixins.py (_LoopBoundMixin).
#include "looplab/lock.hpp"

#include <cstdio>

#include "looplab/event_loop.hpp"

namespace looplab {
namespace detail {

// --- Waiters -------------------------------------------------------------------------------------

void Waiters::push_back(Ref<FutureBase> f) {
    if (!q_) q_ = std::make_unique<List>();
    q_->push_back(std::move(f));
}

void Waiters::remove(const FutureBase* f) noexcept {
    if (!q_) return;
    for (auto it = q_->begin(); it != q_->end(); ++it) {
        if (it->get() == f) {
            q_->erase(it);
            return;
        }
    }
}

void Waiters::detach_targets() noexcept {
    if (!q_) return;
    for (auto& f : *q_) f->set_wait_target(nullptr);
}

// --- PrimitiveBase -------------------------------------------------------------------------------

[[noreturn]] void primitive_destroyed(StepChannel& channel, const char* kind) {
    channel.rethrow_if_thrown();
    throw RuntimeError(std::string("the ") + kind + " was destroyed while a task waited on it");
}

PrimitiveBase::PrimitiveBase(const char* kind) : rt_(&Runtime::current()), id_(rt_->next_object_id()) {
    if (rt_->tracer()) rt_->emit(EventKind::primitive_created, id_, 0, rt_->intern(kind));
}

PrimitiveBase::~PrimitiveBase() {
    if (anchor_) anchor_->alive = false;
}

const Ref<PrimitiveAnchor>& PrimitiveBase::anchor() {
    if (!anchor_) anchor_ = Ref<PrimitiveAnchor>(new PrimitiveAnchor());
    return anchor_;
}

EventLoop& PrimitiveBase::get_loop() {
    // mixins.py: `loop = events._get_running_loop()`; bind if unbound; compare by identity.
    EventLoop* loop = rt_->running_loop();
    if (loop_ == nullptr) loop_ = loop;
    if (loop != loop_) throw RuntimeError(repr() + " is bound to a different event loop");
    // CPython goes on to `None.create_future()` (AttributeError); say what is wrong instead.
    if (loop == nullptr) throw RuntimeError("no running event loop");
    return *loop;
}

Ref<FutureBase> PrimitiveBase::new_waiter(const char* label) {
    EventLoop& loop = get_loop();
    // The result is True (False for Condition.notify), never read: bool keeps the repr honest.
    Ref<FutureBase> fut(new FutureImpl<bool>(loop));
    fut->set_label(label);
    fut->set_wait_target(this);
    return fut;
}

bool PrimitiveBase::tracing() const noexcept { return rt_->tracer() != nullptr; }

TaskBase* PrimitiveBase::running_task() const noexcept {
    EventLoop* loop = rt_->running_loop();
    return loop ? loop->current_task() : nullptr;
}

void PrimitiveBase::emit_op_traced(PrimitiveOp op, uint64_t count) const {
    TaskBase* task = running_task();
    // The count has 24 bits in the event; values beyond that saturate.
    uint32_t c = count > 0xFFFFFFu ? 0xFFFFFFu : uint32_t(count);
    rt_->emit(EventKind::primitive_op, id_, task ? task->id() : 0, uint32_t(op) | (c << 8));
}

std::string PrimitiveBase::repr_head(const char* cls) const {
    char addr[32];
    std::snprintf(addr, sizeof addr, "0x7f%010x", unsigned(id_) * 16u);
    return std::string("<asyncio.locks.") + cls + " object at " + addr;
}

}  // namespace detail

// --- Lock ----------------------------------------------------------------------------------------

Lock::Lock() : PrimitiveBase("Lock") {}

Lock::~Lock() { waiters_.detach_targets(); }

bool Lock::try_acquire_or_enqueue(Ref<FutureBase>& fut) {
    // Lock.acquire's fast path: free, and nobody queued who could still take it.
    bool all_cancelled = true;
    if (!locked_ && !waiters_.empty()) {
        for (auto& w : waiters_.items()) all_cancelled = all_cancelled && w->cancelled();
    }
    if (!locked_ && all_cancelled) {
        take(PrimitiveOp::lock_acquire);
        return true;
    }
    // `fut = self._get_loop().create_future(); self._waiters.append(fut)`, then `await fut`.
    fut = new_waiter("Lock.acquire");
    waiters_.push_back(fut);
    emit_op(PrimitiveOp::lock_wait);
    return false;
}

void Lock::finish_wait(StepChannel& channel, FutureBase& fut) {
    // try: try: await fut / finally: self._waiters.remove(fut)
    // except CancelledError: if not self._locked: self._wake_up_first(); raise
    try {
        channel.rethrow_if_thrown();
        fut.check_result();
    } catch (const CancelledError&) {
        waiters_.remove(&fut);
        // The future may have been woken before the cancellation arrived: pass the lock on
        // rather than lose the wakeup.
        if (!locked_) wake_up_first();
        throw;
    } catch (...) {
        waiters_.remove(&fut);
        throw;
    }
    waiters_.remove(&fut);
    take(PrimitiveOp::lock_acquired);
}

void Lock::take(PrimitiveOp op) {
    locked_ = true;
    // tools/looplab_cpython/deadlock.py records the acquiring task for the deadlock report.
    holder_ = Ref<TaskBase>(running_task());
    emit_op(op);
}

void Lock::release() {
    if (!locked_) throw RuntimeError("Lock is not acquired.");
    locked_ = false;
    holder_ = nullptr;
    emit_op(PrimitiveOp::lock_release);
    wake_up_first();
}

void Lock::wake_up_first() {
    // Only the first waiter: if it is already done it will wake up later and either take
    // the lock or, cancelled, come back here to wake the next one.
    if (waiters_.empty()) return;
    FutureBase& fut = *waiters_.items().front();
    if (!fut.done()) static_cast<FutureImpl<bool>&>(fut).set_result(true);
}

std::string Lock::repr() const {
    std::string extra = locked_ ? "locked" : "unlocked";
    if (!waiters_.empty()) extra += ", waiters:" + std::to_string(waiters_.size());
    return repr_head("Lock") + " [" + extra + "]>";
}

std::string Lock::describe_wait(const FutureBase&) const {
    return "Lock held by " + (holder_ ? holder_->get_name() : std::string("nobody"));
}

}  // namespace looplab
