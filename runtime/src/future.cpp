// Mirrors CPython Lib/asyncio/futures.py (Future).
#include "looplab/future.hpp"

#include "looplab/event_loop.hpp"

namespace looplab {

FutureBase::FutureBase(EventLoop& loop) : loop_(&loop), id_(loop.runtime().next_object_id()) {}

FutureBase::~FutureBase() {
    // futures.py __del__: an exception nobody retrieved is reported.
    if (log_traceback_ && exception_) {
        ExceptionContext ctx;
        ctx.message = std::string(is_task() ? "Task" : "Future") + " exception was never retrieved";
        ctx.exception = exception_;
        ctx.future = nullptr;  // being destroyed: the handler gets the text only
        ctx.message += "\nfuture: " + repr();
        loop_->call_exception_handler(ctx);
    }
    looplab::release(first_callback_.ctx);
    if (more_callbacks_) {
        for (auto& cb : *more_callbacks_) looplab::release(cb.ctx);
        delete more_callbacks_;
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

uint64_t FutureBase::py_hash() {
    if (is_task()) return static_cast<const TaskBase*>(this)->number();
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
    if (exception_) std::rethrow_exception(exception_);
}

std::exception_ptr FutureBase::result_exception() {
    if (state_ == FutureState::cancelled) return make_cancelled_error();
    if (state_ != FutureState::finished) return std::make_exception_ptr(InvalidStateError("Result is not ready."));
    log_traceback_ = false;
    return exception_;
}

std::exception_ptr FutureBase::exception() {
    if (state_ == FutureState::cancelled) std::rethrow_exception(make_cancelled_error());
    if (state_ != FutureState::finished) throw InvalidStateError("Exception is not set.");
    log_traceback_ = false;
    return exception_;
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
    exception_ = std::move(e);
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
    std::vector<DoneCallback>* more = std::exchange(more_callbacks_, nullptr);
    if (first.fn) schedule(first);
    if (more) {
        for (auto& cb : *more) schedule(cb);
        delete more;
    }
}

void FutureBase::clear_done_callbacks() noexcept {
    DoneCallback first = std::exchange(first_callback_, DoneCallback{});
    std::vector<DoneCallback>* more = std::exchange(more_callbacks_, nullptr);
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
    if (!first_callback_.fn && !more_callbacks_) {
        first_callback_ = cb;
        return;
    }
    if (!more_callbacks_) more_callbacks_ = new std::vector<DoneCallback>();
    more_callbacks_->push_back(cb);
}

size_t FutureBase::remove_done_callback(DoneCallback cb) {
    // Order matters: first_callback_ is older than every entry of more_callbacks_.
    size_t removed = 0;
    if (first_callback_.fn == cb.fn && first_callback_.ctx == cb.ctx && first_callback_.fn) {
        looplab::release(first_callback_.ctx);
        first_callback_ = {};
        ++removed;
    }
    if (more_callbacks_) {
        auto& v = *more_callbacks_;
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
    if (!first_callback_.fn && more_callbacks_ && !more_callbacks_->empty()) {
        first_callback_ = more_callbacks_->front();
        more_callbacks_->erase(more_callbacks_->begin());
    }
    return removed;
}

namespace {
// A user callback: the box owns the std::function; its address is the id.
class DoneFunctionBox : public RefCounted {
public:
    explicit DoneFunctionBox(std::function<void(FutureBase&)> f) : f(std::move(f)) {}
    std::function<void(FutureBase&)> f;
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

uint64_t FutureBase::add_done_callback(std::function<void(FutureBase&)> fn) {
    auto* box = new DoneFunctionBox(std::move(fn));
    box->add_ref();  // held here until add_done_callback takes its own
    add_done_callback(DoneCallback{&DoneFunctionBox::run, box});
    uint64_t id = reinterpret_cast<uintptr_t>(box);
    box->release();
    return id;
}

size_t FutureBase::remove_done_callback(uint64_t id) {
    return remove_done_callback(DoneCallback{&DoneFunctionBox::run, reinterpret_cast<RefCounted*>(id)});
}

std::string FutureBase::repr() const {
    switch (state_) {
    case FutureState::pending: return "<Future pending>";
    case FutureState::cancelled: return "<Future cancelled>";
    case FutureState::finished:
        if (exception_) return "<Future finished exception=" + exception_repr(exception_) + ">";
        return "<Future finished>";
    }
    return "<Future>";
}

}  // namespace looplab
