#pragma once
// Shared by the runtime tests: run a program in a fresh traced Runtime and look at what it
// did as one recorded sequence (Trio's style: compare the whole event log, not fragments).
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "looplab/runtime.hpp"

namespace looplab::testing {

// One run: a fresh Runtime with tracing on, program output captured.
struct Run {
    Runtime rt;
    std::ostringstream out;
    std::ostringstream err;
    Run() {
        rt.enable_tracing();
        rt.set_output(out, err);
    }
    // The program's stdout split into lines.
    std::vector<std::string> lines() const;
    // `--ticks` text.
    std::string ticks() const;
};

// "t=<clock> <text>" — a log line stamped with the virtual time.
std::string at(const std::string& text);

}  // namespace looplab::testing
