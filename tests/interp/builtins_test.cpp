// The builtins of builtins.cpp and the number types' constructors and methods against
// CPython 3.11 (tests/interp/text_cases.py, tools/gen_text_cases.py), plus LoopLab's own
// contract for the builtins a deterministic simulation cannot offer.
#include "text_test_support.hpp"

using looplab::testing::run_python;
using looplab::testing::TextCase;

namespace {
const TextCase kCases[] = {
#include "builtins_cases.inc"
};
}  // namespace

TEST_CASE("builtins behave as CPython's", "[builtins]") {
    for (const TextCase& c : kCases) {
        SECTION(c.section) { looplab::testing::check_case(c); }
    }
}

TEST_CASE("builtins LoopLab cannot offer fail clearly", "[builtins]") {
    SECTION("input, open, exec, eval and compile raise NotImplementedError naming themselves") {
        auto r = run_python(
            "for f in [input, open, exec, eval, compile]:\n"
            "    try:\n"
            "        f('x')\n"
            "    except NotImplementedError as e:\n"
            "        print(e)\n");
        CHECK(r.out ==
              "LoopLab does not support input() in scenarios\n"
              "LoopLab does not support open() in scenarios\n"
              "LoopLab does not support exec() in scenarios\n"
              "LoopLab does not support eval() in scenarios\n"
              "LoopLab does not support compile() in scenarios\n");
    }
    SECTION("type() with three arguments is refused with a NotImplementedError") {
        auto r = run_python(
            "try:\n"
            "    type('A', (), {})\n"
            "except NotImplementedError as e:\n"
            "    print('LoopLab does not support' in str(e))\n");
        CHECK(r.out == "True\n");
    }
    SECTION("an uncaught unsupported call ends with its message as the traceback's last line") {
        auto r = run_python("x = 1\neval('x')\n");
        CHECK(r.out.empty());
        CHECK(r.err.find("NotImplementedError: LoopLab does not support eval() in scenarios") != std::string::npos);
    }
}
