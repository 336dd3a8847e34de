// Mirrors CPython Lib/asyncio/queues.py (the parts of Queue that do not touch the items), with
// the _finished Event of Lib/asyncio/locks.py (Event.set/clear/wait) inlined for join().
#include "looplab/queue.hpp"

#include <algorithm>
#include <cstdio>

#include "looplab/event_loop.hpp"

namespace looplab {

std::string repr_value(bool v) { return v ? "True" : "False"; }
std::string repr_value(long long v) { return std::to_string(v); }
std::string repr_value(unsigned long long v) { return std::to_string(v); }
std::string repr_value(const std::string& v) {
    // BaseException's repr quotes its message as Python's repr(str) does: `BaseException('…')`.
    std::string r = BaseException(v).repr();
    constexpr size_t prefix = sizeof("BaseException(") - 1;
    return r.substr(prefix, r.size() - prefix - 1);
}

namespace detail {

QueueCore::QueueCore(const char* class_name, int64_t maxsize)
    : PrimitiveBase(class_name), class_name_(class_name), maxsize_(maxsize) {
    // Queue.__init__: self._finished = locks.Event(); self._finished.set() — inlined, see
    // finished_.
}

QueueCore::~QueueCore() {
    // Waiter futures may outlive the queue: they must stop naming it.
    for (auto* waiters : {&getters_, &putters_, &join_waiters_})
        for (auto& f : *waiters) f->set_wait_target(nullptr);
}

Ref<FutureBase> QueueCore::add_waiter(std::deque<Ref<FutureBase>>& waiters, PrimitiveOp op, size_t size) {
    Ref<FutureBase> w = get_loop().create_future<void>().ref();
    w->set_label(op == PrimitiveOp::queue_put_wait ? FutureLabel::queue_put : FutureLabel::queue_get);
    w->set_wait_target(this);
    waiters.push_back(w);
    emit_op(op, size);
    return w;
}

void QueueCore::wakeup_next(std::deque<Ref<FutureBase>>& waiters) {
    // Wake up the next waiter (if any) that isn't cancelled.
    while (!waiters.empty()) {
        Ref<FutureBase> waiter = std::move(waiters.front());
        waiters.pop_front();
        waiter->set_wait_target(nullptr);  // no longer in the deque: the runner says "Future"
        if (!waiter->done()) {
            static_cast<FutureImpl<void>&>(*waiter).set_result();
            break;
        }
    }
}

void QueueCore::remove_waiter(std::deque<Ref<FutureBase>>& waiters, const FutureBase& waiter) noexcept {
    // deque.remove: the first occurrence; ValueError (ignored by the caller) if absent.
    for (auto it = waiters.begin(); it != waiters.end(); ++it) {
        if (it->get() == &waiter) {
            (*it)->set_wait_target(nullptr);
            waiters.erase(it);
            return;
        }
    }
}

void QueueCore::put_done(size_t size_after) {
    // put_nowait after self._put(item).
    ++unfinished_tasks_;
    finished_ = false;  // self._finished.clear()
    emit_op(PrimitiveOp::queue_put, size_after);
    wakeup_next(getters_);
}

void QueueCore::task_done() {
    if (unfinished_tasks_ <= 0) throw ValueError("task_done() called too many times");
    --unfinished_tasks_;
    emit_op(PrimitiveOp::queue_task_done, uint64_t(unfinished_tasks_));
    if (unfinished_tasks_ == 0) set_finished();
}

void QueueCore::set_finished() {
    // locks.py Event.set: wake every waiter not done yet; they stay in _waiters until each
    // waiting task resumes and removes its own future.
    if (finished_) return;
    finished_ = true;
    for (auto& fut : join_waiters_)
        if (!fut->done()) static_cast<FutureImpl<void>&>(*fut).set_result();
}

bool QueueCore::join_ready(Ref<FutureBase>& fut, Ref<PrimitiveAnchor>& anchor) {
    // Queue.join: `if self._unfinished_tasks > 0: await self._finished.wait()`
    if (unfinished_tasks_ <= 0) return true;
    // Event.wait: `if self._value: return True`
    if (finished_) return true;
    // fut = self._get_loop().create_future(); self._waiters.append(fut)
    fut = get_loop().create_future<void>().ref();
    fut->set_label(FutureLabel::queue_join);
    fut->set_wait_target(this);
    join_waiters_.push_back(fut);
    anchor = this->anchor();
    emit_op(PrimitiveOp::queue_join_wait, uint64_t(unfinished_tasks_));
    return false;
}

void QueueCore::join_finished(FutureBase& fut) noexcept {
    // Event.wait's `finally: self._waiters.remove(fut)`
    remove_waiter(join_waiters_, fut);
}

void QueueCore::JoinAwaiter::await_resume() {
    if (!fut_) return;
    if (anchor_->alive) q_->join_finished(*fut_);
    StepChannel::current().rethrow_if_thrown();  // `await fut` raising CancelledError
    fut_->check_result();
}

std::string QueueCore::describe_wait(const FutureBase& waiter) const {
    // tools/looplab_cpython/deadlock.py: looked up in _getters, _putters, _finished._waiters.
    auto holds = [&](const std::deque<Ref<FutureBase>>& ws) {
        for (auto& w : ws)
            if (w.get() == &waiter) return true;
        return false;
    };
    std::string name = class_name_;
    if (holds(getters_)) return name + ".get (empty)";
    if (holds(putters_)) return name + ".put (full)";
    if (holds(join_waiters_)) return name + ".join (" + std::to_string(unfinished_tasks_) + " unfinished)";
    return "Future";
}

std::string QueueCore::format() const {
    // Queue._format
    std::string result = "maxsize=" + std::to_string(maxsize_);
    result += format_items();
    if (!getters_.empty()) result += " _getters[" + std::to_string(getters_.size()) + "]";
    if (!putters_.empty()) result += " _putters[" + std::to_string(putters_.size()) + "]";
    if (unfinished_tasks_) result += " tasks=" + std::to_string(unfinished_tasks_);
    return result;
}

std::string QueueCore::repr() const {
    // f'<{type(self).__name__} at {id(self):#x} {self._format()}>'. The address is made up
    // from the trace id, as for the locks (SPEC 2: reprs match CPython except the address).
    char addr[32];
    std::snprintf(addr, sizeof addr, "0x7f%010x", unsigned(id_) * 16u);
    return std::string("<") + class_name_ + " at " + addr + " " + format() + ">";
}

std::string QueueCore::str() const { return std::string("<") + class_name_ + " " + format() + ">"; }

}  // namespace detail
}  // namespace looplab
