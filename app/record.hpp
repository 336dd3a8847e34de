#pragma once
// Runs a scenario file with the interpreter, tracing on, and builds the GUI's model of the
// run. Used by the GUI, `looplab check` and `looplab screenshot`. Never throws for a bad
// scenario: a syntax error, an exception, a deadlock or a limit end up in the result.
#include <cstdint>
#include <limits>
#include <string>

#include "looplab/model/recording.hpp"

namespace looplab::app {

struct RecordOptions {
    double until = 300;                                       // --until: virtual seconds
    uint64_t max_steps = std::numeric_limits<uint64_t>::max();  // --max-steps
    int64_t seed = 0;                                         // --seed: random.seed(N)
    uint32_t keyframe_every = model::Recording::kDefaultKeyframeEvery;  // model keyframe spacing
};

struct RecordResult {
    model::Recording recording;  // the run (empty but valid when the file could not be read)
    int exit_code = 0;           // as `looplab run`: 0 ok/limit, 1 exception/syntax error, 2 unreadable, 3 deadlock, 4 runaway
    std::string error_text;      // the error LoopLab reported (traceback, deadlock/limit report); "" if none
    uint32_t error_line = 0;     // line in the scenario the error points at (0: none)
    std::string stdout_text;     // everything the program wrote to stdout
    std::string stderr_text;     // everything written to stderr (program and LoopLab)
};

// Runs `path` (its text is read from disk).
RecordResult record_file(const std::string& path, const RecordOptions& options = {});
// Runs `source` as if it were the file `path` (the editor's unsaved text, tests).
RecordResult record_source(const std::string& path, const std::string& source, const RecordOptions& options = {});

}  // namespace looplab::app
