// Which modules a scenario can import (SPEC 2, 3): asyncio and its submodules here, the
// standard library's in module_registry.cpp, the simulated world in world_*.cpp.
#include "asyncio_bridge.hpp"

namespace looplab::py {

void register_standard_modules(Interp& in) {
    in.register_module("asyncio", init_asyncio_module);
    in.register_module("asyncio.exceptions", init_asyncio_exceptions_module);
    register_stdlib_modules(in);
    register_world_modules(in);
}

}  // namespace looplab::py
