// Mirrors CPython Lib/asyncio/mixins.py (_LoopBoundMixin) and the parts of locks.py every
// primitive shares.
#include "looplab/primitive.hpp"

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
    if (!anchor_) anchor_ = Ref<PrimitiveAnchor>(new PrimitiveAnchor(this));
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

Ref<FutureBase> PrimitiveBase::new_waiter(FutureLabel label) {
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

}  // namespace looplab
