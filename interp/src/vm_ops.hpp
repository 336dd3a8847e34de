#pragma once
// Internal helpers shared by the VM's files.
#include <string>

#include "looplab/py/vm.hpp"

namespace looplab::py {

// "RuntimeWarning: coroutine 'main' was never awaited" (CPython _PyErr_WarnUnawaitedCoroutine).
void warn_never_awaited(const std::string& qualname, int line);
Type* native_coroutine_type();
// asyncio_module.cpp keeps one FutureObject per runtime future; this forgets a dying one.
void forget_future_object(FutureObject* f);
// Creates a class (BUILD_CLASS): runs the body, computes the MRO, fills __class__.
Value build_class(Interp& in, const Value& body, const std::string& name, std::vector<Value> bases);
// Splits an exception (group) by a type for except* (CHECK_EG_MATCH): returns {match, rest}.
std::pair<Value, Value> exception_group_split(Interp& in, const Value& exc, const Value& type);
// The exception to re-raise after an except* block (PREP_RERAISE_STAR), or None.
Value prep_reraise_star(Interp& in, const Value& orig, const Value& raised_list, const Value& rest);

}  // namespace looplab::py

namespace looplab::py {
void install_exception_methods(const ExceptionTypes& x);  // object_methods.cpp
}
