#pragma once
// asyncio.run (CPython Lib/asyncio/runners.py: Runner.run, Runner.close, _cancel_all_tasks).
#include <optional>

#include "looplab/event_loop.hpp"

namespace looplab {

struct RunOptions {
    bool debug = false;
};

namespace detail {
EventLoop& begin_run(const RunOptions& opts);
// Runner.close(): cancel what is left, run the two shutdown steps, close the loop.
void finish_run(EventLoop& loop);
}  // namespace detail

// asyncio.run(main): a new loop per call (numbered 1, 2, … over the run), main wrapped in a
// task, then the remaining tasks cancelled and the loop's shutdown coroutines run — each a
// task of its own, as in CPython, so task names keep counting the same way.
template <class T>
T run(Coroutine<T> main, RunOptions opts = {}) {
    EventLoop& loop = detail::begin_run(opts);
    std::exception_ptr error;
    std::optional<std::conditional_t<std::is_void_v<T>, bool, T>> result;
    try {
        Task<T> task = loop.create_task(std::move(main));
        if constexpr (std::is_void_v<T>) {
            loop.run_until_complete(Future<T>(task));
            result.emplace(true);
        } else {
            result.emplace(loop.run_until_complete(Future<T>(task)));
        }
    } catch (const RunEnded&) {
        throw;
    } catch (...) {
        error = std::current_exception();
    }
    detail::finish_run(loop);
    if (error) std::rethrow_exception(error);
    if constexpr (!std::is_void_v<T>) return std::move(*result);
}

}  // namespace looplab
