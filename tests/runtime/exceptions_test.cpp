// The asyncio exception types: hierarchy, repr and traceback's last line as CPython prints them.
#include <catch2/catch.hpp>

#include "looplab/exceptions.hpp"

using namespace looplab;

TEST_CASE("the hierarchy matches Python's") {
    CHECK_FALSE(is_exception(std::make_exception_ptr(CancelledError())));  // BaseException since 3.8
    CHECK(is_exception(std::make_exception_ptr(TimeoutError())));
    CHECK(is_cancelled_error(std::make_exception_ptr(CancelledError("x"))));
    CHECK_FALSE(is_cancelled_error(std::make_exception_ptr(ValueError("x"))));
    try {
        throw TimeoutError();
    } catch (const OSError&) {  // 3.11: asyncio.TimeoutError is the builtin, an OSError
        SUCCEED();
    }
}

TEST_CASE("repr and the traceback's last line") {
    CHECK(ValueError("boom").repr() == "ValueError('boom')");
    CHECK(CancelledError().repr() == "CancelledError()");
    CHECK(ValueError("it's").repr() == "ValueError(\"it's\")");
    CHECK(ValueError("a\nb").repr() == "ValueError('a\\nb')");
    CHECK(ValueError("BoundedSemaphore released too many times").format_exception_only() ==
          "ValueError: BoundedSemaphore released too many times");
    CHECK(TimeoutError().format_exception_only() == "TimeoutError");
    CHECK(exception_repr(std::make_exception_ptr(std::runtime_error("c++"))) == "RuntimeError('c++')");
}

TEST_CASE("exception groups pick ExceptionGroup or BaseExceptionGroup like PEP 654") {
    auto g = make_exception_group("unhandled errors in a TaskGroup",
                                  {std::make_exception_ptr(ValueError("a")), std::make_exception_ptr(KeyError("b"))});
    CHECK(exception_repr(g) == "ExceptionGroup('unhandled errors in a TaskGroup', [ValueError('a'), KeyError('b')])");
    CHECK(exception_group_members(g)->size() == 2);
    auto bg = make_exception_group("m", {std::make_exception_ptr(CancelledError())});
    CHECK(exception_type_name(bg) == "BaseExceptionGroup");
    CHECK(exception_group_members(std::make_exception_ptr(ValueError("x"))) == nullptr);
}
