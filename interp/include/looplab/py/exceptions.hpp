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
#include "looplab/py/traceback_carets.hpp"
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
    // The column span of the instruction the frame was at (its ~~~^^^ line), if known.
    ColumnSpan span;
};

struct ExceptionObject : Instance {
    explicit ExceptionObject(Type* t);
    Value args;                             // a tuple
    std::vector<TracebackEntry> traceback;  // innermost frame first (appended while unwinding)
    Value cause;                            // __cause__ (undefined = None)
    Value context;                          // __context__
    bool suppress_context = false;
    std::vector<std::string> notes;         // add_note()
    // OSError's fields (undefined = None): errno, strerror, filename, filename2, and
    // BlockingIOError's characters_written (undefined = absent). See os_error.cpp.
    Value os_errno, os_strerror, os_filename, os_filename2, os_written;
    // __traceback__'s objects, made on demand (traceback_object.cpp): the head of the chain
    // over the first tb_head_size entries of `traceback`.
    Value tb_head;
    size_t tb_head_size = 0;
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

// OSError's constructor rules (CPython Objects/exceptions.c OSError_new/OSError_init):
// the class OSError(errno, strerror, ...) really makes: the subclass errno maps to when
// `cls` is OSError itself and the first of 2..5 arguments is an int, else `cls`.
Type* oserror_new_type(Type* cls, const Value* args, size_t nargs);
// True when `cls` (an OSError subclass) parses its arguments in __init__, not __new__: it
// overrides __init__ (exceptions.c oserror_use_init).
bool oserror_use_init(const Type* cls);
// Sets errno/strerror/filename/filename2 (and trims args to (errno, strerror) when a
// filename is given) from the constructor arguments (exceptions.c oserror_init).
void oserror_init(ExceptionObject& e, const Value* args, size_t nargs);
// str() of an OSError: "[Errno 2] x", "[Errno 2] x: 'f'", "[Errno 2] x: 'f' -> 'g'", or
// false when the BaseException rule applies (OSError_str).
bool oserror_str(const ExceptionObject& e, std::string& out);

}  // namespace looplab::py
