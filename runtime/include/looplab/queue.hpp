#pragma once
// asyncio queues (CPython Lib/asyncio/queues.py: Queue, PriorityQueue, LifoQueue).
//
// QueueCore holds what does not depend on the item type: the _getters/_putters deques of
// waiter futures, _wakeup_next, _unfinished_tasks with the _finished Event (task_done/join),
// the loop binding of _LoopBoundMixin, tracing and the deadlock text. BasicQueue<T, Store>
// adds the items; Store is the part CPython's subclasses override (_init/_put/_get).
//
// put()/get()/join() return awaiter structs: when the queue is not full/empty (nothing
// unfinished for join) they complete in await_ready, with no coroutine frame and no
// suspension, as CPython's `while self.full()` loop is skipped. Otherwise put/get run a
// Coroutine that is CPython's loop line by line (re-checking after each wake-up and with its
// `except:` cleanup), so the awaiting task steps exactly as many times as under CPython.
//
// Lifetime: like any C++ object, a queue must outlive the tasks that use it (a Python queue
// lives as long as something references it). If it dies first anyway, the tasks still
// waiting on it can be cancelled safely (asyncio.run does so); waking one raises RuntimeError.
#include <concepts>
#include <coroutine>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "looplab/coroutine.hpp"
#include "looplab/exceptions.hpp"
#include "looplab/future.hpp"
#include "looplab/primitive.hpp"
#include "looplab/trace.hpp"

namespace looplab {

class EventLoop;
class Runtime;

// Python's repr() of a queued item, for Queue.__repr__/__str__ (`_queue=[1, 2]`). Overload
// repr_value for other item types (found by argument-dependent lookup); the interpreter
// provides it for its Python values.
std::string repr_value(bool v);
std::string repr_value(long long v);
std::string repr_value(unsigned long long v);
std::string repr_value(const std::string& v);
inline std::string repr_value(const char* v) { return repr_value(std::string(v)); }
template <std::integral I>
    requires(!std::same_as<I, bool>)
std::string repr_value(I v) {
    if constexpr (std::is_signed_v<I>) return repr_value(static_cast<long long>(v));
    else return repr_value(static_cast<unsigned long long>(v));
}

namespace detail {

// A queue can die before the tasks waiting on it in C++ (a local of main(), whose leftover
// tasks asyncio.run then cancels); CPython's garbage collector keeps it alive. The waiters
// hold the primitive's anchor and skip the clean-up of a queue nobody can reach any more.
class QueueCore : public PrimitiveBase {
public:
    QueueCore(const QueueCore&) = delete;
    QueueCore& operator=(const QueueCore&) = delete;
    virtual ~QueueCore();

    // Queue.maxsize: items allowed (<= 0: unbounded).
    int64_t maxsize() const noexcept { return maxsize_; }
    // Queue._unfinished_tasks: put() calls not yet matched by task_done().
    int64_t unfinished_tasks() const noexcept { return unfinished_tasks_; }

    // Queue.task_done: raises ValueError('task_done() called too many times').
    void task_done();

    // `co_await q.join()` (Queue.join): no suspension when nothing is unfinished; otherwise
    // waits as `await self._finished.wait()` (locks.py Event.wait) does.
    class [[nodiscard]] JoinAwaiter {
    public:
        explicit JoinAwaiter(QueueCore& q) noexcept : q_(&q) {}
        bool await_ready() { return q_->join_ready(fut_, anchor_); }
        template <class P>
        void await_suspend(std::coroutine_handle<P> h) noexcept {
            StepChannel::current().yield_future(fut_.get(), h);
        }
        void await_resume();

    private:
        QueueCore* q_;
        Ref<PrimitiveAnchor> anchor_;  // set when waiting
        Ref<FutureBase> fut_;
    };
    JoinAwaiter join() noexcept { return JoinAwaiter(*this); }

    // For the inspector: waiter futures in wake order, and the trace id.
    const std::deque<Ref<FutureBase>>& getters() const noexcept { return getters_; }
    const std::deque<Ref<FutureBase>>& putters() const noexcept { return putters_; }
    const std::deque<Ref<FutureBase>>& join_waiters() const noexcept { return join_waiters_; }
    // "Queue", "PriorityQueue" or "LifoQueue" (type(self).__name__).
    const char* class_name() const noexcept { return class_name_; }

