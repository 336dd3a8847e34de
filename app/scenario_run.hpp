#pragma once
// One scenario run with the interpreter, shared by `looplab run` and app/record.cpp: the
// interpreter's set-up, the uncaught-error handling and the exit code of SPEC 5. The caller
// sets the Runtime's limits, output streams and tracing first.
#include <cstdint>
#include <string>

#include "looplab/runtime.hpp"

namespace looplab::app {

struct ScenarioOutcome {
    int exit_code = 0;       // 0 ok or limit reached, 1 uncaught exception or syntax error, 3 deadlock, 4 runaway
    std::string error_text;  // what was reported on stderr for the error (traceback, report); "" if none
};

// Runs `source` as the main module `path` in `rt`. Error reports go to the runtime's stderr
// through Runtime::write_err, so a trace records them too.
ScenarioOutcome run_scenario_source(Runtime& rt, const std::string& source, const std::string& path, int64_t seed);

}  // namespace looplab::app
