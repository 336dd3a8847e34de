// str against CPython 3.11: indexing, operators, repr, every method, str.format and the %
// operator, each group run as a program in LoopLab and compared with the output CPython
// printed for it (tests/interp/text_cases.py, tools/gen_text_cases.py).
#include "text_test_support.hpp"

using looplab::testing::TextCase;

namespace {
const TextCase kCases[] = {
#include "str_methods_cases.inc"
};
}  // namespace

TEST_CASE("str behaves as CPython's str", "[str]") {
    for (const TextCase& c : kCases) {
        SECTION(c.section) { looplab::testing::check_case(c); }
    }
}
