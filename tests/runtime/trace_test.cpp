// The trace: compact events, every scheduling decision recorded in order, nothing recorded
// when tracing is off, and the --ticks view.
#include <catch2/catch.hpp>

#include <algorithm>
#include <bit>

#include "looplab/runners.hpp"
#include "looplab/sleep.hpp"
#include "looplab/trace.hpp"
#include "test_support.hpp"

using namespace looplab;
using looplab::testing::Run;

namespace {
Coroutine<void> child() {
    co_await sleep(1);
    print("child done");
}
Coroutine<void> parent() {
    auto t = create_task(child());
    co_await t;
}
std::vector<std::string> kinds(const Tracer& tr, uint32_t subject) {
    std::vector<std::string> out;
    for (const auto& e : tr.events())
        if (e.subject == subject && e.kind != EventKind::handle_scheduled && e.kind != EventKind::handle_run)
            out.push_back(event_kind_name(e.kind));
    return out;
}
}  // namespace

TEST_CASE("trace events are 32 bytes at most") { CHECK(sizeof(TraceEvent) <= 32); }

TEST_CASE("every scheduling decision of a small program is recorded in order") {
    Run run;
    looplab::run(parent());
    const Tracer& tr = *run.rt.tracer();
    // Find the child task (the second task_created).
    std::vector<TraceEvent> created;
    for (const auto& e : tr.events())
        if (e.kind == EventKind::task_created) created.push_back(e);
    REQUIRE(created.size() == 4);  // main, child, two shutdown tasks
    const TraceEvent& c = created[1];
    CHECK(tr.strings().get(c.arg) == "Task-2");
    CHECK(c.object == created[0].subject);  // created by Task-1
    CHECK(kinds(tr, c.subject) ==
          std::vector<std::string>{"task_created", "step_begin", "step_end", "step_begin", "future_done", "step_end"});

    SECTION("the timer is set for t=1 and the clock jumps there") {
        bool saw_timer = false, saw_jump = false;
        for (const auto& e : tr.events()) {
            if (e.kind == EventKind::timer_set) {
                saw_timer = true;
                CHECK(tr.numbers()[e.arg] == 1.0);
            }
            if (e.kind == EventKind::clock_jump) {
                saw_jump = true;
                CHECK(e.time == 1.0);
                CHECK(tr.numbers()[e.arg] == 0.0);
            }
        }
        CHECK(saw_timer);
        CHECK(saw_jump);
    }
    SECTION("the print is attributed to the child task at t=1") {
        int prints = 0;
        for (const auto& e : tr.events()) {
            if (e.kind != EventKind::print) continue;
            ++prints;
            CHECK(e.object == c.subject);
            CHECK(e.time == 1.0);
            CHECK(tr.strings().get(e.arg) == "child done");
        }
        CHECK(prints == 1);
    }
    SECTION("a step that awaits a future names the future") {
        for (const auto& e : tr.events())
            if (e.kind == EventKind::step_end && e.subject == created[0].subject && e.arg == uint32_t(StepEnd::awaiting_future))
                CHECK(e.object == c.subject);  // the parent awaits the child task
    }
    SECTION("ticks number the steps") {
        uint32_t last = 0;
        for (const auto& e : tr.events()) {
            CHECK(e.tick >= last);
            last = e.tick;
        }
        CHECK(last == 6);  // Task-1, Task-2 (starts, sleeps), Task-2 (wakes), Task-1, two shutdown steps
    }
}

TEST_CASE("with tracing off nothing is recorded") {
    Runtime rt;
    std::ostringstream out, err;
    rt.set_output(out, err);
    looplab::run(parent());
    CHECK(rt.tracer() == nullptr);
    CHECK(out.str() == "child done\n");
}

TEST_CASE("format_time prints LoopLab's times") {
    CHECK(format_time(300) == "300");
    CHECK(format_time(2.5) == "2.5");
    CHECK(format_time(0) == "0");
    CHECK(format_time(0.1 + 0.2) == "0.3");
    CHECK(format_time(1.0000004) == "1");
    CHECK(format_time(1.25e-4) == "0.000125");
}

TEST_CASE("strings are interned once") {
    StringTable t;
    uint32_t a = t.intern("Task-1");
    for (int i = 0; i < 1000; ++i) t.intern(std::string("x").append(std::to_string(i)));
    CHECK(t.intern("Task-1") == a);
    CHECK(t.get(a) == "Task-1");
    CHECK(t.intern("") == 0);
}

namespace {
// Events that stress the log's shared-context storage: runs of equal clock and place, tick
// steps small and large (and backwards: a new run restarts at 0), -0.0 next to 0.0.
std::vector<TraceEvent> varied_events(size_t n) {
    std::vector<TraceEvent> v;
    uint64_t x = 12345;
    auto next = [&] { return x = x * 6364136223846793005ULL + 1442695040888963407ULL, uint32_t(x >> 33); };
    double time = 0;
    uint32_t tick = 0;
    uint16_t loop = 1, thread = 0, process = 0;
    for (size_t i = 0; i < n; ++i) {
        uint32_t r = next() % 100;
        if (r < 10) time += 0.25;
        else if (r < 11) time = -0.0;
        else if (r < 12) time = 0.0;
        if (r >= 20 && r < 60) tick += 1;
        else if (r == 60) tick += 128 + next() % 1000;  // beyond what one record can say
        else if (r == 61) tick = 0;
        if (r == 62) loop = uint16_t(next() % 5);
        if (r == 63) thread = uint16_t(next());
        if (r == 64) process = uint16_t(next());
        v.push_back(TraceEvent{time, tick, EventKind(next() % uint32_t(EventKind::deadlock)), loop, thread, process,
                               next(), next(), next()});
    }
    return v;
}
bool same(const TraceEvent& a, const TraceEvent& b) {
    return std::bit_cast<uint64_t>(a.time) == std::bit_cast<uint64_t>(b.time) && a.tick == b.tick && a.kind == b.kind &&
           a.loop == b.loop && a.thread == b.thread && a.process == b.process && a.subject == b.subject &&
           a.object == b.object && a.arg == b.arg;
}
}  // namespace

TEST_CASE("the event log gives back every event exactly as recorded") {
    // More than two chunks' worth, so chunk boundaries and fresh context tables are crossed.
    std::vector<TraceEvent> in = varied_events(2 * EventLog::kChunkEvents + 1000);
    EventLog log;
    for (const TraceEvent& e : in) log.push_back(e);
    REQUIRE(log.size() == in.size());
    size_t mismatches = 0;
    for (size_t i = 0; i < in.size(); ++i) mismatches += !same(log[i], in[i]);
    CHECK(mismatches == 0);
    SECTION("iteration yields the same events") {
        size_t i = 0;
        for (const TraceEvent& e : log) mismatches += !same(e, in[i++]);
        CHECK(i == in.size());
        CHECK(mismatches == 0);
        CHECK(same(log.back(), in.back()));
    }
    SECTION("after clear() the reused chunks hold a new recording") {
        log.clear();
        CHECK(log.empty());
        std::vector<TraceEvent> again = varied_events(EventLog::kChunkEvents + 7);
        std::reverse(again.begin(), again.end());
        for (const TraceEvent& e : again) log.push_back(e);
        REQUIRE(log.size() == again.size());
        for (size_t i = 0; i < again.size(); ++i) mismatches += !same(log[i], again[i]);
        CHECK(mismatches == 0);
    }
}
