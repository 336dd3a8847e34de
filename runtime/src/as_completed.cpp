// Mirrors CPython Lib/asyncio/tasks.py: as_completed() (and the asyncio.Queue it uses,
// Lib/asyncio/queues.py: get, get_nowait, put_nowait, _wakeup_next).
#include "looplab/as_completed.hpp"

#include <algorithm>

namespace looplab::detail {

AsCompletedState::AsCompletedState() : link_(new AsCompletedLink) { link_->state = this; }

AsCompletedState::~AsCompletedState() {
    for (auto& g : getters) g->set_wait_target(nullptr);
    for (auto& f : todo.items()) f->remove_done_callback(on_completion_callback());
    link_->state = nullptr;  // callbacks already queued find no state and do nothing
}

void AsCompletedState::wakeup_next() {
    // Wake up the next waiter (if any) that isn't cancelled.
    while (!getters.empty()) {
        Ref<FutureBase> waiter = std::move(getters.front());
        getters.pop_front();
        if (!waiter->done()) {
            static_cast<FutureImpl<void>&>(*waiter).set_result();
            break;
        }
    }
}

void AsCompletedState::put_nowait(Ref<FutureBase> item) {
    // The queue is unbounded: _put, then wake a getter.
    done.push_back(std::move(item));
    wakeup_next();
}

void AsCompletedState::on_completion(RefCounted* link, RefCounted* fut) {
    AsCompletedState* state = static_cast<AsCompletedLink*>(link)->state;
    if (!state) return;
    AsCompletedState& st = *state;
    if (st.todo.empty()) return;  // _on_timeout() was here first.
    auto* f = static_cast<FutureBase*>(fut);
    st.todo.discard(f);  // todo.remove(f)
    st.put_nowait(Ref<FutureBase>(f));
    if (st.todo.empty() && st.timeout_handle) st.timeout_handle->cancel();
}

void AsCompletedState::on_timeout(RefCounted* self, RefCounted*) {
    auto& st = static_cast<AsCompletedState&>(*self);
    for (auto& f : st.todo.items()) {
        f->remove_done_callback(st.on_completion_callback());
        st.put_nowait(nullptr);  // Queue a dummy value for _wait_for_one().
    }
    st.todo.clear();  // Can't do todo.remove(f) in the loop.
}

Ref<AsCompletedState> as_completed_start(const std::vector<Ref<FutureBase>>& fs, std::optional<double> timeout) {
    EventLoop& loop = get_running_loop();
    Ref<AsCompletedState> st(new AsCompletedState);
    for (auto& f : fs) st->todo.add(f);
    for (auto& f : st->todo.items()) f->add_done_callback(st->on_completion_callback());
    if (!st->todo.empty() && timeout) {
        st->add_ref();  // the timer callback's reference
        st->timeout_handle = loop.call_at(loop.time() + *timeout, Callback{&AsCompletedState::on_timeout, st.get(), nullptr});
    }
    return st;
}

Coroutine<Ref<FutureBase>> as_completed_get(Ref<AsCompletedState> st) {
    // f = await done.get()  (Queue.get)
    while (st->done.empty()) {
        Ref<FutureBase> getter(new FutureImpl<void>(get_running_loop()));
        getter->set_label(FutureLabel::queue_get);
        getter->set_wait_target(st.get());
        st->getters.push_back(getter);
        std::exception_ptr error;
        try {
            Future<void> g(getter);
            co_await g;
        } catch (...) {
            error = std::current_exception();
        }
        if (error) {
            getter->cancel();  // Just in case getter is not done yet.
            auto it = std::find(st->getters.begin(), st->getters.end(), getter);
            if (it != st->getters.end()) st->getters.erase(it);
            if (!st->done.empty() && !getter->cancelled()) st->wakeup_next();
            std::rethrow_exception(error);
        }
    }
    Ref<FutureBase> f = std::move(st->done.front());  // get_nowait (no putters to wake)
    st->done.pop_front();
    if (!f) throw TimeoutError();  // Dummy value from _on_timeout().
    co_return f;
}

}  // namespace looplab::detail
