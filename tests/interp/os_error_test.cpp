// OSError's constructor rules (interp/src/os_error.cpp, after CPython Objects/exceptions.c
// OSError_new/oserror_init/OSError_str): the errno -> subclass map, the args trimming, str().
// Their behaviour against CPython is also checked by the scenario
// tests/interp/scenarios/edge_py_oserror_errno_subclass.py.
#include <catch2/catch.hpp>

#include <cerrno>

#include "looplab/py/exceptions.hpp"
#include "looplab/py/interp.hpp"
#include "text_test_support.hpp"

using namespace looplab::py;
using looplab::testing::run_python;

namespace {

std::string class_of(std::vector<Value> args) {
    return oserror_new_type(exc_types().OSError, args.data(), args.size())->name;
}

}  // namespace

TEST_CASE("OSError(errno, ...) picks the subclass errno maps to", "[os_error]") {
    SECTION("each errno of exceptions.c's errnomap gives its subclass") {
        const std::pair<int, const char*> cases[] = {
            {ENOENT, "FileNotFoundError"},     {EEXIST, "FileExistsError"},       {EACCES, "PermissionError"},
            {EPERM, "PermissionError"},        {ETIMEDOUT, "TimeoutError"},       {ECONNREFUSED, "ConnectionRefusedError"},
            {ECONNRESET, "ConnectionResetError"}, {ECONNABORTED, "ConnectionAbortedError"}, {EAGAIN, "BlockingIOError"},
            {EINPROGRESS, "BlockingIOError"},  {EALREADY, "BlockingIOError"},     {EISDIR, "IsADirectoryError"},
            {ENOTDIR, "NotADirectoryError"},   {EINTR, "InterruptedError"},       {ECHILD, "ChildProcessError"},
            {ESRCH, "ProcessLookupError"},     {EPIPE, "BrokenPipeError"},        {ESHUTDOWN, "BrokenPipeError"},
        };
        for (auto& [num, name] : cases) {
            INFO("errno " << num);
            CHECK(class_of({Value::integer(num), make_str("x")}) == name);
        }
    }
    SECTION("an errno outside the map, a non-int errno or a wrong argument count keep OSError") {
        CHECK(class_of({Value::integer(EIO), make_str("x")}) == "OSError");
        CHECK(class_of({make_str("2"), make_str("x")}) == "OSError");
        CHECK(class_of({Value::integer(ENOENT)}) == "OSError");
        std::vector<Value> six(6, Value::integer(ENOENT));
        CHECK(class_of(six) == "OSError");
    }
    SECTION("True is the int 1, EPERM") { CHECK(class_of({Value::boolean(true), make_str("b")}) == "PermissionError"); }
    SECTION("only OSError itself is replaced, never a subclass") {
        Value args[] = {Value::integer(EACCES), make_str("x")};
        CHECK(oserror_new_type(exc_types().FileNotFoundError, args, 2) == exc_types().FileNotFoundError);
    }
}

TEST_CASE("OSError's fields, args and str() follow oserror_init and OSError_str", "[os_error]") {
    SECTION("errno, strerror, filename, filename2 and their str()") {
        auto r = run_python(
            "e = OSError(2, 'x', 'f', None, 'g')\n"
            "print(type(e).__name__, e.errno, e.strerror, e.filename, e.filename2, e.args)\n"
            "print(e)\n"
            "print(OSError(2, 'x', 'f.txt'), OSError(2, 'x', None).args)\n");
        CHECK(r.err == "");
        CHECK(r.out == "FileNotFoundError 2 x f g (2, 'x')\n[Errno 2] x: 'f' -> 'g'\n[Errno 2] x: 'f.txt' (2, 'x', None)\n");
    }
    SECTION("without errno and strerror str() is BaseException's") {
        auto r = run_python("print(repr(str(OSError())), OSError('only'), OSError(2), OSError(None, None))\n");
        CHECK(r.out == "'' only 2 [Errno None] None\n");
    }
    SECTION("a subclass with its own __init__ parses there, and args start empty") {
        auto r = run_python(
            "class A(OSError):\n    def __init__(self, m):\n        super().__init__(2, m)\n"
            "class B(OSError):\n    def __init__(self, m):\n        pass\n"
            "print(repr(A('hi')), A('hi').errno, repr(B('hi')), B('hi').errno)\n");
        CHECK(r.out == "A(2, 'hi') 2 B() None\n");
    }
    SECTION("a built-in subclass with its own __init__ takes keywords and still parses errno") {
        auto r = run_python(
            "import requests\n"
            "e = requests.RequestException('a', response=3)\n"
            "print(repr(e), e.errno, e.response)\n"
            "e = requests.RequestException(2, 'x')\n"
            "print(repr(e), e.errno, e.strerror, e)\n");
        CHECK(r.err == "");
        CHECK(r.out == "RequestException('a') None 3\nRequestException(2, 'x') 2 x [Errno 2] x\n");
    }
    SECTION("keywords are refused, as OSError_new does") {
        auto r = run_python("try:\n    OSError(errno=2)\nexcept TypeError as e:\n    print(e)\n");
        CHECK(r.out == "OSError() takes no keyword arguments\n");
    }
    SECTION("BlockingIOError's third argument is characters_written") {
        auto r = run_python("b = BlockingIOError(11, 'again', 5)\nprint(b, b.characters_written, b.filename, b.args)\n");
        CHECK(r.out == "[Errno 11] again 5 None (11, 'again', 5)\n");
    }
    SECTION("the errno module has the numbers and errorcode's last-added names") {
        auto r = run_python("import errno\nprint(errno.ENOENT, errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK])\n");
        CHECK(r.out == "2 EAGAIN EDEADLOCK\n");
    }
}
