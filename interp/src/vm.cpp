// The interpreter loop (CPython Python/ceval.c). See vm.hpp for the frame model.
#include "looplab/py/vm.hpp"

#include <algorithm>

#include "looplab/event_loop.hpp"
#include "looplab/py/abstract.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/py/library_frames.hpp"
#include "looplab/py/set.hpp"
#include "looplab/py/str.hpp"
#include "vm_ops.hpp"

namespace looplab::py {

CoroutineObject::CoroutineObject(Type* t, Ref<Frame> f, std::string n, std::string q)
    : Object(t), frame(std::move(f)), name(std::move(n)), qualname(std::move(q)) {
    frame->owner = this;
}
CoroutineObject::~CoroutineObject() {
    if (frame) frame->owner = nullptr;
    if (!started && !awaited && type == types().coroutine) warn_never_awaited(qualname, origin_line);
}

NativeCoroutine::NativeCoroutine(Coroutine<Value> coro, std::string n) : Object(native_coroutine_type()), name(std::move(n)) {
    handle = coro.release();
}
NativeCoroutine::NativeCoroutine(BareYield, Value result, std::string n)
    : Object(native_coroutine_type()), name(std::move(n)), bare_result(std::move(result)), bare_yield(true) {}
NativeCoroutine::~NativeCoroutine() {
    if (handle) handle.destroy();
    if (!started && !awaited) warn_never_awaited(name, 0);
}

FutureObject::FutureObject(Type* t, Ref<FutureBase> f) : Object(t), future(std::move(f)) {}
FutureObject::~FutureObject() {
    if (attrs) attrs->release();
    forget_future_object(this);
}

Value VM::run(Ref<Frame> frame) {
    frame->is_entry = true;
    Resumed r = execute(frame.get(), nullptr);
    if (r.kind == StepResult::Kind::raised) std::rethrow_exception(r.error);
    return r.value;
}

Value VM::call_function(Function& f, const CallArgs& args) {
    Ref<Frame> frame = make_frame(f, args);
    Code& c = *f.code;
    if (c.is_coroutine || c.is_generator) {
        auto* co = new CoroutineObject(c.is_coroutine ? types().coroutine : types().generator, frame, f.name, f.qualname);
        co->origin_line = current_ ? current_->line() : 0;
        return Value(co);
    }
    if (c.is_async_generator)
        raise(exc_types().NotImplementedError, "LoopLab does not support async generators yet ('" + f.qualname +
                                                   "'); write a class with __aiter__ and __anext__ instead");
    in_.enter_call();
    struct Leave {
        Interp& in;
        ~Leave() { in.leave_call(); }
    } leave{in_};
    return run(frame);
}

Resumed VM::resume(CoroutineObject& co, std::exception_ptr thrown) {
    instructions = 0;
    if (co.finished) {
        Resumed r;
        r.kind = StepResult::Kind::raised;
        r.error = to_exception_ptr(new_exception(exc_types().RuntimeError, "cannot reuse already awaited coroutine"));
        return r;
    }
    if (!co.started) {
        co.started = true;
        co.awaited = true;
        if (thrown) {
            // coro.throw() before the first send: the body never runs.
            co.finished = true;
            Resumed r;
            r.kind = StepResult::Kind::raised;
            r.error = thrown;
            return r;
        }
        co.frame->is_entry = true;
        co.running = true;
        Resumed r = execute(co.frame.get(), nullptr);
        co.running = false;
        return r;
    }
    Frame* leaf = co.leaf ? co.leaf : co.frame.get();
    co.running = true;
    Resumed r = execute(leaf, std::move(thrown));
    co.running = false;
    return r;
}

Resumed VM::resume_generator(CoroutineObject& gen, Value sent, std::exception_ptr thrown) {
    Resumed r;
    if (gen.finished) {
        r.kind = StepResult::Kind::returned;
        if (thrown) {
            r.kind = StepResult::Kind::raised;
            r.error = thrown;
        }
        return r;
    }
    if (gen.running) raise_value_error("generator already executing");
    if (!gen.started) {
        if (!sent.is_none() && !sent.is_undefined())
            raise_type_error("can't send non-None value to a just-started generator");
        gen.started = true;
        gen.frame->is_entry = true;
        if (thrown) {
            gen.finished = true;
            r.kind = StepResult::Kind::raised;
            r.error = thrown;
            return r;
        }
    } else if (!thrown) {
        gen.frame->stack.push_back(std::move(sent));
    }
    gen.running = true;
    in_.enter_call();
    try {
        r = execute(gen.frame.get(), std::move(thrown));
    } catch (...) {
        gen.running = false;
        in_.leave_call();
        throw;
    }
    in_.leave_call();
    gen.running = false;
    return r;
}

Resumed VM::resume_native(NativeCoroutine& nc, std::exception_ptr thrown) {
    Resumed r;
    if (nc.finished) {
        r.kind = StepResult::Kind::raised;
        r.error = to_exception_ptr(new_exception(exc_types().RuntimeError, "cannot reuse already awaited coroutine"));
        return r;
    }
    if (!nc.started && thrown) {
        nc.started = true;
        nc.finished = true;
        r.kind = StepResult::Kind::raised;
        r.error = thrown;
        return r;
    }
    if (nc.bare_yield) {
        // sleep(0): the first resume yields bare (SleepAwaiter's yield_bare), the second
        // raises what was thrown in or returns the result, as sleep_body would.
        if (!nc.started) {
            nc.started = true;
            nc.awaited = true;
            r.kind = StepResult::Kind::yielded;
            return r;
        }
        nc.finished = true;
        if (thrown) {
            // What is thrown in (a cancellation) passes tasks.py's __sleep0 `yield` and
            // sleep's `await __sleep0()`, frames 3.11 tracebacks show.
            r.kind = StepResult::Kind::raised;
            r.error = through_library_frames(std::move(thrown), {&kSleep0Yield, &kSleepAwaitSleep0});
        } else {
            r.kind = StepResult::Kind::returned;
            r.value = std::move(nc.bare_result);
        }
        return r;
    }
    nc.started = true;
    nc.awaited = true;
    // The runtime's trampoline (CoroutineTask::step_body): resume until the chain suspends
    // on a future or finishes.
    StepChannel& channel = StepChannel::current();
    std::coroutine_handle<> next = nc.resume_point ? nc.resume_point : std::coroutine_handle<>(nc.handle);
    channel.throw_in = thrown ? &thrown : nullptr;
    channel.yielded = nullptr;
    while (next) {
        channel.next = {};
        next.resume();
        next = channel.next;
    }
    channel.throw_in = nullptr;
    if (nc.handle.done()) {
        nc.finished = true;
        auto& p = nc.handle.promise();
        if (p.raised()) {
            r.kind = StepResult::Kind::raised;
            r.error = p.take_error();
        } else {
            r.kind = StepResult::Kind::returned;
            r.value = p.value ? std::move(*p.value) : Value::none();
        }
        nc.handle.destroy();
        nc.handle = {};
        return r;
    }
    if (!channel.suspended()) {
        r.kind = StepResult::Kind::raised;
        r.error = to_exception_ptr(new_exception(exc_types().RuntimeError, "Task got bad yield: a foreign awaitable"));
        return r;
    }
    nc.resume_point = channel.resume_point;
    r.kind = StepResult::Kind::yielded;
    r.awaited = channel.yielded_future();
    return r;
}

}  // namespace looplab::py
