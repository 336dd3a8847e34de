#pragma once
// Tutorial-style scenarios written in C++ against the runtime, each paired with a Python
// file scenarios/py/<name>.py that is the same program. `looplab demo NAME` runs one; the
// fidelity tests (tests/fidelity/compare.py) run both and require identical output and ticks.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "looplab/runtime.hpp"

namespace looplab::scenarios {

struct Scenario {
    const char* name;     // also the Python twin's file name
    const char* summary;  // one line, for `looplab demo --list`
    void (*main)();       // the program: usually one or more looplab::run(...) calls
};

const std::vector<Scenario>& all();
const Scenario* find(std::string_view name);

struct Registrar {
    Registrar(const char* name, const char* summary, void (*main)());
};

// printf-style formatting for prints ("%.1f" matches Python's f"{x:.1f}").
std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
// Python's repr() of a float: the shortest text that reads back exactly (3.0, 0.1, 1e-05).
std::string py_float(double x);

}  // namespace looplab::scenarios

// Defines and registers a scenario: LOOPLAB_SCENARIO(name, "summary") { ...body... }
#define LOOPLAB_SCENARIO(NAME, SUMMARY)                                                   \
    static void NAME##_main();                                                            \
    static ::looplab::scenarios::Registrar NAME##_registrar(#NAME, SUMMARY, &NAME##_main); \
    static void NAME##_main()
