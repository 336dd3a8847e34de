#pragma once
// The simulated world of SPEC 3 (`sim`, `aiohttp`, `requests`), native (internal to the
// world_*.cpp files). docs/world.md is the contract; tools/world/*.py is the reference
// implementation the CPython runner uses, and these files replicate it await for await.
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "looplab/py/abstract.hpp"
#include "looplab/py/interp.hpp"

namespace looplab::py::world {

// ---- argument binding with the messages of a plain Python `def` ------------------------
// The reference modules are Python code, so their argument errors are those of
// Python/ceval.c's positional/keyword binding: "get() takes 1 positional argument but 2
// were given", "cpu() missing 1 required positional argument: 'seconds'", "f() got an
// unexpected keyword argument 'x'", "f() got multiple values for argument 'x'".
struct Params {
    const char* qualname;            // "ClientSession.get", "cpu": as in co_qualname
    std::vector<const char*> names;  // positional-or-keyword first, then keyword-only
    size_t npos;                     // how many of `names` may be given by position
    size_t nrequired;                // leading positional parameters without a default
    bool method;                     // a `self` precedes `names` and counts in the messages
};
// Binds args[0..nargs) and a's keywords into out[0..names.size()) (missing: undefined).
// For a method, `args` excludes self.
void bind(const Params& p, const Value* args, size_t nargs, const CallArgs& kw, Value* out);
// A native method called as a bound method: a[0] is self.
inline void bind_method(const Params& p, const CallArgs& a, Value* out) {
    bind(p, a.args + 1, a.nargs ? a.nargs - 1 : 0, a, out);
}
// A constructor (Type::construct): no self in a.
inline void bind_call(const Params& p, const CallArgs& a, Value* out) { bind(p, a.args, a.nargs, a, out); }
inline Value or_none(const Value& v) { return v.is_undefined() ? Value::none() : v; }

// Calls `callable(*args, **kwargs)` from C++ (exception classes with keyword arguments).
Value call_kw(Interp& in, const Value& callable, std::vector<Value> args,
              std::vector<std::pair<const char*, Value>> kwargs);

// ---- classes ---------------------------------------------------------------------------
// A class of the world modules: immortal like the built-in ones, `__module__` as the real
// library's (aiohttp.client, requests.models...). kind: object (instances keep their
// attributes in a dict, as the reference's Python classes do) or opaque (native state).
Type* make_class(const char* name, const char* module, Kind kind = Kind::object, Type* base = nullptr);
// An exception class with one or more bases; the MRO is the C3 linearisation, as
// `class InvalidURL(ClientError, ValueError)` gets.
Type* make_exception_class(const char* name, const char* module, std::initializer_list<Type*> bases);
// A native standing for one of the reference's `def`s: its type is named `function` and
// its repr is `<function ClientSession.get at 0x…>`, as a Python function's.
Value make_function(const char* name, const std::string& qualname, NativeFn fn);
// `def name(self, ...)` in class t: a make_function method.
void add_function(Type* t, const char* name, NativeFn fn);
// A read-only property whose getter is a native taking (self).
void add_property(Type* t, const char* name, NativeFn getter);
// An instance of a Kind::object world class, its attributes set in order.
Value new_instance(Type* t, std::initializer_list<std::pair<const char*, Value>> attrs);
// The instance dict's attribute (undefined when absent).
Value attr_of(const Value& obj, const char* name);
// A native coroutine that finishes at once with `v` (an `async def` that awaits nothing).
Value ready_coroutine(Value v, const char* qualname);

// ---- sim (world_sim.cpp) -------------------------------------------------------------------
// looplab_cpython.clock.block: the calling thread is busy or blocked for `seconds` (>= 0):
// the clock moves by exactly that, no loop iteration runs; past --until the run stops.
void block(Interp& in, double seconds);
// sim._seconds: an int or float (bool included), finite, >= 0, else TypeError/ValueError
// with "<func>(): <name> must be ...". Returns the value unchanged.
Value check_seconds(Interp& in, const char* func, const char* name, const Value& v);
// A number's value as a double (int, bool or float).
inline double number(const Value& v) { return v.is_float() ? v.as_float() : double(v.as_int()); }
// The latency (a number, as set) and status of a request to url now: longest prefix.
Value latency_for(Interp& in, const std::string& url);
Value status_for(Interp& in, const std::string& url);
// http.HTTPStatus(code).phrase, '' for unknown codes (sim._REASONS).
const char* reason_phrase(int64_t code);
// sim._BODY: what every simulated server answers.
inline constexpr const char* kBody = "<html><body>OK</body></html>";
// sim._split_url: scheme and host lower-cased, port explicit or 80/443; nullopt when the
// URL is not http(s)://host[:digits]...
struct UrlParts {
    std::string scheme, host, port;  // port as its decimal text ("443")
};
std::optional<UrlParts> split_url(Interp& in, const std::string& url);

// ---- module initialisers -----------------------------------------------------------------
void init_sim_module(Interp& in, Module& m);                  // world_sim.cpp
void init_aiohttp_module(Interp& in, Module& m);              // world_aiohttp.cpp
void init_requests_module(Interp& in, Module& m);             // world_requests.cpp
void init_requests_exceptions_module(Interp& in, Module& m);  // world_requests.cpp

}  // namespace looplab::py::world
