// Mirrors CPython Lib/asyncio/locks.py (Event).
#include "looplab/event.hpp"

namespace looplab {

Event::Event() : PrimitiveBase("Event") {}

Event::~Event() { waiters_.detach_targets(); }

void Event::set() {
    uint64_t woken = 0;
    if (!value_) {
        value_ = true;
        if (!waiters_.empty()) {
            for (auto& fut : waiters_.items()) {
                if (!fut->done()) {
                    static_cast<FutureImpl<bool>&>(*fut).set_result(true);
                    ++woken;
                }
            }
        }
    }
    emit_op(PrimitiveOp::event_set, woken);
}

void Event::clear() {
    value_ = false;
    emit_op(PrimitiveOp::event_clear);
}

bool Event::check_or_enqueue(Ref<FutureBase>& fut) {
    if (value_) return true;
    fut = new_waiter(FutureLabel::event_wait);
    waiters_.push_back(fut);
    emit_op(PrimitiveOp::event_wait);
    return false;
}

void Event::finish_wait(StepChannel& channel, FutureBase& fut) {
    // try: await fut; return True / finally: self._waiters.remove(fut)
    try {
        channel.rethrow_if_thrown();
        fut.check_result();
    } catch (...) {
        waiters_.remove(&fut);
        throw;
    }
    waiters_.remove(&fut);
    emit_op(PrimitiveOp::event_woken);
}

std::string Event::repr() const {
    std::string extra = value_ ? "set" : "unset";
    if (!waiters_.empty()) extra += ", waiters:" + std::to_string(waiters_.size());
    return repr_head("Event") + " [" + extra + "]>";
}

std::string Event::describe_wait(const FutureBase&) const { return "Event"; }

}  // namespace looplab
