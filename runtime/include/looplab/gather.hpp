#pragma once
// asyncio.gather (CPython Lib/asyncio/tasks.py: gather, _GatheringFuture).
#include <optional>
#include <vector>

#include "looplab/event_loop.hpp"

namespace looplab {

// The outer future of gather(). Its result is read from the children once all are done.
class GatheringFuture final : public FutureBase {
public:
    GatheringFuture(EventLoop& loop, std::vector<Ref<FutureBase>> children, bool return_exceptions);
    // _GatheringFuture.cancel: cancels the children; the outer future then fails with
    // CancelledError whatever return_exceptions says.
    bool cancel(std::string_view msg = {}) override;
    const void* value_ptr() const noexcept override { return nullptr; }
    const std::vector<Ref<FutureBase>>& children() const noexcept { return children_; }
    // gather() with no arguments: an already finished future (result []).
    void finish_empty() { finish_with_result(); }
    // True for the callback gather() adds to each child (tasks.py _done_callback).
    static bool is_child_callback(const DoneCallback& cb) noexcept { return cb.fn == &GatheringFuture::child_done; }

private:
    friend Ref<GatheringFuture> gather_futures(std::vector<Ref<FutureBase>>, bool);
    static void child_done(RefCounted* self, RefCounted* child);
    void set_exception_core(std::exception_ptr e);
    void on_child_done(FutureBase& child);
    std::vector<Ref<FutureBase>> children_;
    size_t nfuts_ = 0;
    size_t nfinished_ = 0;
    bool return_exceptions_;
    bool cancel_requested_ = false;
};

// One result of gather(..., return_exceptions=true): a value or an exception.
template <class T>
struct Outcome {
    std::optional<T> value;
    std::exception_ptr error;
};
template <>
struct Outcome<void> {
    std::exception_ptr error;
};

// The handle gather() returns: awaiting it gives std::vector<T> (void: nothing), or with
// return_exceptions a std::vector<Outcome<T>>.
template <class T, bool ReturnExceptions>
class Gathering {
public:
    explicit Gathering(Ref<GatheringFuture> g) : g_(std::move(g)) {}
    GatheringFuture& future() const { return *g_; }
    Future<void> as_future() const { return Future<void>(Ref<FutureBase>(g_.get())); }
    bool cancel(std::string_view msg = {}) { return g_->cancel(msg); }
    bool done() const { return g_->done(); }

    auto results() const {
        g_->check_result();
        if constexpr (ReturnExceptions) {
            std::vector<Outcome<T>> out;
            for (auto& c : g_->children()) {
                Outcome<T> o;
                if (c->cancelled()) o.error = std::make_exception_ptr(CancelledError(cancel_message(*c)));
                else if (auto e = c->exception()) o.error = e;
                else if constexpr (!std::is_void_v<T>) o.value = *static_cast<const T*>(c->value_ptr());
                out.push_back(std::move(o));
            }
            return out;
        } else if constexpr (!std::is_void_v<T>) {
            std::vector<T> out;
            for (auto& c : g_->children()) out.push_back(*static_cast<const T*>(c->value_ptr()));
            return out;
        }
    }

    struct Awaiter : FutureAwaiterBase {
        const Gathering* self;
        Awaiter(const Gathering* s) : FutureAwaiterBase(s->g_.get()), self(s) {}
        auto await_resume() {
            if (suspended_) StepChannel::current().rethrow_if_thrown();
            return self->results();
        }
    };
    Awaiter operator co_await() const noexcept { return Awaiter{this}; }

private:
    static std::string cancel_message(FutureBase& f);
    Ref<GatheringFuture> g_;
};

// Builds the outer future from children that are already futures (ensure_future done).
Ref<GatheringFuture> gather_futures(std::vector<Ref<FutureBase>> children, bool return_exceptions);
// The message a cancelled child's CancelledError carries in gather's results.
std::string cancelled_message_of(FutureBase& f);

template <class T, bool R>
std::string Gathering<T, R>::cancel_message(FutureBase& f) {
    return cancelled_message_of(f);
}

template <class T>
Gathering<T, false> gather(const std::vector<Future<T>>& futs) {
    std::vector<Ref<FutureBase>> c;
    for (auto& f : futs) c.push_back(f.ref());
    return Gathering<T, false>(gather_futures(std::move(c), false));
}
template <class T>
Gathering<T, true> gather_return_exceptions(const std::vector<Future<T>>& futs) {
    std::vector<Ref<FutureBase>> c;
    for (auto& f : futs) c.push_back(f.ref());
    return Gathering<T, true>(gather_futures(std::move(c), true));
}
template <class T>
Gathering<T, false> gather(std::vector<Coroutine<T>> coros) {
    std::vector<Future<T>> futs;
    for (auto& c : coros) futs.push_back(ensure_future(std::move(c)));
    return gather(futs);
}
template <class T>
Gathering<T, true> gather_return_exceptions(std::vector<Coroutine<T>> coros) {
    std::vector<Future<T>> futs;
    for (auto& c : coros) futs.push_back(ensure_future(std::move(c)));
    return gather_return_exceptions(futs);
}
// gather(a(), b(), c()) for coroutines or futures of one result type.
template <class First, class... Rest>
    requires(sizeof...(Rest) > 0 || !std::is_same_v<std::decay_t<First>, std::vector<typename First::value_type>>)
auto gather(First&& first, Rest&&... rest) {
    using T = typename std::decay_t<decltype(ensure_future(std::forward<First>(first)))>::value_type;
    std::vector<Future<T>> futs;
    futs.push_back(ensure_future(std::forward<First>(first)));
    (futs.push_back(ensure_future(std::forward<Rest>(rest))), ...);
    return gather(futs);
}

}  // namespace looplab
