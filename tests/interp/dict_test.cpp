// dict (interp/src/dict.cpp, dict_methods.cpp, dict_views.cpp) against CPython 3.11: the
// table through its C++ API, and whole Python programs whose expected output CPython
// printed (tests/interp/dict_cases.inc, tools/gen_collections_cases.py).
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "collections_test_support.hpp"
#include "looplab/py/dict.hpp"
#include "text_test_support.hpp"

using namespace looplab;
using namespace looplab::py;
using looplab::testing::InterpFixture;
using looplab::testing::TextCase;

namespace {

const TextCase kCases[] = {
#include "dict_cases.inc"
};

std::vector<int64_t> int_keys(const Dict& d) {
    std::vector<int64_t> out;
    for (const Dict::Entry& e : d.entries())
        if (!e.key.is_undefined()) out.push_back(e.key.as_int());
    return out;
}

}  // namespace

TEST_CASE("Dict table", "[dict]") {
    InterpFixture py;
    Interp& in = py.in();
    Ref<Dict> d(new Dict());

    SECTION("keys keep their insertion order and an overwrite keeps the first position") {
        for (int64_t k : {5, 3, 9}) d->set(in, Value::integer(k), Value::integer(k * 10));
        d->set(in, Value::integer(3), Value::integer(0));
        CHECK(int_keys(*d) == std::vector<int64_t>{5, 3, 9});
        CHECK(d->get(in, Value::integer(3)).as_int() == 0);
        CHECK(d->size() == 3);
    }
    SECTION("equal numbers are the same key and the first key object is kept") {
        d->set(in, Value::integer(1), make_str("int"));
        d->set(in, Value::floating(1.0), make_str("float"));
        d->set(in, Value::boolean(true), make_str("bool"));
        REQUIRE(d->size() == 1);
        CHECK(d->entries()[0].key.is_int());
        CHECK(d->get(in, Value::integer(1)).as<Str>()->s == "bool");
    }
    SECTION("deleted entries leave holes until the table is rebuilt") {
        for (int64_t k = 0; k < 5; ++k) d->set(in, Value::integer(k), Value::none());
        CHECK(d->erase(in, Value::integer(1)));
        CHECK_FALSE(d->erase(in, Value::integer(1)));
        CHECK(d->entries().size() == 5);  // a hole at position 1
        CHECK(d->size() == 4);
        // The sixth insertion finds the entry array full (5 of 8 slots usable): the table is
        // rebuilt for used*3 = 12 keys, which drops the hole.
        d->set(in, Value::integer(7), Value::none());
        CHECK(d->entries().size() == 5);
        CHECK(int_keys(*d) == std::vector<int64_t>{0, 2, 3, 4, 7});
        CHECK_FALSE(d->contains(in, Value::integer(1)));
        CHECK(d->contains(in, Value::integer(4)));
    }
    SECTION("the version changes on insertion and deletion but not on an overwrite") {
        const uint64_t v0 = d->version();
        d->set(in, make_str("a"), Value::integer(1));
        const uint64_t v1 = d->version();
        CHECK(v1 != v0);
        d->set(in, make_str("a"), Value::integer(2));
        CHECK(d->version() == v1);
        d->erase(in, make_str("a"));
        CHECK(d->version() != v1);
    }
    SECTION("the str fast paths find keys set through the general path and back") {
        d->set(in, make_str("spam"), Value::integer(1));
        d->set_str("eggs", Value::integer(2));
        CHECK(d->get_str("spam").as_int() == 1);
        CHECK(d->get(in, make_str("eggs")).as_int() == 2);
        CHECK(d->get_str("ham").is_undefined());
        CHECK(d->get_str(*intern("spam")).as_int() == 1);  // the Str overload, cached hash
        CHECK(d->get_str(*intern("ham")).is_undefined());
        CHECK(d->erase_str("spam"));
        CHECK_FALSE(d->erase_str("spam"));
        CHECK(d->size() == 1);
        d->set_str("eggs", Value::integer(3));
        CHECK(d->size() == 1);
        CHECK(d->get(in, make_str("eggs")).as_int() == 3);
    }
    SECTION("many keys survive growth and deletions") {
        for (int64_t k = 0; k < 1000; ++k) d->set(in, Value::integer(k * 7919), Value::integer(k));
        for (int64_t k = 0; k < 1000; k += 2) CHECK(d->erase(in, Value::integer(k * 7919)));
        CHECK(d->size() == 500);
        for (int64_t k = 0; k < 1000; ++k)
            CHECK(d->get(in, Value::integer(k * 7919)).is_undefined() == (k % 2 == 0));
        std::vector<int64_t> keys = int_keys(*d);
        CHECK(keys.front() == 7919);
        CHECK(keys.back() == 999 * 7919);
    }
    SECTION("clear empties the dict") {
        d->set(in, make_str("a"), Value::integer(1));
        d->clear();
        CHECK(d->size() == 0);
        CHECK(d->entries().empty());
        CHECK(d->get(in, make_str("a")).is_undefined());
        d->set(in, make_str("b"), Value::integer(2));
        CHECK(d->size() == 1);
    }
    SECTION("an unhashable key raises TypeError") {
        CHECK(py.error_of([&] { d->set(in, make_list({}), Value::none()); }) ==
              "TypeError: unhashable type: 'list'");
        CHECK(py.error_of([&] { d->get(in, Value::adopt(new Dict())); }) == "TypeError: unhashable type: 'dict'");
    }
    SECTION("a missing key raises KeyError carrying the key") {
        CHECK(py.error_of([&] { dict_getitem(in, Value(d), make_str("k")); }) == "KeyError: 'k'");
        CHECK(py.error_of([&] { dict_getitem(in, Value(d), make_tuple({Value::integer(1)})); }) ==
              "KeyError: (1,)");
    }
}

TEST_CASE("dict methods, views and iterators print what CPython 3.11 prints", "[dict]") {
    for (const TextCase& c : kCases) {
        SECTION(c.section) { looplab::testing::check_case(c); }
    }
}
