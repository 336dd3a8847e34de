#pragma once
// The asyncio exception types (CPython Lib/asyncio/exceptions.py and the builtins it uses).
// Exceptions travel through the runtime as std::exception_ptr, the way CPython passes
// exception objects around. The scenario interpreter carries a Python exception object by
// deriving from these classes (e.g. a Python `raise ValueError` becomes a C++ type derived
// from ValueError holding the object), so `catch (const CancelledError&)` in the runtime sees
// cancellation whichever side raised it.
#include <exception>
#include <string>
#include <vector>

namespace looplab {

class BaseException : public std::exception {
public:
    explicit BaseException(std::string message = {}) : message_(std::move(message)) {}
    // Python's str(exc).
    const std::string& message() const noexcept { return message_; }
    const char* what() const noexcept override { return message_.c_str(); }
    // Python class name, used by repr() and traceback's last line.
    virtual const char* type_name() const noexcept { return "BaseException"; }
    // `ValueError('boom')`, `CancelledError()`.
    virtual std::string repr() const;
    // The last line of a traceback: `ValueError: boom`, or `CancelledError` alone.
    std::string format_exception_only() const;

    // `raise X from cause` (Python's __cause__): set where asyncio chains exceptions, e.g.
    // wait_for's `raise TimeoutError() from exc`.
    std::exception_ptr cause;

private:
    std::string message_;
};

#define LOOPLAB_EXCEPTION(Name, Base)                                       \
    class Name : public Base {                                              \
    public:                                                                 \
        using Base::Base;                                                   \
        const char* type_name() const noexcept override { return #Name; }   \
    }

// asyncio.CancelledError derives from BaseException since Python 3.8, so that
// `except Exception` does not swallow cancellation.
LOOPLAB_EXCEPTION(CancelledError, BaseException);
LOOPLAB_EXCEPTION(Exception, BaseException);
LOOPLAB_EXCEPTION(RuntimeError, Exception);
LOOPLAB_EXCEPTION(ValueError, Exception);
LOOPLAB_EXCEPTION(TypeError, Exception);
LOOPLAB_EXCEPTION(KeyError, Exception);
// A failed `assert` inside asyncio itself (e.g. timeouts.py on misuse).
LOOPLAB_EXCEPTION(AssertionError, Exception);
LOOPLAB_EXCEPTION(OSError, Exception);
// Since 3.11 asyncio.TimeoutError is the builtin TimeoutError, a subclass of OSError.
LOOPLAB_EXCEPTION(TimeoutError, OSError);
LOOPLAB_EXCEPTION(InvalidStateError, Exception);
LOOPLAB_EXCEPTION(QueueEmpty, Exception);
LOOPLAB_EXCEPTION(QueueFull, Exception);

// BaseExceptionGroup / ExceptionGroup (PEP 654), raised by TaskGroup. ExceptionGroup is
// used when every member is an Exception, BaseExceptionGroup otherwise, as CPython does.
class BaseExceptionGroup : public BaseException {
public:
    BaseExceptionGroup(std::string message, std::vector<std::exception_ptr> exceptions)
        : BaseException(std::move(message)), exceptions_(std::move(exceptions)) {}
    const char* type_name() const noexcept override { return "BaseExceptionGroup"; }
    const std::vector<std::exception_ptr>& exceptions() const noexcept { return exceptions_; }
    std::string repr() const override;

private:
    std::vector<std::exception_ptr> exceptions_;
};

class ExceptionGroup : public Exception {
public:
    ExceptionGroup(std::string message, std::vector<std::exception_ptr> exceptions)
        : Exception(std::move(message)), exceptions_(std::move(exceptions)) {}
    const char* type_name() const noexcept override { return "ExceptionGroup"; }
    const std::vector<std::exception_ptr>& exceptions() const noexcept { return exceptions_; }
    std::string repr() const override;

private:
    std::vector<std::exception_ptr> exceptions_;
};

// Builds ExceptionGroup when all members are Exceptions, else BaseExceptionGroup.
std::exception_ptr make_exception_group(std::string message, std::vector<std::exception_ptr> exceptions);

// The members of an exception group, or empty when `e` is not one.
const std::vector<std::exception_ptr>* exception_group_members(const std::exception_ptr& e);

bool is_cancelled_error(const std::exception_ptr& e);
// True for Exception subclasses (CPython's `isinstance(exc, Exception)`).
bool is_exception(const std::exception_ptr& e);
// repr() of any exception_ptr; foreign C++ exceptions show as `RuntimeError('what')`.
std::string exception_repr(const std::exception_ptr& e);
std::string exception_type_name(const std::exception_ptr& e);
// Traceback's last line for any exception_ptr.
std::string format_exception_only(const std::exception_ptr& e);

// Not Python exceptions: LoopLab ending a run (SPEC 4 limits, deadlock). They unwind through
// the runtime but scenario code cannot catch them as BaseException.
class RunEnded : public std::exception {
public:
    RunEnded(int exit_code, std::string report) : exit_code_(exit_code), report_(std::move(report)) {}
    int exit_code() const noexcept { return exit_code_; }
    // The message LoopLab prints on stderr, e.g. `looplab: stopped at t=300 (time limit)`.
    const std::string& report() const noexcept { return report_; }
    const char* what() const noexcept override { return report_.c_str(); }

private:
    int exit_code_;
    std::string report_;
};

}  // namespace looplab
