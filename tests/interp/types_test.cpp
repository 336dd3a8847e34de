// The order a dying list or tuple releases its items (interp/src/types.cpp): last to first as
// CPython's list_dealloc/tupledealloc, first to last while the interpreter finalizes. It
// decides the order of "Task exception was never retrieved" for failed tasks kept in a list;
// checked against CPython by tests/interp/scenarios/edge_shutdown_order_task_list.py and
// edge_shutdown_order_after_run.py.
#include <catch2/catch.hpp>

#include "looplab/py/types.hpp"
#include "text_test_support.hpp"

using looplab::testing::run_python;

namespace {

// An object that records its own destruction, to see the order a container releases items.
struct Probe : looplab::py::Object {
    Probe(std::vector<int>* log, int n) : Object(looplab::py::types().object), log(log), n(n) {}
    ~Probe() override { log->push_back(n); }
    std::vector<int>* log;
    int n;
};

std::vector<looplab::py::Value> probes(std::vector<int>& log, std::initializer_list<int> ns) {
    std::vector<looplab::py::Value> v;
    for (int n : ns) v.push_back(looplab::py::Value(new Probe(&log, n)));
    return v;
}

}  // namespace

TEST_CASE("a dying list or tuple releases its items last to first", "[types]") {
    using looplab::py::Value;
    std::vector<int> log;
    SECTION("list_dealloc and tupledealloc order, as CPython") {
        Value list(new looplab::py::List(probes(log, {1, 2, 3})));
        list = Value();
        Value tuple(new looplab::py::Tuple(probes(log, {4, 5})));
        tuple = Value();
        CHECK(log == std::vector<int>{3, 2, 1, 5, 4});
    }
    SECTION("list.clear() too (listobject.c _list_clear)") {
        auto r = run_python("xs = [1, 2]\nxs.clear()\nprint(xs)\n");
        CHECK(r.out == "[]\n");
        std::vector<Value> items = probes(log, {6, 7});
        looplab::py::release_items_reversed(items);
        CHECK(items.empty());
        CHECK(log == std::vector<int>{7, 6});
    }
    SECTION("while the interpreter finalizes, first to last (the collector's order)") {
        looplab::py::ReleaseInCollectorOrder finalizing;
        Value list(new looplab::py::List(probes(log, {1, 2, 3})));
        list = Value();
        CHECK(log == std::vector<int>{1, 2, 3});
    }
}
