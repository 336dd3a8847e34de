// `looplab run FILE.py [--until S] [--seed N] [--max-steps N] [--ticks OUT]`: runs a scenario
// with the interpreter on the runtime, headless (SPEC 5). Exit codes: 0 ok or limit
// reached, 1 uncaught exception or syntax error, 2 usage error, 3 deadlock, 4 runaway.
#include "run_command.hpp"

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "looplab/runtime.hpp"
#include "looplab/trace.hpp"
#include "looplab/trace_export.hpp"
#include "scenario_run.hpp"

namespace looplab::app {

namespace {

const char* kRunUsage =
    "usage: looplab run FILE.py [--until S] [--seed N] [--max-steps N] [--ticks OUT]\n"
    "                           [--trace OUT.json] [--events OUT.jsonl]\n"
    "\n"
    "Runs a Python 3.11 asyncio scenario on LoopLab's runtime, on a virtual clock that starts\n"
    "at 0 and jumps to the next timer (nothing waits for real time).\n"
    "\n"
    "  --until S       nothing due later than S virtual seconds runs (default 300)\n"
    "  --seed N        random.seed(N) before the run (default 0)\n"
    "  --max-steps N   stop after N task steps\n"
    "  --ticks OUT     write one line per task step: <clock> <loop> <task name>\n"
    "  --trace OUT     write the run in Chrome Trace Event Format (open it in ui.perfetto.dev)\n"
    "  --events OUT    write every trace event, one JSON object per line\n"
    "\n"
    "stdout is the program's output; stderr its errors, warnings and LoopLab's messages.\n"
    "Exit codes: 0 ok or limit reached, 1 uncaught exception or syntax error, 2 usage error,\n"
    "3 deadlock, 4 runaway task (Python code that never yields to the event loop).\n";

int usage(const std::string& msg) {
    std::cerr << "looplab run: " << msg << "\n\n" << kRunUsage;
    return 2;
}

bool read_file(const std::string& path, std::string& out) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return false;
    std::ostringstream ss;
    ss << f.rdbuf();
    out = ss.str();
    return true;
}

}  // namespace

int run_command(int argc, char** argv) {
    std::string file, ticks_path, trace_path, events_path;
    double until = 300;
    uint64_t max_steps = UINT64_MAX;
    int64_t seed = 0;
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
        if (a == "--help" || a == "-h") {
            std::cout << kRunUsage;
            return 0;
        }
        if (a == "--ticks") {
            const char* v = value();
            if (!v) return usage("--ticks needs a file name");
            ticks_path = v;
        } else if (a == "--trace" || a == "--events") {
            const char* v = value();
            if (!v) return usage(a + " needs a file name");
            (a == "--trace" ? trace_path : events_path) = v;
        } else if (a == "--until") {
            const char* v = value();
            char* end = nullptr;
            if (!v || (until = std::strtod(v, &end), *end) || !(until >= 0)) return usage("--until needs a number of seconds >= 0");
        } else if (a == "--max-steps") {
            const char* v = value();
            char* end = nullptr;
            if (!v || !*v || v[0] == '-' || (max_steps = std::strtoull(v, &end, 10), *end)) return usage("--max-steps needs a whole number >= 0");
        } else if (a == "--seed") {
            const char* v = value();
            char* end = nullptr;
            if (!v || !*v || (seed = std::strtoll(v, &end, 10), *end)) return usage("--seed needs a whole number");
        } else if (a.size() > 1 && a[0] == '-') {
            return usage("unknown option " + a);
        } else if (file.empty()) {
            file = a;
        } else {
            return usage("one scenario file at a time (got " + file + " and " + a + ")");
        }
    }
    if (file.empty()) return usage("which file? e.g. looplab run lessons/01/sequential.py");
    std::string source;
    std::error_code ec;
    std::string path = std::filesystem::absolute(file, ec).lexically_normal().string();
    if (!ec && std::filesystem::is_directory(path)) {
        std::cerr << "looplab: can't run '" << path << "': it is a directory; give a Python file (FILE.py)\n";
        return 2;
    }
    if (ec || !std::filesystem::is_regular_file(path) || !read_file(path, source)) {
        std::cerr << "looplab: can't open file '" << path << "': [Errno 2] No such file or directory\n";
        return 2;
    }
    std::ofstream ticks_out;
    if (!ticks_path.empty()) {
        ticks_out.open(ticks_path);
        if (!ticks_out) return usage("cannot write the ticks file " + ticks_path);
    }
    std::ofstream trace_out, events_out;
    if (!trace_path.empty() && (trace_out.open(trace_path), !trace_out)) return usage("cannot write the trace file " + trace_path);
    if (!events_path.empty() && (events_out.open(events_path), !events_out)) return usage("cannot write the events file " + events_path);

    Runtime rt;
    rt.limits().until = until;
    rt.limits().max_steps = max_steps;
    if (!ticks_path.empty() || !trace_path.empty() || !events_path.empty()) rt.enable_tracing();
    int code = run_scenario_source(rt, source, path, seed).exit_code;
    std::cout.flush();
    if (ticks_out.is_open()) write_ticks(*rt.tracer(), ticks_out);
    if (trace_out.is_open()) write_chrome_trace(*rt.tracer(), trace_out);
    if (events_out.is_open()) write_events_jsonl(*rt.tracer(), events_out);
    return code;
}

}  // namespace looplab::app
