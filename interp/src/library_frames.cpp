// Library frames in tracebacks (see library_frames.hpp). Each is an immortal code object and
// frame named like CPython's function, so tb.tb_frame.f_code.co_name reads 'wait_for' too.
#include "looplab/py/library_frames.hpp"

#include <iterator>

#include "looplab/py/code.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/vm.hpp"

namespace looplab::py {

// /usr/lib/python3.11/asyncio/tasks.py of the reference CPython (3.11.2, Debian 12).
const LibraryFrame kWaitForResult{"/usr/lib/python3.11/asyncio/tasks.py", "wait_for", 479,
                                  "            return fut.result()", ColumnSpan{19, 479, 31}};

namespace {

const LibraryFrame* const kAll[] = {&kWaitForResult};

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

std::string_view library_source_line(std::string_view filename, int line) {
    for (const LibraryFrame* f : kAll)
        if (f->line == line && filename == f->filename) return f->source;
    return {};
}

}  // namespace looplab::py
