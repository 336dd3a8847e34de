// The iteration builtins (interp/src/builtins_iter.cpp) against CPython 3.11: whole Python
// programs whose expected output CPython printed (tests/interp/builtins_iter_cases.inc,
// tools/gen_collections_cases.py).
#include <catch2/catch.hpp>

#include "text_test_support.hpp"

using looplab::testing::TextCase;

namespace {
const TextCase kCases[] = {
#include "builtins_iter_cases.inc"
};
}  // namespace

TEST_CASE("len, sorted, min, max, sum, enumerate, zip, map, filter, reversed, any, all, iter and next "
          "print what CPython 3.11 prints",
          "[builtins]") {
    for (const TextCase& c : kCases) {
        SECTION(c.section) { looplab::testing::check_case(c); }
    }
}
