// Library frames in tracebacks (see library_frames.hpp). Each is an immortal code object and
// frame named like CPython's function, so tb.tb_frame.f_code.co_name reads 'wait_for' too.
#include "looplab/py/library_frames.hpp"

#include <iterator>

#include "looplab/exceptions.hpp"
#include "looplab/py/code.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/vm.hpp"

namespace looplab::py {

// /usr/lib/python3.11/asyncio/tasks.py of the reference CPython (3.11.2, Debian 12).
const LibraryFrame kWaitForResult{"/usr/lib/python3.11/asyncio/tasks.py", "wait_for", 479,
                                  "            return fut.result()", ColumnSpan{19, 479, 31}};
// Spans as 3.11.2 prints their carets (checked against /usr/bin/python3): the call or await
// of the `return`; the whole-line statements (await __sleep0(), yield, raise) print none.
const LibraryFrame kRunRunnerRun{"/usr/lib/python3.11/asyncio/runners.py", "run", 190,
                                 "        return runner.run(main)", ColumnSpan{15, 190, 31}};
const LibraryFrame kRunnerRunUntilComplete{"/usr/lib/python3.11/asyncio/runners.py", "run", 118,
                                           "            return self._loop.run_until_complete(task)",
                                           ColumnSpan{19, 118, 54}};
const LibraryFrame kRunUntilCompleteResult{"/usr/lib/python3.11/asyncio/base_events.py", "run_until_complete", 653,
                                           "        return future.result()", ColumnSpan{15, 653, 30}};
const LibraryFrame kSleepAwaitFuture{"/usr/lib/python3.11/asyncio/tasks.py", "sleep", 639,
                                     "        return await future", ColumnSpan{15, 639, 27}};
const LibraryFrame kSleepAwaitSleep0{"/usr/lib/python3.11/asyncio/tasks.py", "sleep", 630,
                                     "        await __sleep0()", ColumnSpan{8, 630, 24}};
const LibraryFrame kSleep0Yield{"/usr/lib/python3.11/asyncio/tasks.py", "__sleep0", 624, "    yield",
                                ColumnSpan{4, 624, 9}};
const LibraryFrame kTimeoutAexitRaise{"/usr/lib/python3.11/asyncio/timeouts.py", "__aexit__", 98,
                                      "                raise TimeoutError", ColumnSpan{16, 98, 34}};

namespace {

const LibraryFrame* const kAll[] = {&kWaitForResult,    &kRunRunnerRun,     &kRunnerRunUntilComplete,
                                    &kRunUntilCompleteResult, &kSleepAwaitFuture, &kSleepAwaitSleep0,
                                    &kSleep0Yield,      &kTimeoutAexitRaise};

struct Made {
    Ref<Code> code;
    Ref<Object> frame;
};

Made& made_for(const LibraryFrame& f) {
    static Made made[std::size(kAll)];
    size_t i = 0;
    while (kAll[i] != &f) ++i;
    Made& m = made[i];
    if (!m.code) {
        // Immortal, as the library module's code is for the whole run.
        static Dict* globals = [] {
            auto* d = new Dict();
            d->add_ref();
            return d;
        }();
        m.code = Ref<Code>(new Code());
        m.code->add_ref();
        m.code->name = m.code->qualname = f.name;
        m.code->filename = f.filename;
        m.code->firstline = f.line;  // Frame::line() of a frame with no instructions
        m.frame = Ref<Object>(new Frame(m.code, globals));
        m.frame->add_ref();
    }
    return m;
}

}  // namespace

void add_library_frame(ExceptionObject& e, const LibraryFrame& f) {
    Made& m = made_for(f);
    e.traceback.push_back(TracebackEntry{m.code, f.line, m.frame, f.span});
}

std::exception_ptr through_library_frames(std::exception_ptr error, std::initializer_list<const LibraryFrame*> frames) {
    Ref<ExceptionObject> e;
    try {
        std::rethrow_exception(error);
    } catch (const PyErrorBase& pe) {
        e = pe.exc;
    } catch (const looplab::BaseException&) {
        // A runtime exception (CancelledError, TimeoutError) becomes its Python object here
        // rather than where the VM would convert it, so the frames have somewhere to go.
        e = from_exception_ptr(error);
    } catch (...) {
        return error;  // RunEnded, deadlock reports: not Python exceptions
    }
    for (const LibraryFrame* f : frames) add_library_frame(*e, *f);
    return to_exception_ptr(std::move(e));
}

std::string_view library_source_line(std::string_view filename, int line) {
    for (const LibraryFrame* f : kAll)
        if (f->line == line && filename == f->filename) return f->source;
    return {};
}

}  // namespace looplab::py
