// looplab: the command line. `looplab` opens the GUI on the first lesson (gui_command.cpp),
// `looplab run` runs a Python scenario headless, `looplab demo` the built-in C++ scenarios.
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

#include "looplab/exceptions.hpp"
#include "looplab/heap_pages.hpp"
#include "looplab/runtime.hpp"
#include "check_command.hpp"
#include "gui_command.hpp"
#include "run_command.hpp"
#include "scenario.hpp"

namespace {

const char* kUsage =
    "usage: looplab                      the GUI, on the first lesson\n"
    "       looplab FILE.py              the GUI, on FILE.py\n"
    "       looplab run FILE.py [...]    run a scenario headless (`looplab run --help`)\n"
    "       looplab lessons              list the lessons\n"
    "       looplab check [...]          run every lesson's checks headless\n"
    "       looplab screenshot FILE.py --at TICK --out OUT.png [--size WxH]\n"
    "       looplab bench-ui [--tasks N] [--events M]\n"
    "       looplab demo NAME [--ticks OUT] [--until S] [--max-steps N]\n"
    "       looplab demo --list\n"
    "Every command takes --help.\n"
    "\n"
    "`looplab demo` runs one of the built-in scenarios: asyncio programs written against\n"
    "LoopLab's C++ runtime, each the twin of a Python file in scenarios/py/.\n"
    "\n"
    "  --ticks OUT     write one line per task step: <clock> <loop> <task name>\n"
    "  --until S       stop at virtual time S (default 300)\n"
    "  --max-steps N   stop after N task steps\n"
    "\n"
    "Exit codes: 0 ok or limit reached, 1 uncaught exception, 2 usage error, 3 deadlock.\n";

// Runs one scenario in the current Runtime; returns the exit code (0, 1 or 3).
int run_scenario(const looplab::scenarios::Scenario& s) {
    try {
        s.main();
        return 0;
    } catch (const looplab::RunEnded& e) {
        std::cout.flush();
        std::cerr << e.report() << '\n';
        return e.exit_code();
    } catch (...) {
        std::cout.flush();
        std::cerr << "Traceback (most recent call last):\n"
                  << "  File \"" << s.name << "\", in <module>\n"
                  << looplab::format_exception_only(std::current_exception()) << '\n';
        return 1;
    }
}

int usage_error(const std::string& msg) {
    std::cerr << "looplab: " << msg << "\n\n" << kUsage;
    return 2;
}

int list_demos() {
    for (auto& s : looplab::scenarios::all()) std::cout << s.name << "  " << s.summary << '\n';
    return 0;
}

int run_demo(int argc, char** argv) {
    std::string name, ticks_path;
    double until = 300;
    uint64_t max_steps = UINT64_MAX;
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](const char* opt) -> const char* {
            if (i + 1 >= argc) return nullptr;
            (void)opt;
            return argv[++i];
        };
        if (a == "--list") return list_demos();
        if (a == "--help" || a == "-h") {
            std::cout << kUsage;
            return 0;
        }
        if (a == "--ticks") {
            const char* v = value("--ticks");
            if (!v) return usage_error("--ticks needs a file name");
            ticks_path = v;
        } else if (a == "--until") {
            const char* v = value("--until");
            char* end = nullptr;
            if (!v || (until = std::strtod(v, &end), *end) || until < 0) return usage_error("--until needs a number of seconds");
        } else if (a == "--max-steps") {
            const char* v = value("--max-steps");
            char* end = nullptr;
            if (!v || (max_steps = std::strtoull(v, &end, 10), *end)) return usage_error("--max-steps needs a whole number");
        } else if (!a.empty() && a[0] == '-') {
            return usage_error("unknown option " + a);
        } else if (name.empty()) {
            name = a;
        } else {
            return usage_error("one scenario at a time (got " + name + " and " + a + ")");
        }
    }
    if (name.empty()) return usage_error("which scenario? `looplab demo --list` shows them");
    const auto* scenario = looplab::scenarios::find(name);
    if (!scenario) return usage_error("no scenario named '" + name + "'; `looplab demo --list` shows them");

    // Open the ticks file first: a bad path is reported before anything runs.
    std::ofstream ticks_out;
    if (!ticks_path.empty()) {
        ticks_out.open(ticks_path);
        if (!ticks_out) return usage_error("cannot write the ticks file " + ticks_path);
    }
    looplab::Runtime rt;
    rt.limits().until = until;
    rt.limits().max_steps = max_steps;
    if (!ticks_path.empty()) rt.enable_tracing();
    int code = run_scenario(*scenario);
    std::cout.flush();
    if (ticks_out.is_open()) looplab::write_ticks(*rt.tracer(), ticks_out);
    return code;
}

}  // namespace

int main(int argc, char** argv) {
    looplab::use_huge_pages_for_heap();  // before anything allocates much: see heap_pages.hpp
    if (argc < 2) return looplab::app::gui_command(argc, argv);
    if (!std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
        std::cout << kUsage;
        return 0;
    }
    if (!std::strcmp(argv[1], "demo")) return run_demo(argc, argv);
    if (!std::strcmp(argv[1], "run")) return looplab::app::run_command(argc, argv);
    if (!std::strcmp(argv[1], "lessons")) return looplab::app::lessons_command(argc, argv);
    if (!std::strcmp(argv[1], "check")) return looplab::app::check_command(argc, argv);
    if (!std::strcmp(argv[1], "screenshot")) return looplab::app::screenshot_command(argc, argv);
    if (!std::strcmp(argv[1], "bench-ui")) return looplab::app::bench_ui_command(argc, argv);
    // `looplab FILE.py`: anything that is not a command but a file opens in the GUI.
    if (argv[1][0] != '-' && std::ifstream(argv[1]).good()) return looplab::app::gui_command(argc, argv);
    return usage_error(std::string("unknown command '") + argv[1] + "'");
}
