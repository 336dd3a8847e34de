// Mirrors CPython Lib/asyncio/futures.py (Future).
#include "looplab/future.hpp"

#include "looplab/event_loop.hpp"
#include "looplab/gather.hpp"

#include "looplab/event_loop.hpp"

namespace looplab {

FutureBase::FutureBase(EventLoop& loop) : id_(loop.runtime().next_object_id()), loop_(&loop) {}

FutureBase::~FutureBase() {
    // futures.py __del__: an exception nobody retrieved is reported.
    if (log_traceback_ && has_exception()) {
        ExceptionContext ctx;
        ctx.message = std::string(is_task() ? "Task" : "Future") + " exception was never retrieved";
        ctx.exception = stored_exception();
        ctx.future = nullptr;  // being destroyed: the handler gets the text only
        ctx.message += "\nfuture: " + repr();
        loop_->call_exception_handler(ctx);
    }
    looplab::release(first_callback_.ctx);
    if (auto* more = more_callbacks()) {
        for (auto& cb : *more) looplab::release(cb.ctx);
        delete more;
    }
}

void FutureBase::check_pending() const {
    // futures.py set_result/set_exception: InvalidStateError(f'{self._state}: {self!r}').
    if (state_ == FutureState::pending) return;
    throw InvalidStateError(std::string(state_ == FutureState::cancelled ? "CANCELLED" : "FINISHED") + ": " + repr());
}

std::exception_ptr FutureBase::make_cancelled_error() {
    // futures.py _make_cancelled_error: the CancelledError the coroutine raised is reused once.
    if (extras_ && extras_->cancelled_exc) return std::exchange(extras_->cancelled_exc, nullptr);
    return std::make_exception_ptr(CancelledError(std::string(cancel_message())));
}

bool FutureBase::cancel(std::string_view msg) { return cancel_future(msg); }

const char* label_name(FutureLabel label) noexcept {
    switch (label) {
    case FutureLabel::future: return "Future";
    case FutureLabel::task: return "Task";
    case FutureLabel::sleep: return "sleep";
    case FutureLabel::gather: return "gather";
    case FutureLabel::wait: return "wait";
    case FutureLabel::wait_for: return "wait_for";
    case FutureLabel::shield: return "shield";
    case FutureLabel::lock_acquire: return "Lock.acquire";
    case FutureLabel::semaphore_acquire: return "Semaphore.acquire";
    case FutureLabel::event_wait: return "Event.wait";
    case FutureLabel::condition_wait: return "Condition.wait";
    case FutureLabel::queue_put: return "Queue.put";
    case FutureLabel::queue_get: return "Queue.get";
    case FutureLabel::queue_join: return "Queue.join";
    }
    return "Future";
}

uint64_t FutureBase::py_hash() {
    // A task's py_hash_ is its creation number (never 0), set by TaskBase.
    if (py_hash_ == 0) py_hash_ = loop_->runtime().next_future_hash();
    return py_hash_;
}

bool FutureBase::cancel_future(std::string_view msg) {
    log_traceback_ = false;
    if (state_ != FutureState::pending) return false;
    state_ = FutureState::cancelled;
    if (!msg.empty() || extras_) extras().cancel_message = std::string(msg);
    loop_->runtime().emit(EventKind::future_done, id_, 0, uint32_t(FutureOutcome::cancelled));
    schedule_callbacks();
    return true;
}

void FutureBase::check_result() {
    if (state_ == FutureState::cancelled) std::rethrow_exception(make_cancelled_error());
    if (state_ != FutureState::finished) throw InvalidStateError("Result is not ready.");
    log_traceback_ = false;
    if (has_exception()) std::rethrow_exception(extras_->exception);
}

std::exception_ptr FutureBase::result_exception() {
    if (state_ == FutureState::cancelled) return make_cancelled_error();
    if (state_ != FutureState::finished) return std::make_exception_ptr(InvalidStateError("Result is not ready."));
    log_traceback_ = false;
    return stored_exception();
}

std::exception_ptr FutureBase::exception() {
    if (state_ == FutureState::cancelled) std::rethrow_exception(make_cancelled_error());
    if (state_ != FutureState::finished) throw InvalidStateError("Exception is not set.");
    log_traceback_ = false;
    return stored_exception();
}

void FutureBase::set_exception(std::exception_ptr e) {
    check_pending();
    // futures.py: StopIteration cannot be raised into a Future; we have no StopIteration.
    finish_with_exception(std::move(e));
}

void FutureBase::finish_with_result() {
    state_ = FutureState::finished;
    loop_->runtime().emit(EventKind::future_done, id_, 0, uint32_t(FutureOutcome::result));
    schedule_callbacks();
}

void FutureBase::finish_with_exception(std::exception_ptr e) {
    if (e || extras_) extras().exception = std::move(e);
    state_ = FutureState::finished;
    log_traceback_ = true;
    loop_->runtime().emit(EventKind::future_done, id_, 0, uint32_t(FutureOutcome::exception));
    schedule_callbacks();
}

void FutureBase::schedule_callbacks() {
    // __schedule_callbacks: each callback goes to the ready queue with call_soon, in order.
    auto schedule = [this](DoneCallback cb) {
        add_ref();  // the queued call holds the future
        // A task's wake-up is traced as such: subject = the task woken, object = this future
        // (the waker), which is what the GUI draws as a flow arrow.
        if (TaskBase::is_wakeup(cb))
            loop_->call_soon(Callback{cb.fn, cb.ctx, this}, HandleKind::task_wakeup, static_cast<TaskBase*>(cb.ctx)->id(), id_);
        else
            loop_->call_soon(Callback{cb.fn, cb.ctx, this}, HandleKind::future_callback, id_);
    };
    DoneCallback first = std::exchange(first_callback_, DoneCallback{});
    std::vector<DoneCallback>* more = (extras_ ? std::exchange(extras_->more_callbacks, nullptr) : nullptr);
    if (first.fn) schedule(first);
    if (more) {
        for (auto& cb : *more) schedule(cb);
        delete more;
    }
}

void FutureBase::clear_done_callbacks() noexcept {
    DoneCallback first = std::exchange(first_callback_, DoneCallback{});
    std::vector<DoneCallback>* more = (extras_ ? std::exchange(extras_->more_callbacks, nullptr) : nullptr);
    looplab::release(first.ctx);
    if (more) {
        for (auto& cb : *more) looplab::release(cb.ctx);
        delete more;
    }
}

void FutureBase::add_done_callback(DoneCallback cb) {
    looplab::add_ref(cb.ctx);
    if (state_ != FutureState::pending) {
        add_ref();
        loop_->call_soon(Callback{cb.fn, cb.ctx, this}, HandleKind::future_callback, id_);
        return;
    }
    if (!first_callback_.fn && !more_callbacks()) {
        first_callback_ = cb;
        return;
    }
    auto& more = extras().more_callbacks;
    if (!more) more = new std::vector<DoneCallback>();
    more->push_back(cb);
}

size_t FutureBase::remove_done_callback(DoneCallback cb) {
    // Order matters: first_callback_ is older than every entry of more_callbacks().
    size_t removed = 0;
    if (first_callback_.fn == cb.fn && first_callback_.ctx == cb.ctx && first_callback_.fn) {
        looplab::release(first_callback_.ctx);
        first_callback_ = {};
        ++removed;
    }
    if (auto* more = more_callbacks()) {
        auto& v = *more;
        size_t w = 0;
        for (size_t r = 0; r < v.size(); ++r) {
            if (v[r].fn == cb.fn && v[r].ctx == cb.ctx) {
                looplab::release(v[r].ctx);
                ++removed;
            } else {
                v[w++] = v[r];
            }
        }
        v.resize(w);
    }
    // Keep the "first is oldest" order: promote the oldest remaining entry.
    if (auto* more = more_callbacks(); !first_callback_.fn && more && !more->empty()) {
        first_callback_ = more->front();
        more->erase(more->begin());
    }
    return removed;
}

namespace {
// A user callback: the box owns the std::function; its address is the id.
class DoneFunctionBox : public RefCounted {
public:
    DoneFunctionBox(std::function<void(FutureBase&)> f, std::string d) : f(std::move(f)), description(std::move(d)) {}
    std::function<void(FutureBase&)> f;
    std::string description;
    static void run(RefCounted* self, RefCounted* fut) {
        auto* box = static_cast<DoneFunctionBox*>(self);
        auto* f = static_cast<FutureBase*>(fut);
        try {
            box->f(*f);
        } catch (const RunEnded&) {
            throw;
        } catch (...) {
            f->get_loop().report_callback_exception(f);
        }
    }
};
}  // namespace

uint64_t FutureBase::add_done_callback(std::function<void(FutureBase&)> fn, std::string description) {
    auto* box = new DoneFunctionBox(std::move(fn), std::move(description));
    box->add_ref();  // held here until add_done_callback takes its own
    add_done_callback(DoneCallback{&DoneFunctionBox::run, box});
    uint64_t id = reinterpret_cast<uintptr_t>(box);
    box->release();
    return id;
}

size_t FutureBase::remove_done_callback(uint64_t id) {
    return remove_done_callback(DoneCallback{&DoneFunctionBox::run, reinterpret_cast<RefCounted*>(id)});
}

std::string FutureBase::callbacks_repr() const {
    std::vector<DoneCallback> cbs;
    if (first_callback_.fn) cbs.push_back(first_callback_);
    if (auto* more = more_callbacks())
        for (auto& cb : *more) cbs.push_back(cb);
    if (cbs.empty()) return {};
    // format_helpers._format_callback_source for the callbacks the runtime installs.
    auto name = [](const DoneCallback& cb) -> std::string {
        if (TaskBase::is_wakeup(cb)) return "Task.task_wakeup()";
        if (cb.fn == &DoneFunctionBox::run) {
            auto* box = static_cast<DoneFunctionBox*>(cb.ctx);
            return box->description.empty() ? "<callback>()" : box->description;
        }
        return describe_done_callback(cb);
    };
    std::string s;
    if (cbs.size() == 1) s = name(cbs[0]);
    else if (cbs.size() == 2) s = name(cbs[0]) + ", " + name(cbs[1]);
    else s = name(cbs[0]) + ", <" + std::to_string(cbs.size() - 2) + " more>, " + name(cbs.back());
    return "cb=[" + s + "]";
}

std::string FutureBase::repr() const {
    std::string info;
    switch (state_) {
    case FutureState::pending: info = "pending"; break;
    case FutureState::cancelled: info = "cancelled"; break;
    case FutureState::finished:
        info = "finished";
        if (has_exception()) info += " exception=" + exception_repr(extras_->exception);
        else if (std::string r = result_repr(); !r.empty()) info += " result=" + r;
        break;
    }
    std::string cb = callbacks_repr();
    if (!cb.empty()) info += " " + cb;
    return "<Future " + info + ">";
}

}  // namespace looplab

namespace looplab {

std::string describe_done_callback(const DoneCallback& cb) {
    // Where CPython 3.11.2 defines these callbacks (Lib/asyncio/*.py).
    if (EventLoop::is_stop_callback(cb)) return "_run_until_complete_cb() at /usr/lib/python3.11/asyncio/base_events.py:180";
    if (GatheringFuture::is_child_callback(cb)) return "gather.<locals>._done_callback() at /usr/lib/python3.11/asyncio/tasks.py:754";
    return "<callback>()";
}

}  // namespace looplab
