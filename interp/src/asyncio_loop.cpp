// The event loop as a Python object (CPython Lib/asyncio/base_events.py, events.py):
// time, call_soon/call_later/call_at with their Handle objects, create_future,
// create_task, run_until_complete, run_forever, stop, close, debug settings.
#include <unordered_map>

#include "asyncio_bridge.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/library_frames.hpp"
#include "looplab/runners.hpp"
#include "vm_ops.hpp"

namespace looplab::py {

namespace {

struct LoopObject : OpaqueObject {
    LoopObject(Type* t, EventLoop* l) : OpaqueObject(t), loop(l) {}
    EventLoop* loop;
};
struct HandleObject : OpaqueObject {
    HandleObject(Type* t, Ref<Handle> h, Value cb, std::vector<Value> args)
        : OpaqueObject(t), handle(std::move(h)), callback(std::move(cb)), args(std::move(args)) {}
    Ref<Handle> handle;
    Value callback;
    std::vector<Value> args;
};

Type* g_loop_type = nullptr;
Type* g_handle_type = nullptr;
Type* g_timer_handle_type = nullptr;
std::unordered_map<EventLoop*, Value>& loops() {
    static auto* m = new std::unordered_map<EventLoop*, Value>();
    return *m;
}
EventLoop* g_current_loop = nullptr;  // the policy's _local._loop
bool g_set_called = false;            // the policy's _local._set_called

EventLoop& self_loop(const CallArgs& a) {
    auto* l = dynamic_cast<LoopObject*>(a[0].obj());
    if (!l) raise_type_error("expected an event loop");
    return *l->loop;
}

std::string callback_repr(Interp& in, const Value& cb, const std::vector<Value>& args) {
    std::string name;
    if (cb.type()->kind == Kind::function) name = cb.as<Function>()->qualname;
    else if (cb.type()->kind == Kind::bound_method) name = repr(in, getattr(in, cb, intern("__qualname__")));
    else name = repr(in, cb);
    std::string s = name + "(";
    for (size_t i = 0; i < args.size(); ++i) s += (i ? ", " : "") + repr(in, args[i]);
    return s + ")";
}

Value schedule(Interp& in, EventLoop& loop, const CallArgs& a, size_t first, int kind, double when) {
    Value cb = a[first];
    if (!is_callable(cb)) raise_type_error("a callable object was expected by " +
                                           std::string(kind == 0 ? "call_soon" : kind == 1 ? "call_later" : "call_at") +
                                           "(), got " + repr(in, cb));
    std::vector<Value> args(a.args + first + 1, a.args + a.nargs);
    Interp* inp = &in;
    auto fn = [inp, cb, args]() { call(*inp, cb, args); };
    Ref<Handle> h;
    Type* t = g_handle_type;
    if (kind == 0) {
        h = loop.call_soon(fn);
    } else {
        h = Ref<Handle>(loop.call_at(when, fn).get());
        t = g_timer_handle_type;
    }
    return Value(new HandleObject(t, h, cb, std::move(args)));
}

Value loop_time(Interp&, const CallArgs& a) { return Value::floating(self_loop(a).time()); }
Value loop_call_soon(Interp& in, const CallArgs& a) {
    if (a.nargs < 2) raise_type_error("call_soon() missing 1 required positional argument: 'callback'");
    return schedule(in, self_loop(a), a, 1, 0, 0);
}
Value loop_call_later(Interp& in, const CallArgs& a) {
    if (a.nargs < 3) raise_type_error("call_later() missing required positional arguments");
    EventLoop& l = self_loop(a);
    return schedule(in, l, a, 2, 1, l.time() + to_float(in, a[1], "delay"));
}
Value loop_call_at(Interp& in, const CallArgs& a) {
    if (a.nargs < 3) raise_type_error("call_at() missing required positional arguments");
    return schedule(in, self_loop(a), a, 2, 2, to_float(in, a[1], "when"));
}
Value loop_create_future(Interp&, const CallArgs& a) { return wrap_future(self_loop(a).create_future<Value>().ref()); }
Value loop_create_task(Interp& in, const CallArgs& a) {
    EventLoop& l = self_loop(a);
    if (a.nargs < 2) raise_type_error("create_task() missing 1 required positional argument: 'coro'");
    if (!is_coroutine_object(a[1])) raise_type_error("a coroutine was expected, got " + repr(in, a[1]));
    Ref<FutureBase> t(new FrameTask(l, a[1], {}));
    Value name = a.kw("name");
    if (!name.is_undefined() && !name.is_none()) static_cast<TaskBase&>(*t).set_name(str(in, name));
    return wrap_future(t);
}
Value loop_run_until_complete(Interp& in, const CallArgs& a) {
    EventLoop& l = self_loop(a);
    if (a.nargs < 2) raise_type_error("run_until_complete() missing 1 required positional argument: 'future'");
    if (l.is_running()) raise(exc_types().RuntimeError, "This event loop is already running");
    if (in.runtime().running_loop()) raise(exc_types().RuntimeError, "Cannot run the event loop while another loop is running");
    Ref<FutureBase> f = ensure_future(in, a[1], &l);
    try {
        l.run_until_complete(Future<Value>(f));
    } catch (const PyErrorBase& e) {
        // The future's exception leaves through base_events.py's `return future.result()`,
        // a frame 3.11 tracebacks show (SystemExit/KeyboardInterrupt leave run_forever).
        if (f->done() && !exception_matches(*e.exc, exc_types().SystemExit) &&
            !exception_matches(*e.exc, exc_types().KeyboardInterrupt))
            add_library_frame(*e.exc, kRunUntilCompleteResult);
        throw;
    }
    return future_value(in, *f);
}
Value loop_run_forever(Interp& in, const CallArgs& a) {
    EventLoop& l = self_loop(a);
    if (in.runtime().running_loop()) raise(exc_types().RuntimeError, "This event loop is already running");
    l.run_forever();
    return Value::none();
}
Value loop_stop(Interp&, const CallArgs& a) {
    self_loop(a).stop();
    return Value::none();
}
Value loop_close(Interp&, const CallArgs& a) {
    EventLoop& l = self_loop(a);
    if (l.is_running()) raise(exc_types().RuntimeError, "Cannot close a running event loop");
    if (!l.is_closed()) l.close();
    return Value::none();
}
Value loop_is_running(Interp&, const CallArgs& a) { return Value::boolean(self_loop(a).is_running()); }
Value loop_is_closed(Interp&, const CallArgs& a) { return Value::boolean(self_loop(a).is_closed()); }
Value loop_get_debug(Interp&, const CallArgs& a) { return Value::boolean(self_loop(a).get_debug()); }
Value loop_set_debug(Interp& in, const CallArgs& a) {
    self_loop(a).set_debug(truthy(in, a[1]));
    return Value::none();
}
Value loop_repr(Interp&, const CallArgs& a) {
    EventLoop& l = self_loop(a);
    return make_str(std::string("<_UnixSelectorEventLoop running=") + (l.is_running() ? "True" : "False") +
                    " closed=" + (l.is_closed() ? "True" : "False") + " debug=" + (l.get_debug() ? "True" : "False") + ">");
}
Value loop_getattr(Interp& in, const CallArgs& a) {
    const std::string& n = to_str(a[1], "attribute name");
    if (n == "slow_callback_duration") return Value::floating(self_loop(a).slow_callback_duration);
    (void)in;
    return {};
}
Value loop_setattr(Interp& in, const CallArgs& a) {
    const std::string& n = to_str(a[1], "attribute name");
    if (n == "slow_callback_duration") {
        self_loop(a).slow_callback_duration = to_float(in, a[2], "slow_callback_duration");
        return Value::none();
    }
    return {};
}

HandleObject& self_handle(const CallArgs& a) {
    auto* h = dynamic_cast<HandleObject*>(a[0].obj());
    if (!h) raise_type_error("expected a Handle");
    return *h;
}
Value handle_cancel(Interp&, const CallArgs& a) {
    self_handle(a).handle->cancel();
    return Value::none();
}
Value handle_cancelled(Interp&, const CallArgs& a) { return Value::boolean(self_handle(a).handle->cancelled()); }
Value handle_when(Interp&, const CallArgs& a) {
    return Value::floating(static_cast<TimerHandle&>(*self_handle(a).handle).when());
}
Value handle_repr(Interp& in, const CallArgs& a) {
    auto& h = self_handle(a);
    bool timer = h.type == g_timer_handle_type;
    std::string s = timer ? "<TimerHandle " : "<Handle ";
    if (h.handle->cancelled()) s += "cancelled ";
    if (timer) s += "when=" + repr(in, Value::floating(static_cast<TimerHandle&>(*h.handle).when())) + " ";
    return make_str(s + callback_repr(in, h.callback, h.args) + ">");
}

Type* make_type(const char* name, const char* module) {
    Type* t = new Type(name, Kind::opaque, types().object);
    t->add_ref();
    t->type = types().type;
    t->dict->type = types().dict;
    t->module = module;
    return t;
}

void make_types() {
    if (g_loop_type) return;
    g_loop_type = make_type("_UnixSelectorEventLoop", "asyncio.unix_events");
    auto* t = g_loop_type;
    t->add_method("time", loop_time);
    t->add_method("call_soon", loop_call_soon);
    t->add_method("call_soon_threadsafe", loop_call_soon);
    t->add_method("call_later", loop_call_later);
    t->add_method("call_at", loop_call_at);
    t->add_method("create_future", loop_create_future);
    t->add_method("create_task", loop_create_task);
    t->add_method("run_until_complete", loop_run_until_complete);
    t->add_method("run_forever", loop_run_forever);
    t->add_method("stop", loop_stop);
    t->add_method("close", loop_close);
    t->add_method("is_running", loop_is_running);
    t->add_method("is_closed", loop_is_closed);
    t->add_method("get_debug", loop_get_debug);
    t->add_method("set_debug", loop_set_debug);
    t->add_method("__repr__", loop_repr);
    t->getattr_hook = loop_getattr;
    t->setattr_hook = loop_setattr;
    g_handle_type = make_type("Handle", "asyncio.events");
    g_handle_type->add_method("cancel", handle_cancel);
    g_handle_type->add_method("cancelled", handle_cancelled);
    g_handle_type->add_method("__repr__", handle_repr);
    g_timer_handle_type = new Type("TimerHandle", Kind::opaque, g_handle_type);
    g_timer_handle_type->add_ref();
    g_timer_handle_type->type = types().type;
    g_timer_handle_type->dict->type = types().dict;
    g_timer_handle_type->module = "asyncio.events";
    g_timer_handle_type->add_method("when", handle_when);
}

Value asyncio_get_running_loop(Interp&, const CallArgs& a) {
    check_args(a, "get_running_loop", 0, 0);
    return wrap_loop(running_loop());
}
Value asyncio_new_event_loop(Interp& in, const CallArgs& a) {
    check_args(a, "new_event_loop", 0, 0);
    EventLoop& l = in.runtime().new_event_loop();
    prepare_loop(in, l);
    return wrap_loop(l);
}
Value asyncio_set_event_loop(Interp&, const CallArgs& a) {
    check_args(a, "set_event_loop", 1, 1);
    set_current_event_loop(a[0].is_none() ? nullptr : unwrap_loop(a[0]));
    return Value::none();
}
Value asyncio_get_event_loop(Interp& in, const CallArgs& a) {
    check_args(a, "get_event_loop", 0, 0);
    return wrap_loop(get_event_loop(in));
}

}  // namespace

Value wrap_loop(EventLoop& loop) {
    make_types();
    auto it = loops().find(&loop);
    if (it != loops().end()) return it->second;
    Value v(new LoopObject(g_loop_type, &loop));
    loops()[&loop] = v;
    return v;
}

EventLoop* unwrap_loop(const Value& v) {
    auto* l = v.is_object() ? dynamic_cast<LoopObject*>(v.obj()) : nullptr;
    if (!l) raise_type_error("expected an event loop, got " + type_name(v));
    return l->loop;
}

void prepare_loop(Interp& in, EventLoop& loop) {
    Interp* inp = &in;
    loop.set_exception_handler([inp](EventLoop&, const ExceptionContext& ctx) {
        // base_events.py default_exception_handler: the message, the future, the traceback.
        std::string out = ctx.message + "\n";
        if (ctx.future) out += std::string(ctx.future->is_task() ? "task: " : "future: ") + ctx.future->repr() + "\n";
        if (ctx.exception) {
            try {
                out += inp->format_exception(from_exception_ptr(ctx.exception));
            } catch (...) {
                out += format_exception_only(ctx.exception) + "\n";
            }
        }
        inp->write_stderr(out);
    });
}

void set_current_event_loop(EventLoop* loop) {
    g_current_loop = loop;
    g_set_called = true;
}

EventLoop& get_event_loop(Interp& in) {
    if (EventLoop* l = in.runtime().running_loop()) return *l;
    // 3.11.2 BaseDefaultEventLoopPolicy.get_event_loop: one implicit loop on the main
    // thread unless set_event_loop was ever called; no warning (that came in 3.12).
    if (!g_current_loop && !g_set_called) {
        EventLoop& l = in.runtime().new_event_loop();
        prepare_loop(in, l);
        g_current_loop = &l;
        g_set_called = true;
    }
    if (!g_current_loop) raise(exc_types().RuntimeError, "There is no current event loop in thread 'MainThread'.");
    return *g_current_loop;
}

void forget_loops() {
    loops().clear();
    g_current_loop = nullptr;
}

void install_asyncio_loop(Interp& in, Module& m) {
    (void)in;
    make_types();
    m.dict->set_str("get_running_loop", make_native("get_running_loop", asyncio_get_running_loop));
    m.dict->set_str("get_event_loop", make_native("get_event_loop", asyncio_get_event_loop));
    m.dict->set_str("new_event_loop", make_native("new_event_loop", asyncio_new_event_loop));
    m.dict->set_str("set_event_loop", make_native("set_event_loop", asyncio_set_event_loop));
    m.dict->set_str("AbstractEventLoop", Value(g_loop_type));
    m.dict->set_str("Handle", Value(g_handle_type));
    m.dict->set_str("TimerHandle", Value(g_timer_handle_type));
}

}  // namespace looplab::py
