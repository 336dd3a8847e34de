#pragma once
// Frames of CPython's own asyncio library that 3.11 tracebacks show between the program's
// frames, for asyncio functions LoopLab implements natively: e.g. an exception leaving
// `await asyncio.wait_for(coro, timeout)` passes through tasks.py's wait_for, whose frame
// traceback.format_exc() prints as
//   File "/usr/lib/python3.11/asyncio/tasks.py", line 479, in wait_for
//     return fut.result()
//            ^^^^^^^^^^^^
#include <exception>
#include <initializer_list>
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
// asyncio.run(main) -> Runner.run -> loop.run_until_complete: the frames an exception of
// main's task passes through on its way out of asyncio.run (runners.py 190 and 118,
// base_events.py 653 `return future.result()`), innermost last in this list.
extern const LibraryFrame kRunRunnerRun, kRunnerRunUntilComplete, kRunUntilCompleteResult;
// tasks.py sleep(delay > 0): `return await future`, where a cancellation reaches the sleeper.
extern const LibraryFrame kSleepAwaitFuture;
// tasks.py sleep(0): `await __sleep0()` and __sleep0's bare `yield` (innermost).
extern const LibraryFrame kSleepAwaitSleep0, kSleep0Yield;
// timeouts.py Timeout.__aexit__: `raise TimeoutError` when the timeout fired.
extern const LibraryFrame kTimeoutAexitRaise;

// Adds `f` to the exception's traceback as the next outer frame (as if it propagated
// through it): call where the library function lets the exception out.
void add_library_frame(ExceptionObject& e, const LibraryFrame& f);
// The Python exception `error` stands for (a runtime exception becomes one), with `frames`
// added innermost first; RunEnded and other non-Python errors pass unchanged.
std::exception_ptr through_library_frames(std::exception_ptr error, std::initializer_list<const LibraryFrame*> frames);
// The source line of a library frame above, or "" (Interp::source_line's fallback).
std::string_view library_source_line(std::string_view filename, int line);

}  // namespace looplab::py
