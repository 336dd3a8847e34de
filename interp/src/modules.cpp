// Which modules a scenario can import (SPEC 2, 3): asyncio and its submodules here, the
// standard library's in module_registry.cpp, the simulated world in world_*.cpp.
#include "asyncio_bridge.hpp"
#include "looplab/py/dict.hpp"

namespace looplab::py {

namespace {
// asyncio.tasks, asyncio.events...: scenarios reach names through them
// (`asyncio.tasks.all_tasks()`); each offers the asyncio package's names.
void init_asyncio_submodule(Interp& in, Module& m) {
    Value pkg = in.import_module("asyncio");
    for (auto& e : pkg.as<Module>()->dict->entries())
        if (!e.key.is_undefined() && e.key.as<Str>()->s.substr(0, 2) != "__") m.dict->set(in, e.key, e.value);
}
}  // namespace

void register_standard_modules(Interp& in) {
    in.register_module("asyncio", init_asyncio_module);
    in.register_module("asyncio.exceptions", init_asyncio_exceptions_module);
    for (const char* sub : {"asyncio.tasks", "asyncio.events", "asyncio.futures", "asyncio.locks", "asyncio.queues",
                            "asyncio.runners", "asyncio.base_events", "asyncio.taskgroups", "asyncio.timeouts",
                            "asyncio.coroutines"})
        in.register_module(sub, init_asyncio_submodule);
    register_stdlib_modules(in);
    register_world_modules(in);
}

}  // namespace looplab::py
