// Mirrors CPython Lib/asyncio/runners.py.
#include "looplab/runners.hpp"

#include "looplab/gather.hpp"
#include "looplab/py_set.hpp"

namespace looplab {

namespace {
// base_events.py: both return at once when there is nothing to shut down, but each is a
// coroutine run with run_until_complete, i.e. one task with one step.
Coroutine<void> shutdown_asyncgens() { co_return; }
Coroutine<void> shutdown_default_executor() { co_return; }

void cancel_all_tasks(EventLoop& loop) {
    // runners.py _cancel_all_tasks: `to_cancel = tasks.all_tasks(loop)` is a set.
    std::vector<TaskBase*> to_cancel = python_set_order(loop.pending_tasks());
    if (to_cancel.empty()) return;
    std::vector<Ref<FutureBase>> children;
    for (TaskBase* t : to_cancel) {
        t->cancel();
        children.emplace_back(t);
    }
    loop.run_until_complete(Future<void>(Ref<FutureBase>(gather_futures(children, true).get())));
    for (auto& c : children) {
        if (c->cancelled()) continue;
        if (auto exc = c->exception()) {
            ExceptionContext ctx;
            ctx.message = "unhandled exception during asyncio.run() shutdown";
            ctx.exception = exc;
            ctx.future = c.get();
            loop.call_exception_handler(ctx);
        }
    }
}
}  // namespace

namespace detail {

EventLoop& begin_run(const RunOptions& opts) {
    Runtime& rt = Runtime::current();
    if (rt.running_loop()) throw RuntimeError("asyncio.run() cannot be called from a running event loop");
    EventLoop& loop = rt.new_event_loop();
    loop.set_debug(opts.debug);
    return loop;
}

void finish_run(EventLoop& loop) {
    cancel_all_tasks(loop);
    loop.run_until_complete(shutdown_asyncgens());
    loop.run_until_complete(shutdown_default_executor());
    loop.close();
}

}  // namespace detail
}  // namespace looplab
