// asyncio's Future and Task as Python objects (CPython Modules/_asynciomodule.c and
// Lib/asyncio/futures.py, tasks.py, base_tasks.py for the reprs), over the runtime's
// FutureBase/TaskBase. FrameTask runs a Python coroutine as a runtime task.
#include <unordered_map>

#include "asyncio_bridge.hpp"
#include "looplab/gather.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/set.hpp"
#include "vm_ops.hpp"

namespace looplab::py {

namespace {
std::unordered_map<FutureBase*, FutureObject*>& wrappers() {
    static auto* m = new std::unordered_map<FutureBase*, FutureObject*>();
    return *m;
}
Type* g_future_type = nullptr;
Type* g_task_type = nullptr;

std::string format_coroutine(const Value& coro) {
    // coroutines._format_coroutine: "main() running at FILE:LINE" / "main() done, defined at FILE:LINE".
    if (coro.type()->kind == Kind::coroutine) {
        auto* co = coro.as<CoroutineObject>();
        const Code& c = *co->frame->code;
        if (co->finished) return co->qualname + "() done, defined at " + c.filename + ":" + std::to_string(c.firstline);
        int line = co->started ? (co->leaf ? co->frame->line() : co->frame->line()) : c.firstline;
        return co->qualname + "() running at " + c.filename + ":" + std::to_string(line);
    }
    if (auto* nc = as_native_coroutine(coro.obj())) return nc->name + "()";
    return "coroutine()";
}

// The trace's task_line event: the line the task's coroutine is at (the innermost frame of
// its await chain while suspended, its own frame once finished or before it starts), so the
// GUI's code view marks where each task waits without re-running anything.
void trace_task_line(Runtime& rt, uint32_t task_id, const Value& coro) {
    if (!rt.tracer() || coro.type()->kind != Kind::coroutine) return;
    auto* co = coro.as<CoroutineObject>();
    const Frame* f = co->leaf && co->started && !co->finished ? co->leaf : co->frame.get();
    if (!f || !f->code) return;
    int line = co->started ? f->line() : f->code->firstline;
    rt.emit(EventKind::task_line, task_id, uint32_t(line > 0 ? line : 0), rt.intern(f->code->filename));
}
}  // namespace

// ---- FrameTask ------------------------------------------------------------------------
FrameTask::FrameTask(EventLoop& loop, Value coro, std::string_view name, const char* created_at)
    : TaskBase(loop, name), coro_(std::move(coro)) {
    // futures.py: a debug-mode loop records where the task was created (its source
    // traceback minus Task.__init__'s own frame, tasks.py line 98).
    if (loop.get_debug()) {
        if (created_at) {
            created_at_ = created_at;
        } else if (Interp* in = Interp::current_or_null(); in && in->vm().current_frame()) {
            Frame* f = in->vm().current_frame();
            created_at_ = f->code->filename + ":" + std::to_string(f->line());
        }
    }
    if (coro_.type()->kind == Kind::coroutine) coro_.as<CoroutineObject>()->awaited = true;
    else if (auto* nc = as_native_coroutine(coro_.obj())) nc->awaited = true;
    trace_task_line(loop.runtime(), id(), coro_);
}
FrameTask::~FrameTask() {
    // futures.py Future.__del__ ("Task exception was never retrieved") reported here rather
    // than by ~FutureBase: by then the object is only a FutureBase, so the message would say
    // "Future" and the repr would lose the task's name and coroutine (CPython runs __del__
    // on the whole Task).
    if (log_traceback_ && has_exception()) {
        log_traceback_ = false;
        ExceptionContext ctx;
        ctx.message = "Task exception was never retrieved\nfuture: " + repr();
        ctx.exception = stored_exception();
        loop_->call_exception_handler(ctx);
    }
    close_body();
}

std::string FrameTask::coro_name() const {
    if (coro_.type()->kind == Kind::coroutine) return coro_.as<CoroutineObject>()->qualname;
    if (auto* nc = as_native_coroutine(coro_.obj())) return nc->name;
    return "coroutine";
}

StepResult FrameTask::step_body(std::exception_ptr thrown) {
    Interp& in = Interp::current();
    Resumed r;
    if (coro_.type()->kind == Kind::coroutine) r = in.vm().resume(*coro_.as<CoroutineObject>(), std::move(thrown));
    else r = in.vm().resume_native(*static_cast<NativeCoroutine*>(coro_.obj()), std::move(thrown));
    StepResult s;
    s.kind = r.kind;
    s.awaited = r.awaited;
    s.error = std::move(r.error);
    if (r.kind == StepResult::Kind::returned) returned_ = std::move(r.value);
    trace_task_line(in.runtime(), id(), coro_);
    return s;
}

void FrameTask::take_result() { result_slot_ = std::move(returned_); }

void FrameTask::close_body() noexcept {
    // Keep the coroutine object for the repr ("done, defined at") but drop its frame's state.
    if (coro_.is_object() && coro_.type()->kind == Kind::coroutine) {
        auto* co = coro_.as<CoroutineObject>();
        if (!co->finished && co->frame) {
            co->frame->stack.clear();
            co->frame->blocks.clear();
        }
    }
}

std::string FrameTask::repr() const {
    std::string s = "<Task ";
    if (cancelled()) s += "cancelled";
    else if (done()) s += "finished";
    else s += "pending";
    // base_tasks._task_repr_info: state, name, coro, wait_for, then result/exception, cb.
    s += " name='" + get_name() + "' coro=<" + format_coroutine(coro_) + ">";
    if (fut_waiter()) s += " wait_for=" + fut_waiter()->repr();
    if (state() == FutureState::finished) {
        if (has_exception()) s += " exception=" + exception_repr(stored_exception());
        else if (result_slot_) s += " result=" + reprlib_repr(*result_slot_);
    }
    std::string cb = callbacks_repr();
    if (!cb.empty()) s += " " + cb;
    if (!created_at_.empty()) s += " created at " + created_at_;
    return s + ">";
}

// ---- Python objects for futures ---------------------------------------------------------
Value wrap_future(Ref<FutureBase> f) {
    if (!f) return Value::none();
    auto it = wrappers().find(f.get());
    if (it != wrappers().end()) return Value(it->second);
    auto* o = new FutureObject(f->is_task() ? task_type() : future_type(), f);
    wrappers()[f.get()] = o;
    return Value(o);
}

void forget_future_object(FutureObject* f) {
    auto it = wrappers().find(f->future.get());
    if (it != wrappers().end() && it->second == f) wrappers().erase(it);
}

FutureBase* unwrap_future(const Value& v) {
    if (!v.is_object()) return nullptr;
    auto* f = as_future_object(v.obj());
    return f ? f->future.get() : nullptr;
}

bool is_coroutine_object(const Value& v) {
    if (!v.is_object()) return false;
    return v.type()->kind == Kind::coroutine || as_native_coroutine(v.obj()) != nullptr;
}

Value future_value(Interp& in, FutureBase& f) {
    f.check_result();
    if (auto* g = dynamic_cast<GatheringFuture*>(&f)) {
        (void)g;
        std::vector<Value> out;
        for (auto& c : g->children()) {
            if (c->cancelled()) {
                // tasks.py _done_callback: CancelledError('' if fut._cancel_message is None else ...).
                out.push_back(Value(new_exception_args(exc_types().CancelledError, {make_str(cancelled_message_of(*c))}).get()));
            } else if (auto e = c->exception()) {
                out.push_back(Value(from_exception_ptr(e).get()));
            } else {
                const void* p = c->value_ptr();
                out.push_back(p ? *static_cast<const Value*>(p) : Value::none());
            }
        }
        return make_list(std::move(out));
    }
    (void)in;
    const void* p = f.value_ptr();
    return p ? *static_cast<const Value*>(p) : Value::none();
}

Value future_result(Interp& in, FutureObject& f) { return future_value(in, *f.future); }

Ref<FutureBase> ensure_future(Interp& in, const Value& aw, EventLoop* loop, std::string_view name) {
    (void)in;
    if (FutureBase* f = unwrap_future(aw)) return Ref<FutureBase>(f);
    if (is_coroutine_object(aw)) {
        // tasks.py ensure_future: `loop = events._get_event_loop()` when none is given.
        EventLoop& l = loop ? *loop : get_event_loop(in);
        return Ref<FutureBase>(new FrameTask(l, aw, name, "/usr/lib/python3.11/asyncio/tasks.py:670"));
    }
    raise_type_error("An asyncio.Future, a coroutine or an awaitable is required");
}

EventLoop& running_loop() {
    EventLoop* loop = Interp::current().runtime().running_loop();
    if (!loop) raise(exc_types().RuntimeError, "no running event loop");
    return *loop;
}

Value make_native_coroutine(Coroutine<Value> coro, const char* name) { return Value(new NativeCoroutine(std::move(coro), name)); }

namespace {

FutureObject& self_future(const CallArgs& a) {
    auto* f = dynamic_cast<FutureObject*>(a[0].obj());
    if (!f) raise_type_error("descriptor requires a Future");
    return *f;
}

Value fut_result(Interp& in, const CallArgs& a) { return future_value(in, *self_future(a).future); }
Value fut_exception(Interp&, const CallArgs& a) {
    auto e = self_future(a).future->exception();
    if (!e) return Value::none();
    return Value(from_exception_ptr(e).get());
}
Value fut_done(Interp&, const CallArgs& a) { return Value::boolean(self_future(a).future->done()); }
Value fut_cancelled(Interp&, const CallArgs& a) { return Value::boolean(self_future(a).future->cancelled()); }
Value fut_cancel(Interp& in, const CallArgs& a) {
    Value msg = a.nargs > 1 ? a[1] : a.kw("msg");
    std::string m = msg.is_undefined() || msg.is_none() ? std::string() : str(in, msg);
    return Value::boolean(self_future(a).future->cancel(m));
}
Value fut_set_result(Interp&, const CallArgs& a) {
    auto& f = self_future(a);
    if (f.future->is_task()) raise(exc_types().RuntimeError, "Task does not support set_result operation");
    auto* impl = dynamic_cast<FutureImpl<Value>*>(f.future.get());
    if (!impl) raise(exc_types().RuntimeError, "this future does not accept a result");
    impl->set_result(a.nargs > 1 ? a[1] : Value::none());
    return Value::none();
}
Value fut_set_exception(Interp& in, const CallArgs& a) {
    auto& f = self_future(a);
    if (f.future->is_task()) raise(exc_types().RuntimeError, "Task does not support set_exception operation");
    Value e = a[1];
    if (e.is_object() && e.type()->kind == Kind::type) e = call(in, e, std::vector<Value>{});
    if (!e.is_object() || !e.type()->is_subtype(exc_types().BaseException))
        raise_type_error("exception must derive from BaseException");
    if (e.type()->is_subtype(exc_types().StopIteration))
        raise_type_error("StopIteration interacts badly with generators and cannot be raised into a Future");
    f.future->set_exception(to_exception_ptr(Ref<ExceptionObject>(e.as<ExceptionObject>())));
    return Value::none();
}
Value fut_add_done_callback(Interp& in, const CallArgs& a) {
    auto& f = self_future(a);
    Value fn = a[1];
    Ref<FutureBase> fut = f.future;
    Interp* inp = &in;
    uint64_t id = fut->add_done_callback([inp, fn](FutureBase& done) { call(*inp, fn, std::vector<Value>{wrap_future(Ref<FutureBase>(&done))}); });
    // Remember fn -> id for remove_done_callback.
    if (!f.attrs) {
        f.attrs = new Dict();
        f.attrs->add_ref();
    }
    Value list = f.attrs->get_str("__callbacks__");
    if (list.is_undefined()) {
        list = make_list({});
        f.attrs->set_str("__callbacks__", list);
    }
    list.as<List>()->items.push_back(make_tuple({fn, Value::integer(int64_t(id))}));
    return Value::none();
}
Value fut_remove_done_callback(Interp& in, const CallArgs& a) {
    auto& f = self_future(a);
    int64_t removed = 0;
    if (f.attrs) {
        Value list = f.attrs->get_str("__callbacks__");
        if (!list.is_undefined()) {
            auto& items = list.as<List>()->items;
            for (size_t i = 0; i < items.size();) {
                auto& t = items[i].as<Tuple>()->items;
                if (eq(in, t[0], a[1])) {
                    removed += int64_t(f.future->remove_done_callback(uint64_t(t[1].as_int())));
                    items.erase(items.begin() + long(i));
                } else {
                    ++i;
                }
            }
        }
    }
    return Value::integer(removed);
}
Value fut_repr(Interp&, const CallArgs& a) { return make_str(self_future(a).future->repr()); }
Value fut_hash(Interp&, const CallArgs& a) { return Value::integer(int64_t(self_future(a).future->py_hash())); }
Value fut_get_loop(Interp&, const CallArgs& a) { return wrap_loop(self_future(a).future->get_loop()); }

TaskBase& self_task(const CallArgs& a) {
    auto& f = self_future(a);
    if (!f.future->is_task()) raise_type_error("not a Task");
    return static_cast<TaskBase&>(*f.future);
}
Value task_get_name(Interp&, const CallArgs& a) { return make_str(self_task(a).get_name()); }
Value task_set_name(Interp& in, const CallArgs& a) {
    self_task(a).set_name(str(in, a[1]));
    return Value::none();
}
Value task_get_coro(Interp&, const CallArgs& a) {
    auto* t = dynamic_cast<FrameTask*>(&self_task(a));
    return t ? t->coro() : Value::none();
}
Value task_cancelling(Interp&, const CallArgs& a) { return Value::integer(self_task(a).cancelling()); }
Value task_uncancel(Interp&, const CallArgs& a) { return Value::integer(self_task(a).uncancel()); }
Value task_get_stack(Interp&, const CallArgs&) { return make_list({}); }

Type* make_type(const char* name, const char* module) {
    Type* t = new Type(name, Kind::opaque, types().object);
    t->add_ref();
    t->type = types().type;
    t->dict->type = types().dict;
    t->module = module;
    return t;
}

void install_future_methods(Type* t) {
    t->add_method("result", fut_result);
    t->add_method("exception", fut_exception);
    t->add_method("done", fut_done);
    t->add_method("cancelled", fut_cancelled);
    t->add_method("cancel", fut_cancel);
    t->add_method("set_result", fut_set_result);
    t->add_method("set_exception", fut_set_exception);
    t->add_method("add_done_callback", fut_add_done_callback);
    t->add_method("remove_done_callback", fut_remove_done_callback);
    t->add_method("__repr__", fut_repr);
    t->add_method("__hash__", fut_hash);
    t->add_method("get_loop", fut_get_loop);
}

}  // namespace

Value future_new(Interp& in, const CallArgs& a) {
    check_args(a, "Future", 0, 0, {"loop"});
    Value l = a.kw("loop");
    EventLoop& loop = (l.is_undefined() || l.is_none()) ? get_event_loop(in) : *unwrap_loop(l);
    return wrap_future(loop.create_future<Value>().ref());
}

Type* future_type() {
    if (!g_future_type) {
        g_future_type = make_type("Future", "_asyncio");
        g_future_type->construct = future_new;
        install_future_methods(g_future_type);
    }
    return g_future_type;
}

Type* task_type() {
    if (!g_task_type) {
        g_task_type = new Type("Task", Kind::opaque, future_type());
        g_task_type->add_ref();
        g_task_type->type = types().type;
        g_task_type->dict->type = types().dict;
        g_task_type->module = "_asyncio";
        g_task_type->add_method("get_name", task_get_name);
        g_task_type->add_method("set_name", task_set_name);
        g_task_type->add_method("get_coro", task_get_coro);
        g_task_type->add_method("cancelling", task_cancelling);
        g_task_type->add_method("uncancel", task_uncancel);
        g_task_type->add_method("get_stack", task_get_stack);
    }
    return g_task_type;
}

}  // namespace looplab::py
