#pragma once
// The standard-library modules scenarios import (SPEC 2), native, one module_<name>.cpp
// each (internal to those files and module_registry.cpp). Each mirrors CPython 3.11's
// module of the same name for what scenarios use: same results, same reprs, same error
// messages. Module state that must survive between calls lives in the module's dict (as
// CPython's does), never in C++ globals, so that every Interp starts clean. The classes
// the modules define are immortal and shared by every Interp, like the built-in types.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "looplab/py/abstract.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/py/types.hpp"

namespace looplab::py::stdlib {

// ---- the modules (module_<name>.cpp) ----------------------------------------------------
void init_time(Interp& in, Module& m);
void init_random(Interp& in, Module& m);
void init_math(Interp& in, Module& m);
void init_os(Interp& in, Module& m);
void init_os_path(Interp& in, Module& m);
void init_sys(Interp& in, Module& m);
void init_functools(Interp& in, Module& m);
void init_itertools(Interp& in, Module& m);
void init_collections(Interp& in, Module& m);
void init_dataclasses(Interp& in, Module& m);
void init_typing(Interp& in, Module& m);
void init_datetime(Interp& in, Module& m);
void init_logging(Interp& in, Module& m);
void init_string(Interp& in, Module& m);
void init_json(Interp& in, Module& m);
void init_copy(Interp& in, Module& m);
void init_operator(Interp& in, Module& m);
void init_contextlib(Interp& in, Module& m);
void init_enum(Interp& in, Module& m);
void init_future(Interp& in, Module& m);
void init_abc(Interp& in, Module& m);
void init_traceback(Interp& in, Module& m);
void init_heapq(Interp& in, Module& m);
void init_bisect(Interp& in, Module& m);
void init_types(Interp& in, Module& m);
void init_errno(Interp& in, Module& m);

// Parts of collections (module_collections_*.cpp).
void install_namedtuple(Module& m);
void install_collection_dicts(Interp& in, Module& m);
// collections.namedtuple(typename, fields, rename=, defaults=, module=) from C++
// (functools' CacheInfo...).
Value make_namedtuple(Interp& in, const std::string& typename_, std::vector<std::string> fields, bool rename,
                      const Value& defaults, const std::string& module);

// logging's first half, as Python source (module_logging_records.cpp).
const char* logging_records_source();

// time.struct_time from its nine fields (module_time.cpp); zone is tm_zone.
Value make_time_tuple(const int64_t fields[9], const char* zone);

// ---- helpers shared by the module files (module_registry.cpp) ---------------------------
// A class a native module defines: immortal like the built-in types; `module` is its
// __module__ ("collections", "functools"). Instances of kind opaque are OpaqueObject
// subclasses; kind dict/tuple types make Dict/Tuple objects (see retype).
Type* make_type(const char* name, const char* module, Kind kind, Type* base = nullptr);
// Gives a freshly made object the class `t` (a subclass of its built-in type), keeping the
// class alive if it is a heap class.
void retype(Object* o, Type* t);
// m.<name> = a builtin function.
void def(Module& m, const char* name, NativeFn fn);
// Runs Python source in a namespace (`exec(source, namespace)`); used where CPython itself
// generates code (dataclasses' __init__...) or writes the module in Python. The compiler
// stores module-level names in the globals, so there is no separate locals mapping.
void exec_source(Interp& in, std::string_view source, const std::string& filename, Dict* globals);
// A float argument as CPython's PyFloat_AsDouble: int, float, bool or __float__;
// TypeError "must be real number, not str".
double float_arg(Interp& in, const Value& v);
// Calls callable(*args, **kwargs) from C++.
Value call_kw(Interp& in, const Value& callable, std::vector<Value> args,
              const std::vector<std::pair<std::string, Value>>& kwargs);
// A method's self of the expected native type, or TypeError "descriptor 'append' for
// 'collections.deque' objects doesn't apply to a 'int' object".
Object* self_of(const CallArgs& a, Type* t, const char* method);
// `module.qualname` for reprs of module classes (`collections.deque`, `__main__.Point`).
std::string class_path(const Type* t);
// A class's __qualname__ (its name when it has none).
std::string qualname_of(const Type* t);

}  // namespace looplab::py::stdlib
