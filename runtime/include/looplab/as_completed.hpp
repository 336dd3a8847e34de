#pragma once
// asyncio.as_completed (CPython Lib/asyncio/tasks.py: as_completed, _on_timeout,
// _on_completion, _wait_for_one; its `done` asyncio.Queue is reproduced inside).
//
//     for (auto&& next : as_completed(std::move(coros), 5.0)) {
//         int v = co_await std::move(next);   // in completion order; TimeoutError at 5 s
//     }
//
// Like CPython's generator, nothing happens until the first iteration: then the awaitables
// are wrapped in tasks — in ARGUMENT order (SPEC 4; CPython 3.11 iterates set(fs), whose
// order for coroutines depends on addresses) — and collected in a set of futures that is
// iterated in CPython's set order when callbacks are added and on timeout.
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "looplab/event_loop.hpp"
#include "looplab/wait.hpp"

namespace looplab {

namespace detail {

class AsCompletedState;

// What the futures' done callbacks hold: a non-owning link to the state. CPython's closures
// make a cycle (future -> _on_completion -> todo -> future) that its garbage collector
// breaks; here the state is owned by the iterator, the awaitables it yielded and the timer
// only, and once they are all gone (nothing can observe the done queue any more) it
// removes its callbacks and the futures forget it.
struct AsCompletedLink final : RefCounted {
    AsCompletedState* state = nullptr;
};

// The generator's locals: `todo`, the `done` Queue, `timeout_handle`.
class AsCompletedState final : public RefCounted, public WaitTarget {
public:
    AsCompletedState();
    ~AsCompletedState() override;
    DoneCallback on_completion_callback() const { return DoneCallback{&AsCompletedState::on_completion, link_.get()}; }
    // A getter of the done Queue shows as CPython's runner names a Queue getter.
    std::string describe_wait(const FutureBase&) const override { return "Queue.get (empty)"; }

    FutureSet todo;
    std::deque<Ref<FutureBase>> done;     // Queue items; null stands for the timeout's None
    std::deque<Ref<FutureBase>> getters;  // Queue._getters
    Ref<TimerHandle> timeout_handle;

    static void on_completion(RefCounted* link, RefCounted* fut);  // _on_completion(f)
    static void on_timeout(RefCounted* self, RefCounted*);         // _on_timeout()
    void put_nowait(Ref<FutureBase> item);                          // Queue.put_nowait
    void wakeup_next();                                             // Queue._wakeup_next(getters)

private:
    Ref<AsCompletedLink> link_;
};

// The generator body up to its first yield, given `ensure_future(f)` of every awaitable in
// argument order. Returns the state; `len(todo)` is state->todo.size() at that moment.
Ref<AsCompletedState> as_completed_start(const std::vector<Ref<FutureBase>>& fs, std::optional<double> timeout);

// _wait_for_one() up to `f.result()`: `f = await done.get()`, TimeoutError for the dummy.
Coroutine<Ref<FutureBase>> as_completed_get(Ref<AsCompletedState> st);

template <class T>
Coroutine<T> wait_for_one(Ref<AsCompletedState> st) {
    Ref<FutureBase> f = co_await as_completed_get(std::move(st));
    if constexpr (std::is_void_v<T>) {
        Future<void>(f).result();  // May raise f.exception().
    } else {
        T v = Future<T>(f).result();
        co_return v;
    }
}

}  // namespace detail

// The iterator as_completed() returns: yields len(todo) awaitables (Coroutine<T>).
template <class T>
class AsCompleted {
public:
    AsCompleted(std::vector<Future<T>> futs, std::optional<double> timeout)
        : futs_(std::move(futs)), timeout_(timeout) {}
    AsCompleted(std::vector<Coroutine<T>> coros, std::optional<double> timeout)
        : coros_(std::move(coros)), from_coroutines_(true), timeout_(timeout) {}

    // next(it): the next awaitable, or nothing when exhausted.
    std::optional<Coroutine<T>> next() {
        start();
        if (yielded_ == count_) return std::nullopt;
        ++yielded_;
        return detail::wait_for_one<T>(st_);
    }

    class iterator {
    public:
        Coroutine<T> operator*() const { return *self_->next(); }
        iterator& operator++() { return *this; }
        bool operator!=(const iterator&) const { return self_->yielded_ < self_->count_; }

    private:
        friend class AsCompleted;
        explicit iterator(AsCompleted* s) : self_(s) {}
        AsCompleted* self_;
    };
    iterator begin() {
        start();
        return iterator(this);
    }
    iterator end() { return iterator(this); }

private:
    void start() {
        if (started_) return;
        started_ = true;
        std::vector<Ref<FutureBase>> fs;
        // todo = {ensure_future(f, loop=loop) for f in dict.fromkeys(fs)}
        if (from_coroutines_) {
            for (auto& c : coros_) fs.push_back(create_task(std::move(c)).ref());
            coros_.clear();
        } else {
            for (auto& f : futs_) fs.push_back(f.ref());
        }
        st_ = detail::as_completed_start(fs, timeout_);
        count_ = st_->todo.size();
    }

    std::vector<Future<T>> futs_;
    std::vector<Coroutine<T>> coros_;
    bool from_coroutines_ = false;
    std::optional<double> timeout_;
    bool started_ = false;
    Ref<detail::AsCompletedState> st_;
    size_t count_ = 0;
    size_t yielded_ = 0;
};

template <class T>
AsCompleted<T> as_completed(std::vector<Future<T>> futs, std::optional<double> timeout = std::nullopt) {
    return AsCompleted<T>(std::move(futs), timeout);
}
template <class T>
AsCompleted<T> as_completed(const std::vector<Task<T>>& tasks, std::optional<double> timeout = std::nullopt) {
    return AsCompleted<T>(std::vector<Future<T>>(tasks.begin(), tasks.end()), timeout);
}
template <class T>
AsCompleted<T> as_completed(std::vector<Coroutine<T>> coros, std::optional<double> timeout = std::nullopt) {
    return AsCompleted<T>(std::move(coros), timeout);
}

}  // namespace looplab
