// Mirrors CPython Lib/asyncio/tasks.py: wait(), _wait(), _release_waiter().
#include "looplab/wait.hpp"

#include <algorithm>
#include <string>

namespace looplab {

// --- FutureSet -------------------------------------------------------------------------------

void FutureSet::add(Ref<FutureBase> f) {
    uint64_t h = f->py_hash();
    auto it = members_.find(h);
    if (it != members_.end()) {
        if (it->second == f) return;
        if (std::find(colliders_.begin(), colliders_.end(), f) == colliders_.end()) colliders_.push_back(std::move(f));
        return;
    }
    order_.add(h);
    members_.emplace(h, std::move(f));
}

void FutureSet::discard(FutureBase* f) {
    uint64_t h = f->py_hash();
    auto it = members_.find(h);
    if (it != members_.end() && it->second.get() == f) {
        order_.discard(h);
        members_.erase(it);
        return;
    }
    auto c = std::find_if(colliders_.begin(), colliders_.end(), [f](const Ref<FutureBase>& x) { return x.get() == f; });
    if (c != colliders_.end()) colliders_.erase(c);
}

bool FutureSet::contains(FutureBase* f) const {
    uint64_t h = f->py_hash();
    auto it = members_.find(h);
    if (it != members_.end() && it->second.get() == f) return true;
    return std::any_of(colliders_.begin(), colliders_.end(), [f](const Ref<FutureBase>& x) { return x.get() == f; });
}

void FutureSet::clear() {
    // set.clear() frees the table: a fresh, empty set.
    order_ = PySetOrder();
    members_.clear();
    colliders_.clear();
}

std::vector<Ref<FutureBase>> FutureSet::items() const {
    std::vector<Ref<FutureBase>> out;
    out.reserve(size());
    for (uint64_t h : order_.order()) out.push_back(members_.at(h));
    for (auto& c : colliders_) out.push_back(c);
    return out;
}

std::vector<Ref<FutureBase>> python_set_order(const std::vector<Ref<FutureBase>>& fs) {
    FutureSet s;
    for (auto& f : fs) s.add(f);
    return s.items();
}

// --- return_when -----------------------------------------------------------------------------

const char* return_when_name(ReturnWhen rw) {
    switch (rw) {
    case ReturnWhen::FIRST_COMPLETED: return "FIRST_COMPLETED";
    case ReturnWhen::FIRST_EXCEPTION: return "FIRST_EXCEPTION";
    case ReturnWhen::ALL_COMPLETED: return "ALL_COMPLETED";
    }
    return "?";
}

ReturnWhen parse_return_when(std::string_view s) {
    for (ReturnWhen rw : {FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED})
        if (s == return_when_name(rw)) return rw;
    throw ValueError("Invalid return_when value: " + std::string(s));
}

// --- wait ------------------------------------------------------------------------------------

namespace detail {
void release_waiter(RefCounted* waiter, RefCounted*) {
    // _release_waiter(waiter, *args)
    auto* w = static_cast<FutureImpl<void>*>(waiter);
    if (!w->done()) w->set_result();
}
void release_waiter_done(RefCounted* waiter, RefCounted* fut) { release_waiter(waiter, fut); }
}  // namespace detail

namespace {

// The state _wait()'s closure _on_completion shares with it.
struct WaitState final : RefCounted {
    long counter = 0;
    ReturnWhen return_when = ALL_COMPLETED;
    Ref<FutureBase> waiter;
    Ref<TimerHandle> timeout_handle;

    static void on_completion(RefCounted* self, RefCounted* fut) {
        auto& st = static_cast<WaitState&>(*self);
        auto& f = static_cast<FutureBase&>(*fut);
        st.counter -= 1;
        if (st.counter <= 0 || st.return_when == FIRST_COMPLETED ||
            (st.return_when == FIRST_EXCEPTION && !f.cancelled() && f.exception() != nullptr)) {
            if (st.timeout_handle) st.timeout_handle->cancel();
            if (!st.waiter->done()) static_cast<FutureImpl<void>&>(*st.waiter).set_result();
        }
    }
};

Coroutine<WaitSets> wait_impl(std::vector<Ref<FutureBase>> fs, std::optional<double> timeout, ReturnWhen return_when,
                              EventLoop& loop) {
    // _wait(fs, timeout, return_when, loop)
    Ref<WaitState> st(new WaitState);
    st->return_when = return_when;
    st->waiter = Ref<FutureBase>(new FutureImpl<void>(loop));
    st->waiter->set_label(FutureLabel::wait);
    if (timeout) {
        st->waiter->add_ref();  // the timer callback's reference
        st->timeout_handle = loop.call_at(loop.time() + *timeout, Callback{&detail::release_waiter, st->waiter.get(), nullptr},
                                          st->waiter->id());
    }
    st->counter = long(fs.size());
    const DoneCallback on_completion{&WaitState::on_completion, st.get()};
    for (auto& f : fs) f->add_done_callback(on_completion);

    std::exception_ptr error;
    try {
        Future<void> waiter(st->waiter);
        co_await waiter;
    } catch (...) {
        error = std::current_exception();
    }
    // finally:
    if (st->timeout_handle) st->timeout_handle->cancel();
    for (auto& f : fs) f->remove_done_callback(on_completion);
    if (error) std::rethrow_exception(error);

    FutureSet done, pending;
    for (auto& f : fs) {
        if (f->done()) done.add(f);
        else pending.add(f);
    }
    co_return WaitSets{done.items(), pending.items()};
}

}  // namespace

Coroutine<WaitSets> wait(std::vector<Ref<FutureBase>> fs, std::optional<double> timeout, ReturnWhen return_when) {
    // wait(): checked when the coroutine runs, as in CPython.
    if (fs.empty()) throw ValueError("Set of Tasks/Futures is empty.");
    if (return_when != FIRST_COMPLETED && return_when != FIRST_EXCEPTION && return_when != ALL_COMPLETED)
        throw ValueError("Invalid return_when value: " + std::to_string(int(return_when)));
    std::vector<Ref<FutureBase>> set = python_set_order(fs);  // fs = set(fs)
    EventLoop& loop = get_running_loop();
    WaitSets sets = co_await wait_impl(std::move(set), timeout, return_when, loop);
    co_return sets;
}

}  // namespace looplab
