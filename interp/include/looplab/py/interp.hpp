#pragma once
// One interpreter: modules, builtins, output, recursion depth, and the bridge to the
// runtime (the Runtime of the run the scenario executes in). There is one Interp per run;
// Interp::current() is the one running on this thread (natives deep inside dict/set code
// need it without threading it through every call).
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "looplab/py/code.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/types.hpp"

namespace looplab {
class Runtime;
}

namespace looplab::py {

struct Dict;
class VM;

struct InterpOptions {
    int recursion_limit = 1000;  // sys.getrecursionlimit() default
    // A task step (or the main program) running more loop iterations and calls than this
    // without yielding to the event loop is a runaway (SPEC 4: exit 4). CPython would spin
    // forever; 20 million backward jumps and calls is about a second of work, far beyond
    // any tutorial's loop (the compute benchmark's 10 million additions fit).
    uint64_t max_instructions_per_step = 20'000'000;
};

class Interp {
public:
    Interp(Runtime& rt, InterpOptions opts = {});
    ~Interp();
    Interp(const Interp&) = delete;
    Interp& operator=(const Interp&) = delete;
    static Interp& current();
    static Interp* current_or_null() noexcept;

    Runtime& runtime() const noexcept { return *rt_; }
    VM& vm() const noexcept { return *vm_; }
    const InterpOptions& options() const noexcept { return opts_; }

    // ---- modules ----
    Dict* builtins() const noexcept { return builtins_; }
    Module* main_module() const noexcept { return main_.as<Module>(); }
    // `import name`: sys.modules, then native modules, then "not supported" (ImportError).
    Value import_module(std::string_view name);
    using ModuleInit = void (*)(Interp& in, Module& m);
    void register_module(std::string name, ModuleInit init);
    Dict* sys_modules() const noexcept { return sys_modules_; }

    // ---- running source ----
    // Compiles (raises SyntaxError as a Python exception) and runs `source` as __main__.
    void exec_main(std::string_view source, std::string filename);
    // Lines of a file the interpreter compiled (for tracebacks), or empty.
    std::string_view source_line(const std::string& filename, int line) const;

    // End of the program (interpreter shutdown): what CPython prints when the last
    // references go — "Task was destroyed but it is pending!" for tasks never finished.
    // `last_value` is the exception that ended the program (sys.last_value): it, and the
    // frames its traceback holds, go after the pending tasks (see interp.cpp).
    void shutdown(Ref<ExceptionObject> last_value = {});

    // ---- output ----
    void write_stdout(std::string_view s);
    void write_stderr(std::string_view s);
    // Prints `Traceback (most recent call last): ...` for exc, with its chain, to stderr.
    void print_exception(const Ref<ExceptionObject>& exc);
    std::string format_exception(const Ref<ExceptionObject>& exc);
    // A warning as CPython's warnings module prints it: `file:line: Category: message`.
    void warn(Type* category, std::string message, int stacklevel = 1);

    // ---- recursion ----
    int depth = 0;
    void enter_call();  // raises RecursionError past the limit
    void leave_call() noexcept { --depth; }
    int recursion_limit;

    // Interned attribute names the VM uses often.
    struct Names {
        Str *__init__, *__new__, *__repr__, *__str__, *__name__, *__qualname__, *__module__,
            *__doc__, *__dict__, *__class__, *__call__, *__iter__, *__next__, *__len__,
            *__getitem__, *__setitem__, *__contains__, *__enter__, *__exit__, *__aenter__,
            *__aexit__, *__aiter__, *__anext__, *__await__, *__eq__, *__hash__, *__bool__,
            *__main__, *__builtins__, *__file__, *__annotations__, *__post_init__;
    } names;

private:
    Runtime* rt_;
    InterpOptions opts_;
    std::unique_ptr<VM> vm_;
    Dict* builtins_ = nullptr;
    Dict* sys_modules_ = nullptr;
    Value main_;
    std::map<std::string, ModuleInit, std::less<>> module_inits_;
    std::map<std::string, std::vector<std::string>, std::less<>> sources_;
    Interp* previous_ = nullptr;

public:
    // The CPython-formatted text of the last SyntaxError exec_main raised (its traceback).
    std::string syntax_error_text_;
};

// Builtins and built-in type methods are installed by these (one file each).
void install_builtins(Interp& in, Dict& builtins);     // builtins.cpp
void install_str_methods(Type& str);                   // str_methods.cpp
// [added by "text"] int/float/bool methods (bit_length, is_integer...) and constructors;
// idempotent (install_builtins calls it too).
void install_number_methods(const BuiltinTypes& t);    // number_methods.cpp
void install_list_methods(Type& list, Type& tuple);    // list_methods.cpp
void install_dict_methods(Type& dict);                 // dict_methods.cpp
void install_set_methods(Type& set, Type& frozenset);  // set_methods.cpp
void install_object_methods(const BuiltinTypes& t);    // object_methods.cpp: object, type, function...
void install_iteration_builtins(Interp& in, Dict& builtins);  // builtins_iter.cpp
void install_core_builtins(Interp& in, Dict& builtins);       // builtins_core.cpp: exceptions, object, super...
void register_standard_modules(Interp& in);                   // modules.cpp: asyncio, time, sys...
void register_stdlib_modules(Interp& in);                     // module_registry.cpp: time, random, sys...
void register_world_modules(Interp& in);
// random.seed(n) for the run (SPEC 4: every run starts with random.seed(0) unless --seed N).
void seed_random(Interp& in, int64_t seed);                      // world_modules.cpp: sim, aiohttp, requests

}  // namespace looplab::py
