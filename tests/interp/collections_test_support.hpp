#pragma once
// Shared by dict_test.cpp, set_test.cpp, list_methods_test.cpp and builtins_iter_test.cpp:
// a live interpreter for calling the C++ API of the containers directly, and the text of
// the Python exception a call raises.
#include <memory>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "looplab/py/abstract.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/runtime.hpp"

namespace looplab::testing {

struct InterpFixture {
    Runtime rt;
    std::ostringstream out, err;
    std::unique_ptr<py::Interp> interp;
    InterpFixture() {
        rt.set_output(out, err);
        interp = std::make_unique<py::Interp>(rt);
    }
    py::Interp& in() { return *interp; }

    // "Type: message" of the Python exception f() raises, or "" when it returns.
    template <class F>
    std::string error_of(F&& f) {
        try {
            f();
        } catch (const py::PyErrorBase& e) {
            return e.exc->type->name + ": " + py::exception_str_builtin(*e.exc);
        }
        return "";
    }
};

}  // namespace looplab::testing
