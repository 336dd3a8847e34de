// asyncio.timeout()/timeout_at() and TaskGroup as Python async context managers
// (CPython Lib/asyncio/timeouts.py, taskgroups.py) over the runtime's Timeout/TaskGroup.
#include "asyncio_bridge.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/task_group.hpp"
#include "looplab/timeout.hpp"
#include "looplab/py/library_frames.hpp"

namespace looplab::py {

namespace {

struct TimeoutObject : OpaqueObject {
    TimeoutObject(Type* t, Timeout tm) : OpaqueObject(t), timeout(std::move(tm)) {}
    Timeout timeout;
};
struct TaskGroupObject : OpaqueObject {
    explicit TaskGroupObject(Type* t) : OpaqueObject(t) {}
    TaskGroup group;
};
Type* g_timeout_type = nullptr;
Type* g_taskgroup_type = nullptr;

TimeoutObject& self_timeout(const CallArgs& a) {
    auto* t = dynamic_cast<TimeoutObject*>(a[0].obj());
    if (!t) raise_type_error("expected a Timeout");
    return *t;
}
TaskGroupObject& self_group(const CallArgs& a) {
    auto* t = dynamic_cast<TaskGroupObject*>(a[0].obj());
    if (!t) raise_type_error("expected a TaskGroup");
    return *t;
}

std::optional<double> when_arg(Interp& in, const Value& v) {
    if (v.is_undefined() || v.is_none()) return std::nullopt;
    return to_float(in, v, "when");
}

// `async def __aenter__/__aexit__` bodies: complete without suspending.
Coroutine<Value> value_body(Value v) { co_return v; }

Value timeout_aenter(Interp&, const CallArgs& a) {
    auto& t = self_timeout(a);
    t.timeout.enter();
    return make_native_coroutine(value_body(a[0]), "Timeout.__aenter__");
}
Coroutine<Value> timeout_exit_body(Value self, Value exc) {
    auto& t = *static_cast<TimeoutObject*>(self.obj());
    std::exception_ptr e;
    if (exc.is_object() && exc.type()->is_subtype(exc_types().BaseException))
        e = to_exception_ptr(Ref<ExceptionObject>(exc.as<ExceptionObject>()));
    std::exception_ptr out;
    try {
        t.timeout.exit(e);
    } catch (...) {
        out = std::current_exception();
    }
    if (out) {
        // Timeout::exit rethrows the body's exception where timeouts.py's __aexit__ returns
        // None for `async with` to re-raise it: return None, so the exception keeps its
        // traceback rather than gaining the `async with` line as one more frame.
        Ref<ExceptionObject> err = from_exception_ptr(out);
        if (exc.is_object() && err.get() == exc.obj()) co_return Value::none();
        // Its own `raise TimeoutError` (timeouts.py line 98) is a frame 3.11 tracebacks show.
        if (exception_matches(*err, exc_types().TimeoutError)) add_library_frame(*err, kTimeoutAexitRaise);
        throw_exception(std::move(err));
    }
    co_return Value::none();
}
Value timeout_aexit(Interp&, const CallArgs& a) {
    // The work happens when the returned coroutine runs, as with `async def __aexit__`.
    return make_native_coroutine(timeout_exit_body(a[0], a.nargs > 2 ? a[2] : Value::none()), "Timeout.__aexit__");
}
Value timeout_when(Interp&, const CallArgs& a) {
    auto w = self_timeout(a).timeout.when();
    return w ? Value::floating(*w) : Value::none();
}
Value timeout_reschedule(Interp& in, const CallArgs& a) {
    check_args(a, "reschedule", 2, 2);
    self_timeout(a).timeout.reschedule(when_arg(in, a[1]));
    return Value::none();
}
Value timeout_expired(Interp&, const CallArgs& a) { return Value::boolean(self_timeout(a).timeout.expired()); }
Value timeout_repr(Interp&, const CallArgs& a) { return make_str(self_timeout(a).timeout.repr()); }

Value asyncio_timeout(Interp& in, const CallArgs& a) {
    check_args(a, "timeout", 1, 1, {"delay"});
    Value d = a.nargs ? a[0] : a.kw("delay");
    return Value(new TimeoutObject(g_timeout_type, looplab::timeout(when_arg(in, d))));
}
Value asyncio_timeout_at(Interp& in, const CallArgs& a) {
    check_args(a, "timeout_at", 1, 1, {"when"});
    Value w = a.nargs ? a[0] : a.kw("when");
    return Value(new TimeoutObject(g_timeout_type, looplab::timeout_at(when_arg(in, w))));
}

Value taskgroup_new(Interp&, const CallArgs& a) {
    check_args(a, "TaskGroup", 0, 0);
    return Value(new TaskGroupObject(g_taskgroup_type));
}
Value taskgroup_aenter(Interp&, const CallArgs& a) {
    self_group(a).group.enter();
    return make_native_coroutine(value_body(a[0]), "TaskGroup.__aenter__");
}
Coroutine<Value> taskgroup_exit_body(Value self, Value exc) {
    auto& g = *static_cast<TaskGroupObject*>(self.obj());
    std::exception_ptr e;
    if (exc.is_object() && exc.type()->is_subtype(exc_types().BaseException))
        e = to_exception_ptr(Ref<ExceptionObject>(exc.as<ExceptionObject>()));
    co_await g.group.exit(e);
    co_return Value::none();
}
Value taskgroup_aexit(Interp&, const CallArgs& a) {
    return make_native_coroutine(taskgroup_exit_body(a[0], a.nargs > 2 ? a[2] : Value::none()), "TaskGroup.__aexit__");
}
Value taskgroup_create_task(Interp& in, const CallArgs& a) {
    check_args(a, "create_task", 2, 2, {"name", "context"});
    auto& g = self_group(a);
    Value coro = a[1];
    Value name = a.kw("name");
    std::string n = name.is_undefined() || name.is_none() ? std::string() : str(in, name);
    Ref<FutureBase> t = g.group.create_task_with(
        [&](EventLoop& loop) -> Ref<FutureBase> {
            if (!is_coroutine_object(coro)) raise_type_error("a coroutine was expected, got " + repr(in, coro));
            return Ref<FutureBase>(new FrameTask(loop, coro, {}, "/usr/lib/python3.11/asyncio/taskgroups.py:145"));
        },
        n);
    return wrap_future(t);
}
Value taskgroup_repr(Interp&, const CallArgs& a) { return make_str(self_group(a).group.repr()); }

Type* make_type(const char* name, const char* module) {
    Type* t = new Type(name, Kind::opaque, types().object);
    t->add_ref();
    t->type = types().type;
    t->dict->type = types().dict;
    t->module = module;
    return t;
}

}  // namespace

void install_asyncio_contexts(Interp&, Module& m) {
    if (!g_timeout_type) {
        g_timeout_type = make_type("Timeout", "asyncio.timeouts");
        g_timeout_type->add_method("__aenter__", timeout_aenter);
        g_timeout_type->add_method("__aexit__", timeout_aexit);
        g_timeout_type->add_method("when", timeout_when);
        g_timeout_type->add_method("reschedule", timeout_reschedule);
        g_timeout_type->add_method("expired", timeout_expired);
        g_timeout_type->add_method("__repr__", timeout_repr);
        g_taskgroup_type = make_type("TaskGroup", "asyncio.taskgroups");
        g_taskgroup_type->construct = taskgroup_new;
        g_taskgroup_type->add_method("__aenter__", taskgroup_aenter);
        g_taskgroup_type->add_method("__aexit__", taskgroup_aexit);
        g_taskgroup_type->add_method("create_task", taskgroup_create_task);
        g_taskgroup_type->add_method("__repr__", taskgroup_repr);
    }
    m.dict->set_str("timeout", make_native("timeout", asyncio_timeout));
    m.dict->set_str("timeout_at", make_native("timeout_at", asyncio_timeout_at));
    m.dict->set_str("Timeout", Value(g_timeout_type));
    m.dict->set_str("TaskGroup", Value(g_taskgroup_type));
}

}  // namespace looplab::py
