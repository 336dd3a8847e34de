#pragma once
// Python exception objects (CPython Objects/exceptions.c) and how they cross into the
// runtime. A Python exception is an ExceptionObject. To travel through the runtime (a task
// raising, a future holding an exception, CancelledError thrown into a coroutine) it is
// wrapped in a PyError<B>, a C++ exception deriving from the runtime's class B that matches
// the Python class (CancelledError, TimeoutError, Exception...), so `catch (CancelledError&)`
// in the runtime sees a Python-raised cancellation. Exceptions the runtime raises itself
// become Python objects of the class with the same name (from_exception_ptr).
#include <exception>
#include <string>
#include <vector>

#include "looplab/exceptions.hpp"
#include "looplab/py/types.hpp"

namespace looplab::py {

struct Code;
struct Frame;

struct TracebackEntry {
    Ref<Code> code;
    int line;
    // The frame itself, kept alive by the traceback as CPython's tb_frame keeps it: its
    // locals live as long as the exception (so, e.g., a never-awaited coroutine in them is
    // reported when the exception goes, not when the frame unwinds).
    Ref<Object> frame;
};

struct ExceptionObject : Instance {
    explicit ExceptionObject(Type* t);
    Value args;                             // a tuple
    std::vector<TracebackEntry> traceback;  // innermost frame first (appended while unwinding)
    Value cause;                            // __cause__ (undefined = None)
    Value context;                          // __context__
    bool suppress_context = false;
    std::vector<std::string> notes;         // add_note()
};

// The built-in exception classes, asyncio's included.
struct ExceptionTypes {
    Type *BaseException, *Exception, *ArithmeticError, *ZeroDivisionError, *OverflowError,
        *AssertionError, *AttributeError, *ImportError, *ModuleNotFoundError, *LookupError,
        *IndexError, *KeyError, *NameError, *UnboundLocalError, *RuntimeError,
        *NotImplementedError, *RecursionError, *StopIteration, *StopAsyncIteration, *TypeError,
        *ValueError, *UnicodeError, *OSError, *TimeoutError, *ConnectionError,
        *FileNotFoundError, *KeyboardInterrupt, *SystemExit, *GeneratorExit,
        *BaseExceptionGroup, *ExceptionGroup, *SyntaxError, *IndentationError, *Warning,
        *UserWarning, *RuntimeWarning, *DeprecationWarning, *EOFError,
        // asyncio.exceptions
        *CancelledError, *InvalidStateError, *QueueEmpty, *QueueFull, *BrokenBarrierError;
};
const ExceptionTypes& exc_types();

// Carries a Python exception object through C++ (and through the runtime).
class PyErrorBase {
public:
    explicit PyErrorBase(Ref<ExceptionObject> e) : exc(std::move(e)) {}
    virtual ~PyErrorBase() = default;
    Ref<ExceptionObject> exc;
};

// A new exception instance of `cls` with args (message) — no user code runs.
Ref<ExceptionObject> new_exception(Type* cls, std::string message);
Ref<ExceptionObject> new_exception_args(Type* cls, std::vector<Value> args);
// str(exc) for built-in rules (args-based); user __str__ is applied by the interpreter.
std::string exception_str_builtin(const ExceptionObject& e);

// Wrap for throwing through C++/the runtime, and unwrap (runtime exceptions become objects).
std::exception_ptr to_exception_ptr(Ref<ExceptionObject> e);
Ref<ExceptionObject> from_exception_ptr(const std::exception_ptr& e);
[[noreturn]] void throw_exception(Ref<ExceptionObject> e);
[[noreturn]] void raise(Type* cls, std::string message);
[[noreturn]] void raise_type_error(std::string message);
[[noreturn]] void raise_value_error(std::string message);

// True when the exception object is an instance of cls (or a subclass).
bool exception_matches(const ExceptionObject& e, const Type* cls);
// The built-in exception class with that name ("ValueError"), or null.
Type* exception_type_by_name(std::string_view name);

}  // namespace looplab::py
