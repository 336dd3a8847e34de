#pragma once
// The two file views of the trace that SPEC 5 asks for besides `--ticks`:
//   --events OUT.jsonl  the full event stream, one JSON object per line (docs/events-jsonl.md)
//   --trace OUT.json    Chrome Trace Event Format for Perfetto / chrome://tracing
//                       (docs/chrome-trace.md)
// Both resolve every id to a name (tasks, primitives, interned strings) so a reader needs
// nothing but the file.
#include <iosfwd>
#include <string>
#include <string_view>

#include "looplab/trace.hpp"

namespace looplab {

void write_events_jsonl(const Tracer& tracer, std::ostream& out);
void write_chrome_trace(const Tracer& tracer, std::ostream& out);

// `s` as a JSON string literal, quotes included: control characters escaped, valid UTF-8
// kept as is, and any invalid byte replaced by U+FFFD so the output always parses.
std::string json_quote(std::string_view s);

}  // namespace looplab
