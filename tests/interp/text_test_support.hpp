#pragma once
// Shared by str_methods_test.cpp and builtins_test.cpp: run a Python program in a fresh
// LoopLab interpreter, capture what it prints, and compare it line by line with the output
// CPython gave for the same program (tools/gen_text_cases.py writes the *_cases.inc files).
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "looplab/py/exceptions.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/runtime.hpp"

namespace looplab::testing {

struct TextCase {
    const char* section;   // a sentence: the SECTION name
    const char* program;   // the Python source both interpreters ran
    const char* expected;  // CPython's stdout
    const char* exprs;     // for expression groups, the expression behind each output line
};

struct PyRun {
    std::string out, err;
};

inline PyRun run_python(const std::string& source) {
    Runtime rt;
    std::ostringstream out, err;
    rt.set_output(out, err);
    {
        py::Interp in(rt);
        try {
            in.exec_main(source, "case.py");
        } catch (const py::PyErrorBase& e) {
            err << in.format_exception(e.exc);
        }
    }
    return {out.str(), err.str()};
}

inline std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream is(text);
    for (std::string line; std::getline(is, line);) lines.push_back(line);
    return lines;
}

// Runs the case and checks every output line, naming the expression that printed it.
inline void check_case(const TextCase& c) {
    PyRun r = run_python(c.program);
    INFO("stderr: " << r.err);
    std::vector<std::string> want = split_lines(c.expected), got = split_lines(r.out), exprs = split_lines(c.exprs);
    for (size_t i = 0; i < want.size(); ++i) {
        INFO("line " << i + 1 << (i < exprs.size() ? ": " + exprs[i] : std::string()));
        CHECK((i < got.size() ? got[i] : std::string("<missing>")) == want[i]);
    }
    CHECK(got.size() == want.size());
    CHECK(r.out == c.expected);
}

}  // namespace looplab::testing
