#pragma once
// Traceback and frame objects (CPython Python/traceback.c, Objects/frameobject.c) over the
// interpreter's own record of an exception's frames (ExceptionObject::traceback). They
// exist so that e.__traceback__, sys.exc_info()[2], tb.tb_next / tb_lineno / tb_frame and
// e.with_traceback(tb) work as in CPython: a linked list, outermost frame first.
#include "looplab/py/exceptions.hpp"

namespace looplab::py {

// e.__traceback__: the chain over e.traceback, or None when it has no frames. The same
// objects are returned while the exception keeps propagating; frames it passes through
// later become new heads linked to the old chain, as PyTraceBack_Here does.
Value exception_traceback(ExceptionObject& e);
// e.__traceback__ = tb (and e.with_traceback(tb)): tb is a traceback object or None;
// anything else is CPython's TypeError "__traceback__ must be a traceback or None".
void set_exception_traceback(ExceptionObject& e, const Value& tb);
// The frames of a traceback object or None, innermost first (as ExceptionObject::traceback).
std::vector<TracebackEntry> traceback_entries(const Value& tb);
// One frame as traceback.py's StackSummary.format_frame_summary prints it: the File line,
// the stripped source line and its caret line (when there is a source line).
std::string format_traceback_entry(Interp& in, const TracebackEntry& tb);

}  // namespace looplab::py
