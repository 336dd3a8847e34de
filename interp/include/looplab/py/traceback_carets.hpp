#pragma once
// The `~~~^^^` line CPython 3.11 prints under a traceback frame's source line (PEP 657),
// computed as Lib/traceback.py's StackSummary.format_frame_summary does it from the
// position (line, col, end_line, end_col) of the instruction the frame was at.
#include <string>
#include <string_view>

namespace looplab::py {

// Where in the source an instruction comes from: col/end_col are 0-based UTF-8 byte offsets,
// as CPython's co_positions(); col < 0 means "no column information" (no caret line).
struct ColumnSpan {
    int col = -1, end_line = 0, end_col = 0;
};

// The caret line (with its "\n") for frame line `lineno` whose source text is `line` (without
// its newline), or "" when CPython prints none: no column information, or the span covers
// the whole stripped line (and has no BinOp/Subscript anchors).
std::string caret_line(std::string_view line, int lineno, const ColumnSpan& span);

}  // namespace looplab::py
