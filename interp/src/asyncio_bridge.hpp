#pragma once
// The bridge between Python objects and the runtime's asyncio (internal to the asyncio
// module files): tasks running Python coroutines, the Python-visible Future/Task/loop
// objects, and helpers to build awaitables from C++ runtime coroutines.
#include <string>

#include "looplab/event_loop.hpp"
#include "looplab/py/abstract.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/py/vm.hpp"

namespace looplab::py {

// asyncio.Task for a Python coroutine (or a native coroutine such as asyncio.sleep()):
// TaskBase drives it through the VM's resume (the coroutine protocol of task.hpp).
class FrameTask final : public TaskBase {
public:
    // created_at: where asyncio's code called loop.create_task (debug-mode reprs say
    // "created at FILE:LINE"); null means the scenario's own current line.
    FrameTask(EventLoop& loop, Value coro, std::string_view name, const char* created_at = nullptr);
    ~FrameTask() override;
    std::string coro_name() const override;
    const void* value_ptr() const noexcept override { return result_slot_ ? &*result_slot_ : nullptr; }
    StepResult step_body(std::exception_ptr thrown) override;
    void close_body() noexcept override;
    std::string repr() const override;
    const Value& coro() const noexcept { return coro_; }

protected:
    void take_result() override;

private:
    Value coro_;
    Value returned_;
    std::string created_at_;
    std::optional<Value> result_slot_;
};

// The Python object for a runtime future (one per live future; same object each time).
Value wrap_future(Ref<FutureBase> f);
// The runtime future behind a Python Future/Task object, or null.
FutureBase* unwrap_future(const Value& v);
// Python's asyncio.Future / Task classes.
Type* future_type();
Type* task_type();
// The Python object for a running loop (asyncio.get_running_loop()).
Value wrap_loop(EventLoop& loop);
EventLoop* unwrap_loop(const Value& v);
// Installs the Python-aware exception handler (tracebacks) on a loop the scenario uses.
void prepare_loop(Interp& in, EventLoop& loop);
// events.set_event_loop(loop) (the policy's current loop for get_event_loop()).
void set_current_event_loop(EventLoop* loop);
// events._get_event_loop(): the running loop, else the policy's (creating one, once).
EventLoop& get_event_loop(Interp& in);

// ensure_future(): coroutines become FrameTasks; futures pass through. TypeError otherwise.
Ref<FutureBase> ensure_future(Interp& in, const Value& aw, EventLoop* loop = nullptr, std::string_view name = {});
bool is_coroutine_object(const Value& v);
// The value of a done future as Python sees it (raises its exception).
Value future_value(Interp& in, FutureBase& f);

// A Python awaitable running a C++ runtime coroutine.
Value make_native_coroutine(Coroutine<Value> coro, const char* name);
Value raise_to_python(std::exception_ptr e);

// The event loop of the running asyncio.run / run_until_complete, or RuntimeError.
EventLoop& running_loop();

// Holds a C++ value inside a Python object (iterator state...).
template <class T>
struct OpaqueHolder : OpaqueObject {
    explicit OpaqueHolder(T v) : OpaqueObject(types().object), value(std::move(v)) {}
    T value;
};

// Module initialisers (one per file).
void init_asyncio_module(Interp& in, Module& m);
void init_asyncio_exceptions_module(Interp& in, Module& m);
void install_asyncio_loop(Interp& in, Module& m);       // asyncio_loop.cpp
void install_asyncio_contexts(Interp& in, Module& m);   // asyncio_contexts.cpp: timeout, TaskGroup
void install_asyncio_locks(Interp& in, Module& m);
void install_asyncio_queues(Interp& in, Module& m);

}  // namespace looplab::py
