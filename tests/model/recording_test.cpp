// The Recording's look-ups and words (model/src/recording.cpp): ticks and times both ways,
// events to ticks, describe(), snapshot_at_time, and the rarer waits (a task, a timeout, a
// Condition) and queue orders.
#include <catch2/catch.hpp>

#include "model_test_support.hpp"

using namespace looplab;
using namespace looplab::model;
using namespace looplab::model::test;

namespace {

const char* kMixed = R"(import asyncio

async def consumer(cond, n):
    async with cond:
        await cond.wait()
        print("woke", n)

async def child():
    await asyncio.sleep(5)

async def main():
    cond = asyncio.Condition()
    ts = [asyncio.create_task(consumer(cond, i)) for i in range(2)]
    await asyncio.sleep(1)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ts)
    pq = asyncio.PriorityQueue()
    for x in [5, 1, 3]:
        pq.put_nowait(x)
    lq = asyncio.LifoQueue()
    for x in "abc":
        lq.put_nowait(x)
    lq.get_nowait()
    t = asyncio.create_task(child())
    try:
        await asyncio.wait_for(t, 2)
    except asyncio.TimeoutError:
        print("timeout")
    t2 = asyncio.create_task(child(), name="second")
    await t2

asyncio.run(main())
)";

const Segment* find_segment(const Recording& r, uint32_t task, WaitOn on) {
    for (const Segment& s : r.tasks[task].segments)
        if (s.on == on) return &s;
    return nullptr;
}

}  // namespace

TEST_CASE("ticks, times and events") {
    auto res = record(kMixed);
    const Recording& r = res.recording;
    REQUIRE(res.exit_code == 0);
    SECTION("tick times never go back; tick_at_time inverts time_of_tick") {
        REQUIRE(r.tick_times.size() == r.end_tick + 1);
        for (uint32_t k = 1; k <= r.end_tick; ++k) CHECK(r.tick_times[k] >= r.tick_times[k - 1]);
        CHECK(r.time_of_tick(r.end_tick + 50) == r.end_time);
        CHECK(r.end_time == 8.0);
        for (uint32_t k = 1; k <= r.last_tick; ++k) {
            uint32_t back = r.tick_at_time(r.time_of_tick(k));
            CHECK(r.time_of_tick(back) == r.time_of_tick(k));
            CHECK(back >= k);
        }
        CHECK(r.tick_at_time(-1) == 0);
    }
    SECTION("every event belongs to the tick whose range holds it; step_begin k is in tick k") {
        REQUIRE(r.tick_events.size() == r.end_tick + 2);
        CHECK(r.tick_events.back() == r.events.size());
        uint32_t steps = 0;
        for (size_t i = 0; i < r.events.size(); ++i) {
            uint32_t k = r.tick_of_event(i);
            CHECK(r.first_event_of_tick(k) <= i);
            CHECK(i < r.tick_events[k + 1]);
            if (r.events[i].kind == EventKind::step_begin) {
                ++steps;
                CHECK(k == steps);
                CHECK(r.events[i].tick == steps);  // the runtime counts the same way
            }
        }
    }
    SECTION("holder steps take the times of their events") {
        for (uint32_t k = 1; k <= r.last_tick; ++k) {
            CHECK(r.holder[k - 1].begin_time == r.time_of_tick(k));
            CHECK(r.holder[k - 1].end_time >= r.holder[k - 1].begin_time);
        }
    }
}

TEST_CASE("rarer waits and queue orders") {
    auto res = record(kMixed);
    const Recording& r = res.recording;
    SECTION("a Condition's waiters until notify_all, its lock taken and released") {
        uint32_t cond = kNone, lock = kNone;
        for (size_t i = 0; i < r.primitives.size(); ++i) {
            if (r.primitives[i].kind == PrimitiveKind::condition) cond = uint32_t(i);
            if (r.primitives[i].kind == PrimitiveKind::lock) lock = uint32_t(i);
        }
        REQUIRE(cond != kNone);
        REQUIRE(lock != kNone);
        Snapshot s = r.snapshot_at_time(0.5);
        CHECK(s.primitives[cond].waiters.size() == 2);
        CHECK(s.primitives[lock].holder == kNone);
        const TaskView& c = s.tasks[task_named(r, "Task-2")];
        CHECK(c.on == WaitOn::primitive);
        CHECK(c.on_index == cond);
        CHECK(r.str(c.label) == "Condition.wait");
        CHECK(r.snapshot_at_time(1.5).primitives[cond].waiters.empty());
    }
    SECTION("wait_for: main waits on the wait_for future with its timeout") {
        const Segment* s = nullptr;
        for (const Segment& x : r.tasks[0].segments)
            if (r.str(x.label) == "wait_for") s = &x;
        REQUIRE(s);
        CHECK(s->state == TaskState::waiting);
        CHECK(s->on == WaitOn::future);
        CHECK(s->until == 3.0);
        CHECK(r.describe(*s) == "waiting on wait_for, timeout at 3");
    }
    SECTION("awaiting a task: waiting on that task, by name") {
        const Segment* s = find_segment(r, 0, WaitOn::task);
        REQUIRE(s);
        CHECK(r.tasks[s->on_index].name == "second");
        CHECK(r.describe(*s) == "waiting for second");
        CHECK(r.tasks[task_named(r, "Task-4")].end == TaskEnd::cancelled);
    }
    SECTION("a PriorityQueue lists its heap order, a LifoQueue bottom first") {
        Snapshot s = r.snapshot_at(r.end_tick);
        const PrimitiveView* pq = nullptr;
        const PrimitiveView* lq = nullptr;
        for (const PrimitiveView& p : s.primitives) {
            if (p.kind == PrimitiveKind::priority_queue) pq = &p;
            if (p.kind == PrimitiveKind::lifo_queue) lq = &p;
        }
        REQUIRE(pq);
        REQUIRE(lq);
        CHECK(pq->items == std::vector<std::string>{"1", "5", "3"});
        CHECK(lq->items == std::vector<std::string>{"'a'", "'b'"});
        CHECK(lq->size == 2);
        CHECK(r.primitives[pq->primitive].name == "PriorityQueue 1");
    }
    SECTION("describe: sleeping, markers") {
        const Segment* s = find_segment(r, 0, WaitOn::timer);
        REQUIRE(s);
        CHECK(r.describe(*s) == "sleeping until 1");
        bool printed = false;
        for (const Marker& m : r.markers)
            if (m.kind == MarkerKind::print) printed |= r.describe(m) == "print: timeout\n";
        CHECK(printed);
        CHECK(std::string(task_state_name(TaskState::failed)) == "failed");
        CHECK(std::string(primitive_kind_name(PrimitiveKind::bounded_semaphore)) == "BoundedSemaphore");
    }
    SECTION("snapshot_at_time between steps: nobody runs; at a step's time: that step") {
        Snapshot idle = r.snapshot_at_time(2.0);
        CHECK(idle.holder == kNone);
        CHECK(idle.time == 2.0);
        CHECK(count_in(idle, TaskState::running) == 0);
        Snapshot at = r.snapshot_at_time(3.0);
        CHECK(at.holder != kNone);
        CHECK(at.tick == r.tick_at_time(3.0));
    }
}
