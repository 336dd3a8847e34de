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
        // main is woken by the gather, whose done callback runs when the last sleeper ends:
        // the flow starts at that sleeper.
        std::vector<const Flow*> main_wakes;
        for (const Flow& f : r.flows)
            if (f.to_task == 0) main_wakes.push_back(&f);
        REQUIRE(main_wakes.size() == 1);
        CHECK(r.tasks[main_wakes[0]->from_task].name == "Task-4");
        CHECK(main_wakes[0]->from_time == 3.0);
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

TEST_CASE("prints: partial lines, several streams, Unicode") {
    auto res = record(R"(import asyncio, sys

async def talker(n):
    for i in range(4):
        print(f"{n}:{i}", end="" if i % 2 == 0 else "\n")
        await asyncio.sleep(0)

async def main():
    print("привіт 你好")
    sys.stderr.write("a warning\n")
    await asyncio.gather(talker("a"), talker("b"))

asyncio.run(main())
)");
    const Recording& r = res.recording;
    REQUIRE(res.exit_code == 0);
    SECTION("a write without a newline is continued by the next write to the stream") {
        std::vector<std::string> out;
        for (const ConsoleLine& c : r.console)
            if (c.stream == Stream::out) out.push_back(c.text);
        // The two talkers interleave: "a:0" then "b:0" are on one line, as on a terminal.
        CHECK(out == std::vector<std::string>{"привіт 你好", "a:0b:0a:1", "b:1", "a:2b:2a:3", "b:3"});
        CHECK(res.stdout_text == "привіт 你好\na:0b:0a:1\nb:1\na:2b:2a:3\nb:3\n");
    }
    SECTION("stderr lines are in the console with their task") {
        const ConsoleLine* err = nullptr;
        for (const ConsoleLine& c : r.console)
            if (c.stream == Stream::err) err = &c;
        REQUIRE(err);
        CHECK(err->text == "a warning");
        CHECK(err->task == 0);
        CHECK(res.stderr_text == "a warning\n");
    }
    SECTION("console lines are sorted by tick") {
        for (size_t i = 1; i < r.console.size(); ++i) CHECK(r.console[i].tick >= r.console[i - 1].tick);
    }
}

TEST_CASE("bad input") {
    SECTION("an empty trace gives an empty but usable recording") {
        Tracer empty;
        Recording r = build_recording(empty);
        CHECK(r.tasks.empty());
        CHECK(r.last_tick == 0);
        CHECK(r.end_tick == 1);
        CHECK(r.snapshot_at(0).tasks.empty());
        CHECK(r.snapshot_at(99).tick == 1);
        CHECK(r.tick_at_time(5) == 1);
        CHECK(r.first_event_of_tick(1) == 0);
    }
    SECTION("a syntax error: no step, the error and its line") {
        auto res = record("import asyncio\n\nasync def main(:\n    pass\n");
        CHECK(res.exit_code == 1);
        CHECK(res.error_line == 3);
        CHECK(res.error_text.find("SyntaxError") != std::string::npos);
        CHECK(res.recording.last_tick == 0);
        REQUIRE_FALSE(res.recording.console.empty());
        CHECK(res.recording.console.back().stream == Stream::err);
        CHECK(res.recording.console.back().text.find("SyntaxError") == 0);
    }
    SECTION("an uncaught exception: the task failed, the traceback is on stderr with its line") {
        auto res = record(R"(import asyncio

async def main():
    await asyncio.sleep(1)
    raise ValueError("boom")

asyncio.run(main())
)");
        const Recording& r = res.recording;
        CHECK(res.exit_code == 1);
        CHECK(res.error_line == 5);
        CHECK(r.tasks[0].end == TaskEnd::exception);
        CHECK(r.snapshot_at(r.end_tick).tasks[0].state == TaskState::failed);
        CHECK(r.tasks[0].lines.back().line == 5);
        CHECK(r.console.back().text == "ValueError: boom");
        CHECK(r.console.back().stream == Stream::err);
    }
    SECTION("a deadlock: the waiting tasks are marked and the report is in the console") {
        auto res = record(R"(import asyncio

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    async def other():
        await lock.acquire()
    await asyncio.gather(other())

asyncio.run(main())
)");
        const Recording& r = res.recording;
        CHECK(res.exit_code == 3);
        CHECK(r.deadlocked);
        int marks = 0;
        for (const Marker& m : r.markers) marks += m.kind == MarkerKind::deadlock;
        CHECK(marks == 2);
        Snapshot s = r.snapshot_at(r.end_tick);
        CHECK(s.tasks[1].state == TaskState::waiting);
        CHECK(s.tasks[1].on == WaitOn::primitive);
        CHECK(r.tasks[s.primitives[0].holder].name == "Task-1");
        CHECK_FALSE(res.error_text.empty());
        CHECK(r.console.back().stream == Stream::err);
    }
    SECTION("a run cut by --max-steps: the ticks it ran, tasks still pending") {
        auto res = record(kThreeSleepers, Recording::kDefaultKeyframeEvery, 3);
        const Recording& r = res.recording;
        CHECK(res.exit_code == 0);
        CHECK(r.last_tick == 3);
        CHECK(r.end_tick == 4);
        CHECK(r.tasks[0].end == TaskEnd::pending);
        Snapshot s = r.snapshot_at(r.end_tick);
        CHECK(s.holder == kNone);
        CHECK(count_in(s, TaskState::sleeping) == 2);
        CHECK(count_in(s, TaskState::ready) == 1);
    }
    SECTION("a file that cannot be read") {
        auto res = app::record_file("/nonexistent/scenario.py");
        CHECK(res.exit_code == 2);
        CHECK(res.error_text.find("can't open file") != std::string::npos);
        CHECK(res.recording.snapshot_at(0).tasks.empty());
    }
}
