#pragma once
// `looplab run FILE.py`: the scenario interpreter from the command line (SPEC 5).
namespace looplab::app {
int run_command(int argc, char** argv);  // argv[1] == "run"
}