    // `Queue.get (empty)`, `Queue.put (full)`, `Queue.join (N unfinished)`.
    std::string describe_wait(const FutureBase& waiter) const override;

    // Queue.__repr__ / __str__: `<Queue at 0x… maxsize=0 _queue=[1] _getters[1] tasks=1>`.
    std::string repr() const override;
    std::string str() const;

protected:
    QueueCore(const char* class_name, int64_t maxsize);

    // `waiter = self._get_loop().create_future(); waiters.append(waiter)`, traced as `op`.
    Ref<FutureBase> add_waiter(std::deque<Ref<FutureBase>>& waiters, PrimitiveOp op, size_t size);
    // Queue._wakeup_next: wake the first waiter that is not done (cancelled).
    static void wakeup_next(std::deque<Ref<FutureBase>>& waiters);
    // `waiters.remove(waiter)` with `except ValueError: pass`.
    static void remove_waiter(std::deque<Ref<FutureBase>>& waiters, const FutureBase& waiter) noexcept;
    // The end of put_nowait after `self._put(item)`.
    void put_done(size_t size_after);
    // `f' _queue={list(self._queue)!r}'` (empty when there are no items).
    virtual std::string format_items() const = 0;

    std::deque<Ref<FutureBase>> getters_;
    std::deque<Ref<FutureBase>> putters_;

private:
    bool join_ready(Ref<FutureBase>& fut, Ref<PrimitiveAnchor>& anchor);
    void join_finished(FutureBase& fut) noexcept;
    void set_finished();  // self._finished.set()
    std::string format() const;

    const char* class_name_;
    int64_t maxsize_;
    int64_t unfinished_tasks_ = 0;
    // The _finished Event: its flag and its _waiters (the futures of join()). Inlined rather
    // than a looplab::Event so the trace and the inspector show no Event of its own and the
    // deadlock report names the queue (`Queue.join (N unfinished)`).
    bool finished_ = true;
    std::deque<Ref<FutureBase>> join_waiters_;
};

// collections.deque: FIFO (Queue._init/_put/_get).
template <class T>
struct FifoStore {
    std::deque<T> items;
    void push(T&& v) { items.push_back(std::move(v)); }
    T pop() {
        T v = std::move(items.front());
        items.pop_front();
        return v;
    }
};

// A list used as a stack (LifoQueue._init/_put/_get).
template <class T>
struct LifoStore {
    std::vector<T> items;
    void push(T&& v) { items.push_back(std::move(v)); }
    T pop() {
        T v = std::move(items.back());
        items.pop_back();
        return v;
    }
};

// A list kept as a heap by heapq.heappush/heappop (PriorityQueue._init/_put/_get). CPython
// runs the C module Modules/_heapqmodule.c, reproduced here step by step: the same
// comparisons in the same order (so items that compare equal come out in CPython's order),
// the same swaps (so after a comparison raises, the list holds what CPython's holds:
// heappush leaves the new item in the list, heappop loses the item it was returning), and
// the same "list changed size during iteration" check. Less is `<`; it may throw.
template <class T, class Less>
struct HeapStore {
    std::vector<T> items;
    Less less;

