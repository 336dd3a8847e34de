#pragma once
// The bytecode VM (CPython Python/ceval.c). Frames live on the heap, so a suspended
// coroutine or generator is a saved Frame. Python-to-Python calls and awaits of coroutines
// do not recurse in C++: the callee frame is pushed on the same run loop (Frame::back),
// and a task's step (asyncio's Task.__step -> coro.send) resumes the innermost frame.
#include <coroutine>
#include <cstdint>
#include <exception>
#include <vector>

#include "looplab/coroutine.hpp"
#include "looplab/task.hpp"
#include "looplab/py/code.hpp"
#include "looplab/py/exceptions.hpp"

namespace looplab::py {

struct CoroutineObject;

// try/except/finally/with handler: where to jump and how deep the stack was.
struct Block {
    uint32_t handler;
    uint32_t level;
};

struct Frame : Object {
    Frame(Ref<Code> code, Dict* globals, Value locals_dict = {});
    ~Frame() override;

    Ref<Code> code;
    Dict* globals;            // borrowed from the function (which the frame keeps alive)
    Value func;               // the Function being run (keeps globals/closure alive)
    Value locals_dict;        // module/class bodies: the namespace dict
    std::vector<Value> fast;  // nlocals fast locals, then cells (Cell objects)
    std::vector<Value> stack;
    std::vector<Block> blocks;
    std::vector<Value> handling;  // exceptions being handled (except blocks), innermost last
    uint32_t pc = 0;
    Frame* back = nullptr;        // the frame to return to in the same run loop (not owned)
    Ref<Frame> callee;            // a plain call's frame while it runs (owned by its caller)
    CoroutineObject* owner = nullptr;  // generator/coroutine owning this frame, if any
    bool returns_to_await = false;     // back is waiting in AWAIT for this coroutine frame
    bool is_entry = false;             // the first frame of a run_frame() call: return to C++
    uint8_t await_state = 0;           // AWAIT: 1 after yielding, until resumed
    int depth = 0;                     // frames below this one in its chain (RecursionError)
    int line() const { return code->line_at(pc ? pc - 1 : 0); }
};

// The frame's local namespace as locals() sees it (builtins.cpp).
Value frame_locals_of(Frame* f);

// A coroutine or generator object (CPython genobject.c): owns its frame.
struct CoroutineObject : Object {
    CoroutineObject(Type* t, Ref<Frame> frame, std::string name, std::string qualname);
    ~CoroutineObject() override;
    Ref<Frame> frame;
    std::string name, qualname;
    bool started = false;
    bool running = false;
    bool finished = false;
    bool awaited = false;          // for "coroutine '...' was never awaited"
    Frame* leaf = nullptr;         // innermost frame of the await chain while suspended
    Value awaiting_native;         // a NativeCoroutine the leaf frame awaits, if any
    int origin_line = 0;
};

// A C++ runtime coroutine (asyncio.sleep, wait_for, Lock.acquire...) seen from Python: an
// awaitable the VM drives through the runtime's StepChannel trampoline.
struct NativeCoroutine : Object {
    NativeCoroutine(Coroutine<Value> coro, std::string name);
    // asyncio.sleep(0) (tasks.py: `await __sleep0(); return result`): one bare yield, then
    // `result`, with no C++ coroutine frame behind it (the hot path of every switch).
    struct BareYield {};
    NativeCoroutine(BareYield, Value result, std::string name);
    ~NativeCoroutine() override;
    std::string name;  // "sleep", "wait_for": for reprs and the never-awaited warning
    Coroutine<Value>::Handle handle;  // null for a BareYield coroutine
    Value bare_result;                // BareYield: what the second resume returns
    bool bare_yield = false;
    std::coroutine_handle<> resume_point;  // null before the first resume
    bool started = false;
    bool finished = false;
    bool awaited = false;
};

// Python-visible asyncio future/task (wraps the runtime's FutureBase).
struct FutureObject : Object {
    FutureObject(Type* t, Ref<FutureBase> f);
    ~FutureObject() override;
    Ref<FutureBase> future;
    Dict* attrs = nullptr;
};

Type* native_coroutine_type();
Type* future_type();
Type* task_type();
// dynamic_cast with the exact-type case first: every AWAIT of a sleep() or a future asks,
// and a dynamic_cast costs more than the rest of a switch's bookkeeping. Subclasses
// (aiohttp's request coroutine) still go through dynamic_cast.
inline NativeCoroutine* as_native_coroutine(Object* o) {
    if (!o) return nullptr;
    if (o->type == native_coroutine_type()) return static_cast<NativeCoroutine*>(o);
    return dynamic_cast<NativeCoroutine*>(o);
}
inline FutureObject* as_future_object(Object* o) {
    if (!o) return nullptr;
    if (o->type == task_type() || o->type == future_type()) return static_cast<FutureObject*>(o);
    return dynamic_cast<FutureObject*>(o);
}

// asyncio's Future.result() for an awaited, done future (asyncio_module.cpp).
Value future_result(Interp& in, FutureObject& f);

// What resuming a coroutine produced: the runtime's StepResult, plus the value returned.
struct Resumed {
    StepResult::Kind kind;
    FutureBase* awaited = nullptr;  // yielded: future to wait on, null for a bare yield
    Value value;                    // returned value, or the yielded value (generators)
    std::exception_ptr error;       // raised
};

class VM {
public:
    explicit VM(Interp& in) : in_(in) {}
    // Runs a frame to completion (module bodies, sync calls from natives). Throws on error.
    Value run(Ref<Frame> frame);
    // Calls a Python function: builds its frame from the arguments. Coroutine/generator
    // functions return their coroutine/generator object without running.
    Value call_function(Function& f, const CallArgs& args);
    // Coroutine protocol: send(None) / throw(exc) into a coroutine (Task.__step).
    Resumed resume(CoroutineObject& co, std::exception_ptr thrown);
    // Generators: next()/send/throw. Returns kind returned (exhausted) or yielded (value).
    Resumed resume_generator(CoroutineObject& gen, Value sent, std::exception_ptr thrown);
    // Drives a NativeCoroutine one step (send None / throw).
    Resumed resume_native(NativeCoroutine& nc, std::exception_ptr thrown);
    // The frame running now (innermost), for tracebacks, warnings and the GUI's line.
    Frame* current_frame() const noexcept { return current_; }
    // The exception being handled (sys.exc_info()[1]), or undefined: the innermost one of
    // the running frame, its callers, and the frames that were running when natives called
    // back into Python (CPython's per-thread exc_info stack, _PyErr_GetTopmostException).
    Value handled_exception() const { return handled_from(current_); }
    uint64_t instructions = 0;  // executed so far in this step (runaway detection)

private:
    // The interpreter loop: runs from `frame` until the entry frame returns (kind returned),
    // a coroutine yields a future (kind yielded), or an exception leaves the entry frame.
    Resumed execute(Frame* frame, std::exception_ptr thrown);
    Ref<Frame> make_frame(Function& f, const CallArgs& args);
    Resumed suspend(Frame* leaf, FutureBase* awaited, CoroutineObject* root);
    [[noreturn]] void runaway(Frame* f);
    Value handled_from(Frame* f) const;
    Interp& in_;
    Frame* current_ = nullptr;
    // current_ when each active execute() began, outermost first: where the search for the
    // handled exception continues past an entry frame (a generator resumed by next(), a
    // function called by a native, a task's coroutine stepped by the loop).
    std::vector<Frame*> entry_callers_;
    std::exception_ptr pending_throw_;  // thrown into a task, delivered by the AWAIT it is suspended in
};

}  // namespace looplab::py
