// Traceback objects (interp/src/traceback_object.cpp): e.__traceback__ over the interpreter's
// record of frames, with_traceback(), sys.exc_info()[2], and a bare raise not listing its
// frame twice. Checked against CPython too by tests/interp/scenarios/edge_py_traceback_objects.py
// and edge_py_traceback_reraise.py.
#include <catch2/catch.hpp>

#include "text_test_support.hpp"

using looplab::testing::run_python;

namespace {

const char* kChain =
    "def chain(tb):\n"
    "    out = []\n"
    "    while tb is not None:\n"
    "        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))\n"
    "        tb = tb.tb_next\n"
    "    return out\n"
    "def fails():\n"
    "    raise KeyError('k')\n";  // line 8

}  // namespace

TEST_CASE("e.__traceback__ is a chain of traceback objects, outermost first", "[traceback]") {
    SECTION("a caught exception lists the catching frame, then the deeper ones") {
        auto r = run_python(std::string(kChain) +
                            "def main():\n"
                            "    try:\n"
                            "        fails()\n"  // line 11
                            "    except KeyError as e:\n"
                            "        print(type(e.__traceback__).__name__, chain(e.__traceback__))\n"
                            "        print(e.__traceback__ is e.__traceback__)\n"
                            "main()\n");
        CHECK(r.err == "");
        CHECK(r.out == "traceback [('main', 11), ('fails', 8)]\nTrue\n");
    }
    SECTION("an exception never raised has None") {
        CHECK(run_python("print(ValueError().__traceback__)\n").out == "None\n");
    }
    SECTION("a bare raise does not list its frame twice; raise e does") {
        auto r = run_python(std::string(kChain) +
                            "def bare():\n    try:\n        fails()\n    except KeyError:\n        raise\n"
                            "def named():\n    try:\n        fails()\n    except KeyError as e:\n        raise e\n"
                            "for f in (bare, named):\n"
                            "    try:\n        f()\n    except KeyError as e:\n        print(chain(e.__traceback__)[1:])\n");
        CHECK(r.out == "[('bare', 11), ('fails', 8)]\n[('named', 18), ('named', 16), ('fails', 8)]\n");
    }
    SECTION("with_traceback(None) and assigning None drop the frames; other values are refused") {
        auto r = run_python(std::string(kChain) +
                            "try:\n    fails()\nexcept KeyError as e:\n"
                            "    print(e.with_traceback(None) is e, e.__traceback__)\n"
                            "try:\n    ValueError().__traceback__ = 5\nexcept TypeError as t:\n    print(t)\n");
        CHECK(r.out == "True None\n__traceback__ must be a traceback or None\n");
    }
    SECTION("with_traceback(tb) keeps that traceback object") {
        auto r = run_python(std::string(kChain) +
                            "try:\n    fails()\nexcept KeyError as e:\n"
                            "    tb = e.__traceback__.tb_next\n"
                            "    x = RuntimeError().with_traceback(tb)\n"
                            "    print(x.__traceback__ is tb, chain(x.__traceback__), tb.tb_frame.f_locals)\n");
        CHECK(r.out == "True [('fails', 8)] {}\n");
    }
    SECTION("traceback.format_tb formats each frame, limit keeps the first or last ones") {
        auto r = run_python(std::string(kChain) +
                            "import traceback\ntry:\n    fails()\nexcept KeyError as e:\n"
                            "    print(traceback.format_tb(e.__traceback__))\n"
                            "    print(traceback.format_tb(e.__traceback__, -1), traceback.format_tb(None))\n");
        CHECK(r.err == "");
        CHECK(r.out ==
              "['  File \"case.py\", line 11, in <module>\\n    fails()\\n', "
              "'  File \"case.py\", line 8, in fails\\n    raise KeyError(\\'k\\')\\n']\n"
              "['  File \"case.py\", line 8, in fails\\n    raise KeyError(\\'k\\')\\n'] []\n");
    }
    SECTION("sys.exc_info()[2] is the handled exception's traceback") {
        auto r = run_python(std::string(kChain) +
                            "import sys\ntry:\n    fails()\nexcept KeyError as e:\n    print(sys.exc_info()[2] is e.__traceback__)\n");
        CHECK(r.out == "True\n");
    }
}