    void push(T&& v) {
        // heappush: append, then siftdown(heap, 0, len(heap)-1).
        items.push_back(std::move(v));
        siftdown(0, items.size() - 1);
    }
    T pop() {
        // heappop: pop the last item; if the heap is not empty now, it replaces the root
        // (whose item is returned) and sifts up.
        T last = std::move(items.back());
        items.pop_back();
        if (items.empty()) return last;
        T result = std::move(items[0]);
        items[0] = std::move(last);
        siftup(0);  // if this raises, `result` is dropped, as CPython's Py_DECREF(returnitem)
        return result;
    }

private:
    // PyObject_RichCompareBool(a, b, Py_LT) on items[a] and items[b]. The operands are held
    // by copy (CPython's Py_INCREF) when T allows, so a comparator that modifies the queue
    // cannot leave them dangling; the size check after it is CPython's.
    bool lt(size_t a, size_t b) {
        size_t size = items.size();
        bool r;
        if constexpr (std::is_copy_constructible_v<T>) {
            T x = items[a];
            T y = items[b];
            r = less(x, y);
        } else {
            r = less(items[a], items[b]);
        }
        if (size != items.size()) throw RuntimeError("list changed size during iteration");
        return r;
    }
    // _heapqmodule.c siftdown: follow the path to the root, swapping parents down until the
    // new item fits.
    void siftdown(size_t startpos, size_t pos) {
        while (pos > startpos) {
            size_t parentpos = (pos - 1) >> 1;
            if (!lt(pos, parentpos)) break;
            std::swap(items[parentpos], items[pos]);
            pos = parentpos;
        }
    }
    // _heapqmodule.c siftup: bubble the smaller child up until hitting a leaf, then sift the
    // item at that leaf down to its place.
    void siftup(size_t pos) {
        size_t endpos = items.size();
        size_t startpos = pos;
        size_t limit = endpos >> 1;  // smallest pos that has no child
        while (pos < limit) {
            size_t childpos = 2 * pos + 1;
            if (childpos + 1 < endpos) {
                if (!lt(childpos, childpos + 1)) ++childpos;  // the right child when not a < b
            }
            std::swap(items[childpos], items[pos]);
            pos = childpos;
        }
        siftdown(startpos, pos);
    }
};

template <class T>
std::string item_repr(const T& v) {
    if constexpr (requires { repr_value(v); }) return repr_value(v);
    else return "<object>";
}

}  // namespace detail

// The queue itself, for a given item storage. Queue, PriorityQueue and LifoQueue below.
template <class T, class Store>
class BasicQueue : public detail::QueueCore {
public:
    using value_type = T;

    // Queue.qsize/empty/full.
    size_t qsize() const noexcept { return store_.items.size(); }
    bool empty() const noexcept { return store_.items.empty(); }
    bool full() const noexcept {
        if (maxsize() <= 0) return false;
        return qsize() >= static_cast<uint64_t>(maxsize());
    }

    // Queue.put_nowait: raises QueueFull.
    void put_nowait(T item) {
        if (full()) throw QueueFull();
        store_.push(std::move(item));  // self._put(item)
        put_done(qsize());
    }

    // Queue.get_nowait: raises QueueEmpty.
    T get_nowait() {
        if (empty()) throw QueueEmpty();
        T item = store_.pop();  // self._get()
        emit_op(PrimitiveOp::queue_get, qsize());
        wakeup_next(putters_);
        return item;
    }

    // `co_await q.put(item)`.
    class [[nodiscard]] PutAwaiter {
    public:
        PutAwaiter(BasicQueue& q, T item) : q_(&q), item_(std::move(item)) {}
        bool await_ready() const noexcept { return !q_->full(); }
        template <class P>
        void await_suspend(std::coroutine_handle<P> h) {
            slow_ = q_->put_waiting(std::move(item_));
            typename Coroutine<void>::Awaiter{slow_.handle()}.await_suspend(h);
        }
        void await_resume() {
            if (slow_) return typename Coroutine<void>::Awaiter{slow_.handle()}.await_resume();
            q_->put_nowait(std::move(item_));
        }

    private:
        BasicQueue* q_;
        T item_;
        Coroutine<void> slow_;
    };
    PutAwaiter put(T item) { return PutAwaiter(*this, std::move(item)); }

    // `co_await q.get()` gives the item.
    class [[nodiscard]] GetAwaiter {
    public:
        explicit GetAwaiter(BasicQueue& q) noexcept : q_(&q) {}
        bool await_ready() const noexcept { return !q_->empty(); }
        template <class P>
        void await_suspend(std::coroutine_handle<P> h) {
            slow_ = q_->get_waiting();
            typename Coroutine<T>::Awaiter{slow_.handle()}.await_suspend(h);
        }
        T await_resume() {
            if (slow_) return typename Coroutine<T>::Awaiter{slow_.handle()}.await_resume();
            return q_->get_nowait();
        }

    private:
        BasicQueue* q_;
        Coroutine<T> slow_;
    };
    GetAwaiter get() noexcept { return GetAwaiter(*this); }

