// PEP 657 caret lines (interp/src/traceback_carets.cpp), against the lines CPython 3.11's
// traceback module printed for the same source spans (format_exc() of each case under
// /usr/bin/python3; the spans are the failing instruction's co_positions()).
#include <catch2/catch.hpp>

#include "looplab/py/traceback_carets.hpp"

using looplab::py::caret_line;
using looplab::py::ColumnSpan;

TEST_CASE("caret lines follow traceback.py's format_frame_summary", "[traceback]") {
    SECTION("a binary operation marks its operator with ^ and the operands with ~") {
        CHECK(caret_line("    return 1 / x", 4, ColumnSpan{11, 4, 16}) == "           ~~^~~\n");
        CHECK(caret_line("    return 10 // x", 7, ColumnSpan{11, 7, 18}) == "           ~~~^^~~\n");
    }
    SECTION("a subscript marks the [index] with ^") {
        CHECK(caret_line("    return d[k]", 6, ColumnSpan{11, 6, 15}) == "           ~^^^\n");
        CHECK(caret_line("    lambda: [1, 2][5], lambda: {\"a\": 1}[\"b\"]]", 24, ColumnSpan{12, 24, 21}) ==
              "            ~~~~~~^^^\n");
    }
    SECTION("offsets are bytes in the line, carets count characters") {
        CHECK(caret_line("y = x[\"\xc3\xbc\"] + 1", 39, ColumnSpan{4, 39, 11}) == "        ~^^^^^\n");
    }
    SECTION("calls, attributes and names get ^ under the whole span") {
        CHECK(caret_line("    return inner(x) + 1", 11, ColumnSpan{11, 11, 19}) == "           ^^^^^^^^\n");
        CHECK(caret_line("    return o.missing", 8, ColumnSpan{11, 8, 20}) == "           ^^^^^^^^^\n");
        CHECK(caret_line("    return undefined_name + 1", 12, ColumnSpan{11, 12, 25}) == "           ^^^^^^^^^^^^^^\n");
        CHECK(caret_line("cases = [lambda: C().m(0), lambda: f({}, \"zz\")]", 22, ColumnSpan{17, 22, 25}) ==
              "                     ^^^^^^^^\n");
    }
    SECTION("a span running onto the next lines is marked to the end of its first line") {
        CHECK(caret_line("    return multi(", 31, ColumnSpan{11, 32, 14}) == "           ^^^^^^\n");
        CHECK(caret_line("    y = (1 +", 43, ColumnSpan{9, 44, 13}) == "         ^^^\n");
    }
    SECTION("no caret line when the span is the whole statement or there is no column") {
        CHECK(caret_line("    outer(0)", 25, ColumnSpan{4, 25, 12}) == "");
        CHECK(caret_line("    raise ValueError(f\"bad {n}\")", 19, ColumnSpan{4, 19, 32}) == "");
        CHECK(caret_line("    await work(2)", 35, ColumnSpan{4, 35, 17}) == "");
        CHECK(caret_line("    return 1 / x", 4, ColumnSpan{}) == "");
    }
    SECTION("a whole-line binary operation still gets its anchors") {
        CHECK(caret_line("a / b", 1, ColumnSpan{0, 1, 5}) == "    ~~^~~\n");
    }
}
