// The `errno` module (CPython Modules/errnomodule.c): the error numbers a scenario passes to
// OSError(errno.ENOENT, ...) and the errorcode table. Values are this platform's <errno.h>,
// as CPython's are; only the common ones (those OSError maps to subclasses and their kin).
#include <cerrno>

#include "looplab/py/dict.hpp"
#include "stdlib_modules.hpp"

namespace looplab::py::stdlib {

void init_errno(Interp& in, Module& m) {
    struct Code {
        const char* name;
        int value;
    };
    // Aliases share a number; errorcode keeps the one errnomodule.c adds last: errorcode[11]
    // is 'EAGAIN' (EWOULDBLOCK came first), errorcode[35] 'EDEADLOCK'.
    static const Code codes[] = {
        {"EPERM", EPERM}, {"ENOENT", ENOENT}, {"ESRCH", ESRCH}, {"EINTR", EINTR}, {"EIO", EIO},
        {"ENXIO", ENXIO}, {"E2BIG", E2BIG}, {"ENOEXEC", ENOEXEC}, {"EBADF", EBADF}, {"ECHILD", ECHILD},
        {"EWOULDBLOCK", EWOULDBLOCK}, {"EAGAIN", EAGAIN}, {"ENOMEM", ENOMEM}, {"EACCES", EACCES},
        {"EFAULT", EFAULT}, {"EBUSY", EBUSY}, {"EEXIST", EEXIST}, {"EXDEV", EXDEV}, {"ENODEV", ENODEV},
        {"ENOTDIR", ENOTDIR}, {"EISDIR", EISDIR}, {"EINVAL", EINVAL}, {"ENFILE", ENFILE},
        {"EMFILE", EMFILE}, {"ENOSPC", ENOSPC}, {"ESPIPE", ESPIPE}, {"EROFS", EROFS}, {"EPIPE", EPIPE},
        {"EDOM", EDOM}, {"ERANGE", ERANGE}, {"EDEADLK", EDEADLK}, {"EDEADLOCK", EDEADLOCK}, {"ENAMETOOLONG", ENAMETOOLONG},
        {"ENOSYS", ENOSYS}, {"ENOTEMPTY", ENOTEMPTY}, {"ENOTSOCK", ENOTSOCK}, {"EADDRINUSE", EADDRINUSE},
        {"EADDRNOTAVAIL", EADDRNOTAVAIL}, {"ENETDOWN", ENETDOWN}, {"ENETUNREACH", ENETUNREACH},
        {"ECONNABORTED", ECONNABORTED}, {"ECONNRESET", ECONNRESET}, {"ENOBUFS", ENOBUFS},
        {"EISCONN", EISCONN}, {"ENOTCONN", ENOTCONN}, {"ESHUTDOWN", ESHUTDOWN}, {"ETIMEDOUT", ETIMEDOUT},
        {"ECONNREFUSED", ECONNREFUSED}, {"EHOSTDOWN", EHOSTDOWN}, {"EHOSTUNREACH", EHOSTUNREACH},
        {"EALREADY", EALREADY}, {"EINPROGRESS", EINPROGRESS}, {"ECANCELED", ECANCELED},
    };
    Value errorcode(new Dict());
    for (const Code& c : codes) {
        m.dict->set_str(c.name, Value::integer(c.value));
        as_dict(errorcode)->set(in, Value::integer(c.value), make_str(c.name));
    }
    m.dict->set_str("errorcode", errorcode);
}

}  // namespace looplab::py::stdlib
