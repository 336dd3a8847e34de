// The Recording built from real runs: segments, the holder lane, markers, flows, console
// lines and source lines (model/src/builder.cpp).
#include <catch2/catch.hpp>

#include "model_test_support.hpp"

using namespace looplab;
using namespace looplab::model;
using namespace looplab::model::test;

namespace {

const char* kThreeSleepers = R"(import asyncio

async def sleeper(n):
    print("start", n)
    await asyncio.sleep(n)
    print("end", n)

async def main():
    await asyncio.gather(sleeper(1), sleeper(2), sleeper(3))

asyncio.run(main())
)";

}  // namespace

TEST_CASE("three sleepers") {
    auto res = record(kThreeSleepers);
    const Recording& r = res.recording;
    REQUIRE(res.exit_code == 0);

    SECTION("each task has contiguous segments from its creation to after the end") {
        REQUIRE(r.tasks.size() >= 4);
        for (const Task& t : r.tasks) {
            REQUIRE_FALSE(t.segments.empty());
            CHECK(t.segments.front().begin_tick == t.created_tick);
            CHECK(t.segments.back().end_tick == r.end_tick + 1);
            for (size_t i = 1; i < t.segments.size(); ++i) {
                CHECK(t.segments[i].begin_tick == t.segments[i - 1].end_tick);
                CHECK(t.segments[i].begin_tick >= t.segments[i - 1].begin_tick);
            }
        }
    }

    SECTION("a sleeper runs, sleeps until its due time, runs again and is done") {
        uint32_t t = task_named(r, "Task-2");
        REQUIRE(t != kNone);
        // The timer fires in the loop's work before the sleeper's next step, which belongs to
        // that step's tick: its ready segment has no width on the tick axis (nor in time).
        std::vector<TaskState> states;
        for (const Segment& s : r.tasks[t].segments) states.push_back(s.state);
        CHECK(states == std::vector<TaskState>{TaskState::ready, TaskState::running, TaskState::sleeping, TaskState::ready,
                                               TaskState::running, TaskState::done});
        CHECK(r.tasks[t].segments[3].begin_tick == r.tasks[t].segments[3].end_tick);
        const Segment* sleeping = nullptr;
        for (const Segment& s : r.tasks[t].segments)
            if (s.state == TaskState::sleeping) sleeping = &s;
        REQUIRE(sleeping);
        CHECK(sleeping->until == 1.0);
        CHECK(sleeping->on == WaitOn::timer);
        CHECK(sleeping->begin_time == 0.0);
        CHECK(sleeping->end_time == 1.0);
        CHECK(r.tasks[t].end == TaskEnd::result);
    }

    SECTION("main waits on the gather future") {
        const Segment* s = r.segment_at(0, 2);
        REQUIRE(s);
        CHECK(s->state == TaskState::waiting);
        CHECK(s->on == WaitOn::future);
        CHECK(r.str(s->label) == "gather");
    }

    SECTION("the holder lane has one step per tick") {
        CHECK(r.holder.size() == r.last_tick);
        CHECK(r.end_tick == r.last_tick + 1);
        CHECK(r.holder[0].task == 0);  // main's first step
        CHECK(r.tasks[r.holder[1].task].name == "Task-2");
    }

    SECTION("console lines carry their task and time") {
        REQUIRE(r.console.size() == 6);
        CHECK(r.console[0].text == "start 1");
        CHECK(r.tasks[r.console[0].task].name == "Task-2");
        CHECK(r.console[0].time == 0.0);
        CHECK(r.console[3].text == "end 1");
        CHECK(r.console[3].time == 1.0);
        CHECK(r.console[5].text == "end 3");
        CHECK(r.console[5].time == 3.0);
        CHECK(r.console[5].stream == Stream::out);
    }

    SECTION("each task's line after each step") {
        uint32_t t = task_named(r, "Task-2");
        const auto& lines = r.tasks[t].lines;
        REQUIRE(lines.size() == 3);
        CHECK(lines[0].line == 3);  // the def line, before its first step
        CHECK(lines[1].line == 5);  // waits in asyncio.sleep
        CHECK(lines[2].line == 6);  // finished after the last print
        CHECK(r.str(lines[1].file) == kPath);
        CHECK(r.tasks[0].lines[1].line == 9);
    }

    SECTION("wake-ups flow from the loop (timers) to the sleeper's next step") {
        uint32_t t = task_named(r, "Task-2");
        int n = 0;
        for (const Flow& f : r.flows) {
            if (f.to_task != t) continue;
            ++n;
            CHECK(f.from_task == kNone);
            CHECK(f.from_time == 1.0);
            CHECK(f.to_tick > f.from_tick - 1);
            CHECK(r.holder[f.to_tick - 1].task == t);
        }
        CHECK(n == 1);
        uint32_t main_wake = 0;
        for (const Flow& f : r.flows)
            if (f.to_task == 0) main_wake++;
        CHECK(main_wake == 1);
    }

    SECTION("markers: creations and prints on the right lanes") {
        int created = 0, prints = 0;
        for (const Marker& m : r.markers) {
            if (m.kind == MarkerKind::created) ++created;
            if (m.kind == MarkerKind::print) {
                ++prints;
                CHECK(r.tasks[m.task].name != "Task-1");
            }
        }
        CHECK(created == int(r.tasks.size()));
        CHECK(prints == 6);
        for (size_t i = 1; i < r.markers.size(); ++i) CHECK(r.markers[i].tick >= r.markers[i - 1].tick);
    }
}
