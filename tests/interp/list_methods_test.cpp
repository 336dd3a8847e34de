// list, tuple and range (interp/src/sequence.cpp, list_methods.cpp, tuple_range_methods.cpp)
// against CPython 3.11: the sequence helpers through their C++ API, and whole Python
// programs whose expected output CPython printed (tests/interp/list_methods_cases.inc,
// tools/gen_collections_cases.py).
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "collections_test_support.hpp"
#include "looplab/py/sequence.hpp"
#include "text_test_support.hpp"

using namespace looplab;
using namespace looplab::py;
using looplab::testing::InterpFixture;
using looplab::testing::TextCase;

namespace {

const TextCase kCases[] = {
#include "list_methods_cases.inc"
};

Value ints(std::vector<int64_t> v) {
    std::vector<Value> items;
    for (int64_t x : v) items.push_back(Value::integer(x));
    return make_list(std::move(items));
}

std::vector<int64_t> ints_of(const Value& list) {
    std::vector<int64_t> out;
    for (const Value& v : list.as<List>()->items) out.push_back(v.as_int());
    return out;
}

}  // namespace

TEST_CASE("Sequence helpers", "[list]") {
    InterpFixture py;
    Interp& in = py.in();

    SECTION("list_sort is stable and sorts a reversed run without comparing twice") {
        Value l = ints({5, 4, 3, 2, 1});
        list_sort(in, *l.as<List>(), Value(), false);
        CHECK(ints_of(l) == std::vector<int64_t>{1, 2, 3, 4, 5});
        Value big = ints({});
        for (int64_t k = 0; k < 500; ++k) big.as<List>()->items.push_back(Value::integer((k * 7919) % 503));
        list_sort(in, *big.as<List>(), Value(), true);
        std::vector<int64_t> got = ints_of(big);
        CHECK(std::is_sorted(got.rbegin(), got.rend()));
    }
    SECTION("list_getitem and list_setitem take ints, bools and slices") {
        Value l = ints({10, 20, 30});
        CHECK(list_getitem(in, *l.as<List>(), Value::integer(-1)).as_int() == 30);
        CHECK(list_getitem(in, *l.as<List>(), Value::boolean(true)).as_int() == 20);
        list_setitem(in, *l.as<List>(), Value::integer(0), Value::integer(1));
        CHECK(ints_of(l) == std::vector<int64_t>{1, 20, 30});
        CHECK(py.error_of([&] { list_getitem(in, *l.as<List>(), Value::integer(3)); }) ==
              "IndexError: list index out of range");
        list_delitem(in, *l.as<List>(), Value::integer(1));
        CHECK(ints_of(l) == std::vector<int64_t>{1, 30});
    }
    SECTION("tuple hashes are CPython's") {
        // hash(()), hash((1, 2, 3)) in CPython 3.11
        CHECK(tuple_hash(in, *make_tuple({}).as<Tuple>()) == 5740354900026072187);
        CHECK(tuple_hash(in, *make_tuple({Value::integer(1), Value::integer(2), Value::integer(3)}).as<Tuple>()) ==
              529344067295497451);
    }
    SECTION("sequence_compare answers NotImplemented across kinds") {
        CHECK(sequence_compare(in, ints({1}), make_tuple({Value::integer(1)}), ast::CmpOp::Eq).is(not_implemented()));
        CHECK(sequence_compare(in, ints({1, 2}), ints({1, 3}), ast::CmpOp::Lt).as_bool());
    }
    SECTION("range_contains does arithmetic on large bounds without overflow") {
        const int64_t big = int64_t(1) << 61;
        Range r(-big, big, 3);
        CHECK(range_contains(in, r, Value::integer(-big + 3)));
        CHECK_FALSE(range_contains(in, r, Value::integer(-big + 4)));
        CHECK(range_getitem(in, r, Value::integer(-1)).as_int() == r.start + (r.length() - 1) * 3);
    }
    SECTION("reprs of a list containing itself stop at [...]") {
        Value l = ints({1});
        l.as<List>()->items.push_back(l);
        CHECK(list_repr(in, *l.as<List>()) == "[1, [...]]");
        l.as<List>()->items.clear();  // break the cycle
    }
}

TEST_CASE("list, tuple and range print what CPython 3.11 prints", "[list]") {
    for (const TextCase& c : kCases) {
        SECTION(c.section) { looplab::testing::check_case(c); }
    }
}
