#pragma once
// asyncio.wait (CPython Lib/asyncio/tasks.py: wait, _wait, _release_waiter), and FutureSet:
// a set of futures that iterates in CPython's set order (SPEC 4), shared by wait(),
// as_completed() and TaskGroup.
//
//     std::vector<Future<int>> fs;  // (no braced list: GCC 12 mishandles them in coroutines)
//     fs.push_back(t1);
//     fs.push_back(t2);
//     auto [done, pending] = co_await wait(fs, 5.0, FIRST_COMPLETED);
//
// Pending futures are not cancelled on timeout (wait never raises TimeoutError).
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "looplab/event_loop.hpp"
#include "looplab/py_set.hpp"

namespace looplab {

// A CPython `set` of futures: members keyed by FutureBase::py_hash() (a task's creation
// number, other futures numbered when first hashed), iterated in setobject.c's slot order.
// Two distinct futures with one hash (a future and a task can collide) cannot both live in
// PySetOrder; the later one is kept aside and iterated last.
class FutureSet {
public:
    // set.add(f): hashes f (assigning a future its hash if it has none yet).
    void add(Ref<FutureBase> f);
    // set.discard(f).
    void discard(FutureBase* f);
    bool contains(FutureBase* f) const;
    size_t size() const noexcept { return members_.size() + colliders_.size(); }
    bool empty() const noexcept { return size() == 0; }
    void clear();
    // `for f in s`: the members in CPython's iteration order.
    std::vector<Ref<FutureBase>> items() const;

private:
    PySetOrder order_;
    std::unordered_map<uint64_t, Ref<FutureBase>> members_;
    std::vector<Ref<FutureBase>> colliders_;
};

// set(fs) for a list fs: added in argument order, duplicates dropped; the set's order.
std::vector<Ref<FutureBase>> python_set_order(const std::vector<Ref<FutureBase>>& fs);

// asyncio.FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED.
enum class ReturnWhen { FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED };
inline constexpr ReturnWhen FIRST_COMPLETED = ReturnWhen::FIRST_COMPLETED;
inline constexpr ReturnWhen FIRST_EXCEPTION = ReturnWhen::FIRST_EXCEPTION;
inline constexpr ReturnWhen ALL_COMPLETED = ReturnWhen::ALL_COMPLETED;
// For callers holding the Python value: the constant, or ValueError('Invalid return_when
// value: X') as wait() raises.
ReturnWhen parse_return_when(std::string_view s);
const char* return_when_name(ReturnWhen rw);

// What wait() returns: the two sets, each in CPython's iteration order of that set.
struct WaitSets {
    std::vector<Ref<FutureBase>> done;
    std::vector<Ref<FutureBase>> pending;
};
template <class T>
struct WaitResult {
    std::vector<Future<T>> done;
    std::vector<Future<T>> pending;
};

// asyncio.wait on futures of any result type. Raises ValueError for an empty set, as
// CPython does when the coroutine runs (wait is an `async def`).
Coroutine<WaitSets> wait(std::vector<Ref<FutureBase>> fs, std::optional<double> timeout = std::nullopt,
                         ReturnWhen return_when = ALL_COMPLETED);

template <class T>
Coroutine<WaitResult<T>> wait(std::vector<Future<T>> fs, std::optional<double> timeout = std::nullopt,
                              ReturnWhen return_when = ALL_COMPLETED) {
    std::vector<Ref<FutureBase>> refs;
    refs.reserve(fs.size());
    for (auto& f : fs) refs.push_back(f.ref());
    WaitSets sets = co_await wait(std::move(refs), timeout, return_when);
    WaitResult<T> r;
    for (auto& f : sets.done) r.done.emplace_back(std::move(f));
    for (auto& f : sets.pending) r.pending.emplace_back(std::move(f));
    co_return r;
}

template <class T>
Coroutine<WaitResult<T>> wait(const std::vector<Task<T>>& tasks, std::optional<double> timeout = std::nullopt,
                              ReturnWhen return_when = ALL_COMPLETED) {
    return wait(std::vector<Future<T>>(tasks.begin(), tasks.end()), timeout, return_when);
}

namespace detail {
// tasks.py _release_waiter as a Callback / DoneCallback: a = the waiter future.
void release_waiter(RefCounted* waiter, RefCounted*);
void release_waiter_done(RefCounted* waiter, RefCounted* fut);
}  // namespace detail

}  // namespace looplab
