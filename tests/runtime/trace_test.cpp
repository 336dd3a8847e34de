// The trace: compact events, every scheduling decision recorded in order, nothing recorded
// when tracing is off, and the --ticks view.
#include <catch2/catch.hpp>

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
    for (auto& e : tr.events())
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
    std::vector<const TraceEvent*> created;
    for (auto& e : tr.events())
        if (e.kind == EventKind::task_created) created.push_back(&e);
    REQUIRE(created.size() == 4);  // main, child, two shutdown tasks
    const TraceEvent& c = *created[1];
    CHECK(tr.strings().get(c.arg) == "Task-2");
    CHECK(c.object == created[0]->subject);  // created by Task-1
    CHECK(kinds(tr, c.subject) ==
          std::vector<std::string>{"task_created", "step_begin", "step_end", "step_begin", "future_done", "step_end"});

    SECTION("the timer is set for t=1 and the clock jumps there") {
        bool saw_timer = false, saw_jump = false;
        for (auto& e : tr.events()) {
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
        for (auto& e : tr.events()) {
            if (e.kind != EventKind::print) continue;
            ++prints;
            CHECK(e.object == c.subject);
            CHECK(e.time == 1.0);
            CHECK(tr.strings().get(e.arg) == "child done");
        }
        CHECK(prints == 1);
    }
    SECTION("a step that awaits a future names the future") {
        for (auto& e : tr.events())
            if (e.kind == EventKind::step_end && e.subject == created[0]->subject && e.arg == uint32_t(StepEnd::awaiting_future))
                CHECK(e.object == c.subject);  // the parent awaits the child task
    }
    SECTION("ticks number the steps") {
        uint32_t last = 0;
        for (auto& e : tr.events()) {
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
