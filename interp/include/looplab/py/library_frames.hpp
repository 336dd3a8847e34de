#pragma once
// Frames of CPython's own asyncio library that 3.11 tracebacks show between the program's
// frames, for asyncio functions LoopLab implements natively: e.g. an exception leaving
// `await asyncio.wait_for(coro, timeout)` passes through tasks.py's wait_for, whose frame
// traceback.format_exc() prints as
//   File "/usr/lib/python3.11/asyncio/tasks.py", line 479, in wait_for
//     return fut.result()
//            ^^^^^^^^^^^^
#include <string_view>

#include "looplab/py/exceptions.hpp"

namespace looplab::py {

struct LibraryFrame {
    const char* filename;
    const char* name;
    int line;
    const char* source;  // the line as in the file, indentation included
    ColumnSpan span;     // of the instruction the frame stands at
};

// tasks.py wait_for (3.11.2), with a timeout: `return fut.result()` re-raising the inner
// awaitable's exception.
extern const LibraryFrame kWaitForResult;

// Adds `f` to the exception's traceback as the next outer frame (as if it propagated
// through it): call where the library function lets the exception out.
void add_library_frame(ExceptionObject& e, const LibraryFrame& f);
// The source line of a library frame above, or "" (Interp::source_line's fallback).
std::string_view library_source_line(std::string_view filename, int line);

}  // namespace looplab::py
