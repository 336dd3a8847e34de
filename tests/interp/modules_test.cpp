// The standard-library modules (interp/src/module_*.cpp): LoopLab's own contract for them —
// the parts a CPython comparison cannot check (seed_random, the fixed process id, the time
// limit, module state not leaking between runs, what is refused). Their behaviour against
// CPython is checked by the scenarios in tests/interp/modules/*.py through
// tests/interp/differential.py.
#include <catch2/catch.hpp>

#include "looplab/exceptions.hpp"
#include "text_test_support.hpp"

using looplab::testing::run_python;

namespace {

// Runs source after seed_random(seed), as `looplab run --seed N` does.
looplab::testing::PyRun run_seeded(const std::string& source, int64_t seed) {
    looplab::Runtime rt;
    std::ostringstream out, err;
    rt.set_output(out, err);
    {
        looplab::py::Interp in(rt);
        looplab::py::seed_random(in, seed);
        try {
            in.exec_main(source, "case.py");
        } catch (const looplab::py::PyErrorBase& e) {
            err << in.format_exception(e.exc);
        }
    }
    return {out.str(), err.str()};
}

}  // namespace

TEST_CASE("random is seeded by the run", "[modules]") {
    SECTION("seed_random(0) gives CPython's random.seed(0) sequence") {
        auto r = run_seeded("import random\nprint(random.random(), random.randint(1, 100))\n", 0);
        CHECK(r.out == "0.8444218515250481 98\n");
    }
    SECTION("seed_random(N) is random.seed(N)") {
        auto a = run_seeded("import random\nprint(random.random())\n", 42);
        auto b = run_seeded("import random\nrandom.seed(42)\nprint(random.random())\n", 7);
        CHECK(a.out == "0.6394267984578837\n");
        CHECK(a.out == b.out);
    }
    SECTION("random.seed() without an argument is deterministic too") {
        auto a = run_python("import random\nrandom.seed()\nprint(random.random())\n");
        auto b = run_python("import random\nrandom.seed()\nprint(random.random())\n");
        CHECK(a.out == b.out);
    }
}

TEST_CASE("time follows the virtual clock", "[modules]") {
    SECTION("time.sleep moves the clock and time.time is 2024-01-01 + clock") {
        auto r = run_python("import time\ntime.sleep(2.5)\nprint(time.time(), time.perf_counter(), time.process_time())\n");
        CHECK(r.out == "1704067202.5 2.5 2.5\n");
    }
    SECTION("datetime.now() is 2024-01-01 00:00:00 + clock") {
        auto r = run_python("import time, datetime\ntime.sleep(61.25)\nprint(datetime.datetime.now())\n");
        CHECK(r.out == "2024-01-01 00:01:01.250000\n");
    }
    SECTION("time.sleep past --until ends the run at the limit") {
        looplab::Runtime rt;
        std::ostringstream out, err;
        rt.set_output(out, err);
        rt.limits().until = 10;
        looplab::py::Interp in(rt);
        std::string report;
        try {
            in.exec_main("import time\ntime.sleep(4)\ntime.sleep(7)\nprint('not reached')\n", "case.py");
        } catch (const looplab::RunEnded& e) {
            report = e.report();
        }
        CHECK(report == "looplab: stopped at t=10 (time limit)");
        CHECK(rt.clock() == 10.0);
        CHECK(out.str().empty());
    }
}

TEST_CASE("os and sys describe the simulated machine", "[modules]") {
    SECTION("os.getpid() is fixed and os.cpu_count() is sim.CORES") {
        auto r = run_python("import os, sim\nprint(os.getpid(), os.cpu_count())\nsim.CORES = 8\nprint(os.cpu_count())\n");
        CHECK(r.out == "4242 4\n8\n");
    }
    SECTION("sys.stdout and sys.stderr write to the run's streams") {
        auto r = run_python("import sys\nsys.stdout.write('a')\nprint('b', file=sys.stderr)\nsys.stdout.write('c\\n')\n");
        CHECK(r.out == "ac\n");
        CHECK(r.err == "b\n");
    }
}

TEST_CASE("module state belongs to one run", "[modules]") {
    SECTION("logging configured in one run is unconfigured in the next") {
        auto a = run_python("import logging\nlogging.basicConfig(format='A %(message)s')\nlogging.warning('x')\n");
        auto b = run_python("import logging\nlogging.warning('y')\n");
        CHECK(a.err == "A x\n");
        CHECK(b.err == "WARNING:root:y\n");
    }
}

TEST_CASE("what LoopLab cannot run is refused clearly", "[modules]") {
    SECTION("enum needs class-creation hooks the interpreter lacks") {
        auto r = run_python("import enum\n");
        CHECK(r.err.find("NotImplementedError: LoopLab does not support the enum module yet") != std::string::npos);
    }
    SECTION("asynccontextmanager needs async generators") {
        auto r = run_python("from contextlib import asynccontextmanager\n@asynccontextmanager\nasync def f():\n    yield\n");
        CHECK(r.err.find("NotImplementedError: LoopLab does not support contextlib.asynccontextmanager") != std::string::npos);
    }
    SECTION("logging.FileHandler would write a file") {
        auto r = run_python("import logging\nlogging.basicConfig(filename='x.log')\n");
        CHECK(r.err.find("NotImplementedError: LoopLab runs scenarios without files") != std::string::npos);
    }
}
