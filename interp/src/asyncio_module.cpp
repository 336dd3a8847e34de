// The `asyncio` module's functions over the runtime (CPython Lib/asyncio/runners.py,
// tasks.py, timeouts.py, taskgroups.py, events.py): run, sleep, create_task, gather,
// wait_for, wait, shield, as_completed, timeout, TaskGroup, the loop object.
#include <optional>
#include <unordered_map>
#include <vector>

#include "asyncio_bridge.hpp"
#include "looplab/as_completed.hpp"
#include "looplab/gather.hpp"
#include "looplab/runners.hpp"
#include "looplab/shield.hpp"
#include "looplab/sleep.hpp"
#include "looplab/task_group.hpp"
#include "looplab/timeout.hpp"
#include "looplab/wait.hpp"
#include "looplab/wait_for.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/library_frames.hpp"
#include "looplab/py/set.hpp"
#include "vm_ops.hpp"

namespace looplab::py {

namespace {

std::optional<double> optional_seconds(Interp& in, const Value& v, const char* what) {
    if (v.is_undefined() || v.is_none()) return std::nullopt;
    if (!v.is_intlike() && !v.is_float()) {
        // CPython fails comparing it: `timeout <= 0`.
        raise_type_error(std::string("'<=' not supported between instances of '") + type_name(v) + "' and 'int'");
    }
    (void)what;
    return to_float(in, v, what);
}

Value arg_or_kw(const CallArgs& a, size_t i, const char* name) {
    if (a.nargs > i) return a[i];
    return a.kw(name);
}

// ---- run ------------------------------------------------------------------------------
bool is_exit_exception(const ExceptionObject& e) {
    return exception_matches(e, exc_types().SystemExit) || exception_matches(e, exc_types().KeyboardInterrupt);
}

Value asyncio_run(Interp& in, const CallArgs& a) {
    check_args(a, "run", 1, 1, {"debug"});
    Value main = a[0];
    Value debug = a.kw("debug");
    if (in.runtime().running_loop())
        raise(exc_types().RuntimeError, "asyncio.run() cannot be called from a running event loop");
    RunOptions opts;
    opts.debug = !debug.is_undefined() && truthy(in, debug);
    // runners.py: `with Runner(debug=debug) as runner` makes the loop (__enter__), then
    // Runner.run checks the argument; __exit__ closes the loop either way.
    EventLoop& loop = detail::begin_run(opts);
    prepare_loop(in, loop);
    set_current_event_loop(&loop);
    std::exception_ptr error;
    Value result;
    try {
        if (!is_coroutine_object(main)) raise_value_error("a coroutine was expected, got " + repr(in, main));
        Ref<FutureBase> task(new FrameTask(loop, main, {}, "/usr/lib/python3.11/asyncio/runners.py:100"));
        try {
            result = loop.run_until_complete(Future<Value>(task));
        } catch (const PyErrorBase& e) {
            // main's outcome leaves through base_events.py's `return future.result()`,
            // Runner.run and asyncio.run: frames 3.11 tracebacks show. (SystemExit and
            // KeyboardInterrupt leave from inside run_forever instead, by other frames.)
            if (task->done() && !is_exit_exception(*e.exc))
                for (const LibraryFrame* f : {&kRunUntilCompleteResult, &kRunnerRunUntilComplete, &kRunRunnerRun})
                    add_library_frame(*e.exc, *f);
            throw;
        }
    } catch (const RunEnded&) {
        throw;
    } catch (...) {
        error = std::current_exception();
    }
    detail::finish_run(loop);
    set_current_event_loop(nullptr);  // Runner.close: events.set_event_loop(None)
    if (error) std::rethrow_exception(error);
    return result;
}

// ---- sleep ----------------------------------------------------------------------------
Coroutine<Value> sleep_body(double delay, Value result) {
    std::exception_ptr error;
    try {
        co_await looplab::sleep(delay);
    } catch (...) {
        error = std::current_exception();
    }
    // A cancellation reaches the sleeper at tasks.py's `return await future`, a frame 3.11
    // tracebacks show.
    if (error) std::rethrow_exception(through_library_frames(error, {&kSleepAwaitFuture}));
    co_return result;
}

// The coroutine of sleep(0), made and dropped once per task switch: its memory comes from
// a small free list rather than malloc/free. A C++ subclass only for its operator
// new/delete (RefCounted's `delete this` reaches them through the virtual destructor); to
// Python it is a NativeCoroutine like any other.
struct Sleep0Coroutine final : NativeCoroutine {
    explicit Sleep0Coroutine(Value result) : NativeCoroutine(BareYield{}, std::move(result), "sleep") {}
    static void* operator new(size_t size) {
        auto& pool = free_list();
        if (size == sizeof(Sleep0Coroutine) && !pool.empty()) {
            void* p = pool.back();
            pool.pop_back();
            return p;
        }
        return ::operator new(size);
    }
    static void operator delete(void* p, size_t size) {
        auto& pool = free_list();
        if (size == sizeof(Sleep0Coroutine) && pool.size() < kMaxPooled) {
            pool.push_back(p);
            return;
        }
        ::operator delete(p);
    }
    static constexpr size_t kMaxPooled = 256;
    static std::vector<void*>& free_list() {
        // Never freed (nor its blocks): static destruction order would otherwise matter.
        static thread_local auto* v = new std::vector<void*>();
        return *v;
    }
};

Value asyncio_sleep(Interp& in, const CallArgs& a) {
    // `sleep(0)`, the switch every benchmark and tutorial loop makes: skip the argument
    // binding (same outcome as the general path below).
    if (a.nargs == 1 && a.nkw == 0 && a[0].is_int() && a[0].as_int() <= 0) return Value(new Sleep0Coroutine(Value::none()));
    check_args(a, "sleep", 1, 2, {"result", "delay"});
    Value d = arg_or_kw(a, 0, "delay");
    Value result = arg_or_kw(a, 1, "result");
    if (result.is_undefined()) result = Value::none();
    if (!d.is_intlike() && !d.is_float())
        raise_type_error("'<=' not supported between instances of '" + type_name(d) + "' and 'int'");
    double delay = to_float(in, d, "delay");
    if (delay <= 0) return Value(new Sleep0Coroutine(std::move(result)));
    return make_native_coroutine(sleep_body(delay, result), "sleep");
}

// ---- tasks ----------------------------------------------------------------------------
Value asyncio_create_task(Interp& in, const CallArgs& a) {
    check_args(a, "create_task", 1, 1, {"name", "context"});
    Value coro = a[0];
    EventLoop& loop = running_loop();
    if (!is_coroutine_object(coro)) raise_type_error("a coroutine was expected, got " + repr(in, coro));
    Value name = a.kw("name");
    // tasks.create_task: loop.create_task(coro) then _set_task_name: the Task-N number is used.
    Ref<FutureBase> t(new FrameTask(loop, coro, {}, "/usr/lib/python3.11/asyncio/tasks.py:374"));
    if (!name.is_undefined() && !name.is_none()) static_cast<TaskBase&>(*t).set_name(str(in, name));
    return wrap_future(t);
}

Value asyncio_ensure_future(Interp& in, const CallArgs& a) {
    check_args(a, "ensure_future", 1, 1, {"loop"});
    return wrap_future(ensure_future(in, a[0]));
}

Value asyncio_current_task(Interp&, const CallArgs& a) {
    check_args(a, "current_task", 0, 1, {"loop"});
    EventLoop* loop = Interp::current().runtime().running_loop();
    if (!loop) raise(exc_types().RuntimeError, "no running event loop");
    TaskBase* t = loop->current_task();
    return t ? wrap_future(Ref<FutureBase>(t)) : Value::none();
}

Value asyncio_all_tasks(Interp& in, const CallArgs& a) {
    check_args(a, "all_tasks", 0, 1, {"loop"});
    EventLoop& loop = running_loop();
    auto* s = new Set(types().set);
    Value sv(s);
    for (TaskBase* t : loop.pending_tasks()) s->add(in, wrap_future(Ref<FutureBase>(t)));
    return sv;
}

Value asyncio_iscoroutine(Interp&, const CallArgs& a) {
    check_args(a, "iscoroutine", 1, 1);
    return Value::boolean(is_coroutine_object(a[0]));
}
Value asyncio_iscoroutinefunction(Interp&, const CallArgs& a) {
    check_args(a, "iscoroutinefunction", 1, 1);
    Value f = a[0];
    if (f.type()->kind == Kind::bound_method) f = f.as<BoundMethod>()->func;
    return Value::boolean(f.type()->kind == Kind::function && f.as<Function>()->code->is_coroutine);
}
Value asyncio_isfuture(Interp&, const CallArgs& a) { return Value::boolean(unwrap_future(a[0]) != nullptr); }

// ---- gather ---------------------------------------------------------------------------
Value asyncio_gather(Interp& in, const CallArgs& a) {
    check_args(a, "gather", 0, SIZE_MAX, {"return_exceptions"});
    Value re = a.kw("return_exceptions");
    bool return_exceptions = !re.is_undefined() && truthy(in, re);
    EventLoop* loop = in.runtime().running_loop();
    if (a.nargs == 0) {
        // gather(): a finished future with [] (tasks.py: outer.set_result([])).
        EventLoop& l = loop ? *loop : running_loop();
        auto f = l.create_future<Value>();
        f.set_result(make_list({}));
        return wrap_future(f.ref());
    }
    // arg_to_fut: the same awaitable given twice is one child. A hash map, as tasks.py's
    // dict: a linear scan made gather(*tasks) quadratic in the number of tasks.
    std::vector<Ref<FutureBase>> children;
    children.reserve(a.nargs);
    std::unordered_map<Object*, Ref<FutureBase>> seen;
    seen.reserve(a.nargs);
    for (size_t i = 0; i < a.nargs; ++i) {
        Ref<FutureBase>& f = seen[a[i].obj()];
        if (!f) f = ensure_future(in, a[i]);
        children.push_back(f);
    }
    return wrap_future(Ref<FutureBase>(gather_futures(std::move(children), return_exceptions).get()));
}

// ---- shield ---------------------------------------------------------------------------
void copy_value(FutureBase& inner, FutureBase& outer) {
    static_cast<FutureImpl<Value>&>(outer).set_result(future_value(Interp::current(), inner));
}
Value asyncio_shield(Interp& in, const CallArgs& a) {
    check_args(a, "shield", 1, 1);
    Ref<FutureBase> inner = ensure_future(in, a[0]);
    return wrap_future(detail::shield_future(inner, &detail::make_outer<Value>, &copy_value));
}

// ---- wait_for -------------------------------------------------------------------------
Ref<FutureBase> start_awaitable(void* arg) {
    return ensure_future(Interp::current(), *static_cast<Value*>(arg));
}
Coroutine<Value> wait_for_body(Value aw, double timeout) {
    Ref<FutureBase> fut;
    detail::EnsureFuture ensure{&start_awaitable, &aw, nullptr};
    if (FutureBase* f = unwrap_future(aw)) ensure = detail::EnsureFuture{nullptr, nullptr, Ref<FutureBase>(f)};
    co_await detail::wait_for_core(ensure, timeout, fut);
    Value result;
    try {
        result = future_value(Interp::current(), *fut);
    } catch (const PyErrorBase& e) {
        // The inner awaitable's exception leaves through tasks.py's `return fut.result()`,
        // a frame 3.11 tracebacks show.
        add_library_frame(*e.exc, kWaitForResult);
        throw;
    }
    co_return result;
}
Value asyncio_wait_for(Interp& in, const CallArgs& a) {
    check_args(a, "wait_for", 1, 2, {"timeout", "fut"});
    Value aw = arg_or_kw(a, 0, "fut");
    std::optional<double> timeout = optional_seconds(in, arg_or_kw(a, 1, "timeout"), "timeout");
    if (!timeout) {
        // 3.11: `if timeout is None: return await fut` — the awaitable itself, awaited inline.
        if (!is_coroutine_object(aw) && !unwrap_future(aw))
            raise_type_error("An asyncio.Future, a coroutine or an awaitable is required");
        return aw;
    }
    return make_native_coroutine(wait_for_body(aw, *timeout), "wait_for");
}

// ---- wait -----------------------------------------------------------------------------
Value make_set(Interp& in, const std::vector<Ref<FutureBase>>& fs) {
    auto* s = new Set(types().set);
    Value sv(s);
    for (auto& f : fs) s->add(in, wrap_future(f));
    return sv;
}
Coroutine<Value> wait_body(std::vector<Ref<FutureBase>> fs, std::optional<double> timeout, ReturnWhen rw) {
    WaitSets r = co_await looplab::wait(std::move(fs), timeout, rw);
    Interp& in = Interp::current();
    co_return make_tuple({make_set(in, r.done), make_set(in, r.pending)});
}
Value asyncio_wait(Interp& in, const CallArgs& a) {
    check_args(a, "wait", 1, 1, {"timeout", "return_when"});
    std::optional<double> timeout = optional_seconds(in, a.kw("timeout"), "timeout");
    Value rwv = a.kw("return_when");
    ReturnWhen rw = ALL_COMPLETED;
    if (!rwv.is_undefined()) rw = parse_return_when(str(in, rwv));
    if (unwrap_future(a[0]) || is_coroutine_object(a[0]))
        raise_type_error("expect a list of futures, not " + type_name(a[0]));
    std::vector<Value> items = to_vector(in, a[0]);
    if (items.empty()) raise_value_error("Set of Tasks/Futures is empty.");
    std::vector<Ref<FutureBase>> fs;
    for (auto& v : items) {
        if (is_coroutine_object(v)) raise_type_error("Passing coroutines is forbidden, use tasks explicitly.");
        fs.push_back(ensure_future(in, v));
    }
    return make_native_coroutine(wait_body(std::move(fs), timeout, rw), "wait");
}

// ---- as_completed ---------------------------------------------------------------------
Coroutine<Value> as_completed_one(Ref<detail::AsCompletedState> st) {
    Ref<FutureBase> f = co_await detail::as_completed_get(std::move(st));
    if (!f) throw TimeoutError();
    co_return future_value(Interp::current(), *f);
}
Value as_completed_next(Interp& in, NativeIterator& it) {
    // State: extra = list of futures (before start); aux = started; index = yielded; end = count.
    if (!it.aux) {
        it.aux = 1;
        std::vector<Ref<FutureBase>> fs;
        for (auto& v : it.extra.as<List>()->items) fs.push_back(ensure_future(in, v));
        std::optional<double> timeout;
        if (it.source.is_float()) timeout = it.source.as_float();
        auto st = detail::as_completed_start(fs, timeout);
        it.extra = Value(new OpaqueHolder<Ref<detail::AsCompletedState>>(st));
    }
    if (it.index >= it.end) return {};
    ++it.index;
    auto* holder = static_cast<OpaqueHolder<Ref<detail::AsCompletedState>>*>(it.extra.obj());
    return make_native_coroutine(as_completed_one(holder->value), "_wait_for_one");
}
Value asyncio_as_completed(Interp& in, const CallArgs& a) {
    check_args(a, "as_completed", 1, 1, {"timeout", "loop"});
    if (unwrap_future(a[0]) || is_coroutine_object(a[0]))
        raise_type_error("expect an iterable of futures, not " + type_name(a[0]));
    std::vector<Value> items = to_vector(in, a[0]);
    std::optional<double> timeout = optional_seconds(in, a.kw("timeout"), "timeout");
    // as_completed is a generator: nothing happens before the first next().
    auto* it = new NativeIterator(types().callable_iterator, &as_completed_next, timeout ? Value::floating(*timeout) : Value::none());
    Value iv(it);
    // todo = {ensure_future(f) for f in set(fs)}: LoopLab wraps in argument order (SPEC 4).
    std::vector<Value> unique;
    for (auto& v : items) {
        bool dup = false;
        for (auto& u : unique)
            if (u.is(v)) dup = true;
        if (!dup) unique.push_back(v);
    }
    it->end = int64_t(unique.size());
    it->extra = make_list(std::move(unique));
    return iv;
}

}  // namespace

void init_asyncio_module(Interp& in, Module& m) {
    Dict& d = *m.dict;
    d.set_str("run", make_native("run", asyncio_run));
    d.set_str("sleep", make_native("sleep", asyncio_sleep));
    d.set_str("create_task", make_native("create_task", asyncio_create_task));
    d.set_str("ensure_future", make_native("ensure_future", asyncio_ensure_future));
    d.set_str("current_task", make_native("current_task", asyncio_current_task));
    d.set_str("all_tasks", make_native("all_tasks", asyncio_all_tasks));
    d.set_str("iscoroutine", make_native("iscoroutine", asyncio_iscoroutine));
    d.set_str("iscoroutinefunction", make_native("iscoroutinefunction", asyncio_iscoroutinefunction));
    d.set_str("isfuture", make_native("isfuture", asyncio_isfuture));
    d.set_str("gather", make_native("gather", asyncio_gather));
    d.set_str("shield", make_native("shield", asyncio_shield));
    d.set_str("wait_for", make_native("wait_for", asyncio_wait_for));
    d.set_str("wait", make_native("wait", asyncio_wait));
    d.set_str("as_completed", make_native("as_completed", asyncio_as_completed));
    d.set_str("FIRST_COMPLETED", make_str("FIRST_COMPLETED"));
    d.set_str("FIRST_EXCEPTION", make_str("FIRST_EXCEPTION"));
    d.set_str("ALL_COMPLETED", make_str("ALL_COMPLETED"));
    d.set_str("Future", Value(future_type()));
    d.set_str("Task", Value(task_type()));
    const ExceptionTypes& x = exc_types();
    d.set_str("CancelledError", Value(x.CancelledError));
    d.set_str("TimeoutError", Value(x.TimeoutError));
    d.set_str("InvalidStateError", Value(x.InvalidStateError));
    d.set_str("QueueEmpty", Value(x.QueueEmpty));
    d.set_str("QueueFull", Value(x.QueueFull));
    d.set_str("BrokenBarrierError", Value(x.BrokenBarrierError));
    install_asyncio_loop(in, m);
    install_asyncio_contexts(in, m);
    install_asyncio_locks(in, m);
    install_asyncio_queues(in, m);
    d.set_str("exceptions", in.import_module("asyncio.exceptions"));
    for (const char* sub : {"tasks", "events", "futures", "locks", "queues", "runners", "base_events", "taskgroups",
                            "timeouts", "coroutines"})
        d.set_str(sub, in.import_module(std::string("asyncio.") + sub));
}

void init_asyncio_exceptions_module(Interp&, Module& m) {
    const ExceptionTypes& x = exc_types();
    m.dict->set_str("CancelledError", Value(x.CancelledError));
    m.dict->set_str("TimeoutError", Value(x.TimeoutError));
    m.dict->set_str("InvalidStateError", Value(x.InvalidStateError));
}

}  // namespace looplab::py
