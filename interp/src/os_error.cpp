// OSError and its errno subclasses (CPython Objects/exceptions.c: OSError_new, OSError_init,
// oserror_parse_args, oserror_init, OSError_str and the errnomap built in
// _PyExc_InitState). OSError(2, 'x') is a FileNotFoundError there: a scenario that raises
// OSError(errno.ENOENT, ...) and catches FileNotFoundError must behave the same here.
#include <cerrno>

#include "looplab/py/abstract.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/interp.hpp"

namespace looplab::py {

namespace {

// exceptions.c ADD_ERRNO(...) lines, in their order: the subclass each errno maps to. The
// numbers are this platform's (Linux), as CPython's are taken from <errno.h>.
Type* errno_subclass(int64_t n) {
    struct Entry {
        int errnum;
        const char* cls;
    };
    static const Entry map[] = {
        {EAGAIN, "BlockingIOError"}, {EALREADY, "BlockingIOError"}, {EINPROGRESS, "BlockingIOError"},
        {EWOULDBLOCK, "BlockingIOError"}, {EPIPE, "BrokenPipeError"}, {ESHUTDOWN, "BrokenPipeError"},
        {ECHILD, "ChildProcessError"}, {ECONNABORTED, "ConnectionAbortedError"},
        {ECONNREFUSED, "ConnectionRefusedError"}, {ECONNRESET, "ConnectionResetError"},
        {EEXIST, "FileExistsError"}, {ENOENT, "FileNotFoundError"}, {EISDIR, "IsADirectoryError"},
        {ENOTDIR, "NotADirectoryError"}, {EINTR, "InterruptedError"}, {EACCES, "PermissionError"},
        {EPERM, "PermissionError"}, {ESRCH, "ProcessLookupError"}, {ETIMEDOUT, "TimeoutError"},
    };
    for (const Entry& e : map)
        if (e.errnum == n) return exception_type_by_name(e.cls);
    return nullptr;
}

bool given(const Value& v) { return !v.is_undefined() && !v.is_none(); }

}  // namespace

bool oserror_use_init(const Type* cls) {
    // oserror_use_init: tp_init is not OSError_init (a subclass overrides __init__) while
    // tp_new is still OSError_new (no Python __new__).
    Value init = cls->lookup("__init__");
    Value new_ = cls->lookup("__new__");
    bool own_init = !init.is_undefined() && init.obj() != exc_types().OSError->lookup("__init__").obj();
    bool own_new = !new_.is_undefined() && new_.is_object() && new_.type()->kind != Kind::native;
    return own_init && !own_new;
}

Type* oserror_new_type(Type* cls, const Value* args, size_t nargs) {
    // OSError_new: only OSError itself is replaced, only when the arguments were parsed
    // (2 to 5 of them) and errno is an int found in the errnomap.
    if (cls != exc_types().OSError || nargs < 2 || nargs > 5 || !args[0].is_intlike()) return cls;
    Type* sub = errno_subclass(args[0].as_int());
    return sub ? sub : cls;
}

void oserror_init(ExceptionObject& e, const Value* args, size_t nargs) {
    std::vector<Value> kept(args, args + nargs);
    e.os_errno = e.os_strerror = e.os_filename = e.os_filename2 = Value();
    if (nargs >= 2 && nargs <= 5) {
        // oserror_parse_args: "OO|OOO" = errno, strerror, filename, winerror, filename2.
        e.os_errno = args[0];
        e.os_strerror = args[1];
        Value filename = nargs > 2 ? args[2] : Value();
        Value filename2 = nargs > 4 ? args[4] : Value();
        if (given(filename)) {
            // BlockingIOError's third argument is the number of characters written.
            if (e.type == exception_type_by_name("BlockingIOError") && filename.is_intlike()) {
                e.os_written = filename;
            } else {
                e.os_filename = filename;
                if (given(filename2)) e.os_filename2 = filename2;
                // "filename, filename2, and winerror are removed from the args tuple (for
                // compatibility purposes, see test_exceptions.py)".
                kept.resize(2);
            }
        }
    }
    e.args = make_tuple(std::move(kept));
}

bool oserror_str(const ExceptionObject& e, std::string& out) {
    Interp& in = Interp::current();
    auto field = [&](const Value& v) { return v.is_undefined() ? std::string("None") : str(in, v); };
    if (!e.os_filename.is_undefined()) {
        out = "[Errno " + field(e.os_errno) + "] " + field(e.os_strerror) + ": " + repr(in, e.os_filename);
        if (!e.os_filename2.is_undefined()) out += " -> " + repr(in, e.os_filename2);
        return true;
    }
    // Both set, even to None: OSError(None, None) is "[Errno None] None".
    if (!e.os_errno.is_undefined() && !e.os_strerror.is_undefined()) {
        out = "[Errno " + str(in, e.os_errno) + "] " + str(in, e.os_strerror);
        return true;
    }
    return false;
}

}  // namespace looplab::py
