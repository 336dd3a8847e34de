// Mirrors CPython Lib/asyncio/tasks.py: gather() and _GatheringFuture.
#include "looplab/gather.hpp"

#include <unordered_set>

namespace looplab {

GatheringFuture::GatheringFuture(EventLoop& loop, std::vector<Ref<FutureBase>> children, bool return_exceptions)
    : FutureBase(loop), children_(std::move(children)), return_exceptions_(return_exceptions) {
    label_ = FutureLabel::gather;
}

std::string cancelled_message_of(FutureBase& f) { return std::string(f.cancel_message()); }

Ref<GatheringFuture> gather_futures(std::vector<Ref<FutureBase>> children, bool return_exceptions) {
    if (children.empty()) {
        // gather() with nothing: a finished future on the current loop.
        Ref<GatheringFuture> outer(new GatheringFuture(get_running_loop(), {}, return_exceptions));
        outer->finish_empty();
        return outer;
    }
    EventLoop& loop = children.front()->get_loop();
    Ref<GatheringFuture> outer(new GatheringFuture(loop, children, return_exceptions));
    // `if arg not in arg_to_fut`: a future passed twice gets one callback and counts once.
    std::unordered_set<FutureBase*> seen;
    seen.reserve(children.size());
    for (auto& c : children) {
        c->py_hash();  // `arg not in arg_to_fut` hashes a future argument (SPEC 4)
        if (!seen.insert(c.get()).second) continue;
        ++outer->nfuts_;
        c->add_done_callback(DoneCallback{&GatheringFuture::child_done, outer.get()});
    }
    return outer;
}

void GatheringFuture::child_done(RefCounted* self, RefCounted* child) {
    static_cast<GatheringFuture*>(self)->on_child_done(*static_cast<FutureBase*>(child));
}

void GatheringFuture::on_child_done(FutureBase& fut) {
    // gather's _done_callback.
    ++nfinished_;
    if (done()) {
        if (!fut.cancelled()) fut.exception();  // mark the exception retrieved
        return;
    }
    if (!return_exceptions_) {
        if (fut.cancelled()) {
            set_exception_core(fut.make_cancelled_error());
            return;
        }
        if (auto exc = fut.exception()) {
            set_exception_core(exc);
            return;
        }
    }
    if (nfinished_ == nfuts_) {
        // Results are read from the children by the typed handle; mark them retrieved now.
        for (auto& c : children_)
            if (!c->cancelled()) c->exception();
        if (cancel_requested_) {
            // bpo-32684: a cancelled gather raises CancelledError whatever return_exceptions says.
            set_exception_core(fut.make_cancelled_error());
        } else {
            finish_with_result();
        }
    }
}

void GatheringFuture::set_exception_core(std::exception_ptr e) { finish_with_exception(std::move(e)); }

bool GatheringFuture::cancel(std::string_view msg) {
    if (done()) return false;
    bool ret = false;
    for (auto& child : children_)
        if (child->cancel(msg)) ret = true;
    if (ret) cancel_requested_ = true;
    return ret;
}

}  // namespace looplab