    // The items in storage order (list(self._queue)): FIFO order, heap order, stack bottom first.
    const auto& items() const noexcept { return store_.items; }

protected:
    BasicQueue(const char* class_name, int64_t maxsize, Store store = Store{})
        : QueueCore(class_name, maxsize), store_(std::move(store)) {}

    std::string format_items() const override {
        if (store_.items.empty()) return {};
        std::string s = " _queue=[";
        bool first = true;
        for (const T& v : store_.items) {
            if (!first) s += ", ";
            first = false;
            s += detail::item_repr(v);
        }
        return s + "]";
    }

private:
    // Queue.put once the queue was found full.
    Coroutine<void> put_waiting(T item) {
        Ref<detail::PrimitiveAnchor> queue_alive = anchor();
        while (full()) {
            Ref<FutureBase> putter = add_waiter(putters_, PrimitiveOp::queue_put_wait, qsize());
            std::exception_ptr error;
            try {
                Future<void> waiting(putter);
                co_await waiting;
            } catch (...) {  // `except:` — CancelledError above all
                error = std::current_exception();
            }
            if (error) {
                putter->cancel();  // Just in case putter is not done yet.
                if (!queue_alive->alive) std::rethrow_exception(error);
                // Clean self._putters from canceled putters (get_nowait may have popped it).
                remove_waiter(putters_, *putter);
                // Woken by get_nowait() but cancelled before taking the slot: wake the next one.
                if (!full() && !putter->cancelled()) wakeup_next(putters_);
                std::rethrow_exception(error);
            }
            // Woken, then the queue died: only C++ lifetimes allow this, not CPython.
            if (!queue_alive->alive) throw RuntimeError("the queue was destroyed while a task waited on it");
        }
        put_nowait(std::move(item));
    }

    // Queue.get once the queue was found empty.
    Coroutine<T> get_waiting() {
        Ref<detail::PrimitiveAnchor> queue_alive = anchor();
        while (empty()) {
            Ref<FutureBase> getter = add_waiter(getters_, PrimitiveOp::queue_get_wait, qsize());
            std::exception_ptr error;
            try {
                Future<void> waiting(getter);
                co_await waiting;
            } catch (...) {
                error = std::current_exception();
            }
            if (error) {
                getter->cancel();  // Just in case getter is not done yet.
                if (!queue_alive->alive) std::rethrow_exception(error);
                // Clean self._getters from canceled getters (put_nowait may have popped it).
                remove_waiter(getters_, *getter);
                // Woken by put_nowait() but cancelled before taking the item: wake the next one.
                if (!empty() && !getter->cancelled()) wakeup_next(getters_);
                std::rethrow_exception(error);
            }
            // Woken, then the queue died: only C++ lifetimes allow this, not CPython.
            if (!queue_alive->alive) throw RuntimeError("the queue was destroyed while a task waited on it");
        }
        co_return get_nowait();
    }

    Store store_;
};

// asyncio.Queue: first in, first out. maxsize <= 0 means unbounded.
template <class T>
class Queue : public BasicQueue<T, detail::FifoStore<T>> {
public:
    explicit Queue(int64_t maxsize = 0) : BasicQueue<T, detail::FifoStore<T>>("Queue", maxsize) {}
};

// asyncio.PriorityQueue: lowest first, in heapq order. Less is Python's `<` on items.
template <class T, class Less = std::less<T>>
class PriorityQueue : public BasicQueue<T, detail::HeapStore<T, Less>> {
public:
    explicit PriorityQueue(int64_t maxsize = 0, Less less = Less())
        : BasicQueue<T, detail::HeapStore<T, Less>>("PriorityQueue", maxsize,
                                                    detail::HeapStore<T, Less>{{}, std::move(less)}) {}
};

// asyncio.LifoQueue: last in, first out.
template <class T>
class LifoQueue : public BasicQueue<T, detail::LifoStore<T>> {
public:
    explicit LifoQueue(int64_t maxsize = 0) : BasicQueue<T, detail::LifoStore<T>>("LifoQueue", maxsize) {}
};

}  // namespace looplab
