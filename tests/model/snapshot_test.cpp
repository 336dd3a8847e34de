// Snapshots at chosen moments of real runs, and seeking: any order of snapshot_at calls
// gives what replaying the whole run from the start gives (model/src/snapshot.cpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "model_test_support.hpp"

using namespace looplab;
using namespace looplab::model;
using namespace looplab::model::test;

namespace {

const char* kThreeSleepers = R"(import asyncio

async def sleeper(n):
    await asyncio.sleep(n)
    print("woke", n)

async def main():
    await asyncio.gather(sleeper(1), sleeper(2), sleeper(3))

asyncio.run(main())
)";

const char* kLock = R"(import asyncio

async def worker(lock, name):
    async with lock:
        print(name, "has the lock")
        await asyncio.sleep(1)
    print(name, "released")

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(worker(lock, "a"), worker(lock, "b"), worker(lock, "c"))

asyncio.run(main())
)";

const char* kQueue = R"(import asyncio

async def consumer(q):
    while True:
        item = await q.get()
        print("got", item)
        await asyncio.sleep(1)
        q.task_done()

async def main():
    q = asyncio.Queue()
    q.put_nowait("a")
    q.put_nowait("b")
    await q.put(3)
    c = asyncio.create_task(consumer(q))
    await q.join()
    c.cancel()

asyncio.run(main())
)";

const char* kSemaphore = R"(import asyncio

async def job(sem, n):
    async with sem:
        await asyncio.sleep(1)
        print("job", n)

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(job(sem, i) for i in range(4)))

asyncio.run(main())
)";

const char* kEvent = R"(import asyncio

async def waiter(ev, n):
    await ev.wait()
    print("go", n)

async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, i)) for i in range(2)]
    await asyncio.sleep(1)
    ev.set()
    await asyncio.gather(*tasks)

asyncio.run(main())
)";

const char* kCancel = R"(import asyncio

async def forever():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cancelled")
        raise

async def main():
    t = asyncio.create_task(forever(), name="sleepy")
    await asyncio.sleep(1)
    t.cancel("enough")
    try:
        await t
    except asyncio.CancelledError:
        print("main saw it")

asyncio.run(main())
)";

const char* kLockCancel = R"(import asyncio

async def holder(lock):
    async with lock:
        await asyncio.sleep(2)

async def waiter(lock):
    async with lock:
        print("never")

async def main():
    lock = asyncio.Lock()
    h = asyncio.create_task(holder(lock))
    w = asyncio.create_task(waiter(lock))
    await asyncio.sleep(1)
    w.cancel()
    await asyncio.sleep(0)
    await h

asyncio.run(main())
)";

// Every tick, seeking in `order`, against a recording with no keyframe but the first
// (everything replayed from the start).
void check_seeking(const std::string& source, std::vector<uint32_t> order_seed_ticks = {}) {
    auto fast = record(source, 3);
    auto slow = record(source, 0xFFFFFFFFu);
    const Recording& a = fast.recording;
    const Recording& b = slow.recording;
    REQUIRE(a.end_tick == b.end_tick);
    std::vector<uint32_t> ticks;
    for (uint32_t k = 0; k <= a.end_tick; ++k) ticks.push_back(k);
    std::vector<Snapshot> scratch;
    for (uint32_t k : ticks) scratch.push_back(b.snapshot_at(k));
    Snapshot s;
    // forward, backward, random, reusing one snapshot's memory
    for (uint32_t k : ticks) {
        a.snapshot_at(k, s);
        CHECK(s == scratch[k]);
    }
    for (auto it = ticks.rbegin(); it != ticks.rend(); ++it) {
        a.snapshot_at(*it, s);
        CHECK(s == scratch[*it]);
    }
    std::mt19937 rng(7);
    std::shuffle(ticks.begin(), ticks.end(), rng);
    for (uint32_t k : ticks) CHECK(a.snapshot_at(k) == scratch[k]);
    // A snapshot's task states are the segments' states.
    for (uint32_t k = 0; k <= a.end_tick; ++k) {
        for (const TaskView& v : scratch[k].tasks) {
            const Segment* seg = a.segment_at(v.task, k);
            REQUIRE(seg);
            CHECK(seg->state == v.state);
        }
        if (k >= 1 && k <= a.last_tick) CHECK(scratch[k].tasks[scratch[k].holder].state == TaskState::running);
    }
    (void)order_seed_ticks;
}

const TaskView& view(const Snapshot& s, const Recording& r, const char* name) {
    uint32_t t = task_named(r, name);
    REQUIRE(t < s.tasks.size());
    return s.tasks[t];
}

}  // namespace

TEST_CASE("snapshots of three sleepers") {
    auto res = record(kThreeSleepers);
    const Recording& r = res.recording;
    SECTION("at t=0.5 three tasks are sleeping and main waits on gather") {
        Snapshot s = r.snapshot_at_time(0.5);
        CHECK(s.holder == kNone);
        CHECK(count_in(s, TaskState::sleeping) == 3);
        CHECK(view(s, r, "Task-1").state == TaskState::waiting);
        CHECK(view(s, r, "Task-3").until == 2.0);
        REQUIRE(s.timers.size() == 3);
        CHECK(s.timers[0].due == 1.0);
        CHECK(s.timers[2].due == 3.0);
        CHECK(r.tasks[s.timers[1].task].name == "Task-3");
        CHECK(r.str(s.timers[1].label) == "sleep");
        CHECK(s.ready.empty());
        CHECK(s.console_end == 0);
    }
    SECTION("at t=1 the first sleeper runs, two still sleep") {
        uint32_t k = r.tick_at_time(1.0);
        Snapshot s = r.snapshot_at(k);
        CHECK(s.time == 1.0);
        CHECK(r.tasks[s.holder].name == "Task-2");
        CHECK(view(s, r, "Task-2").state == TaskState::running);
        CHECK(count_in(s, TaskState::sleeping) == 2);
        CHECK(s.console_end == 1);
        CHECK(s.timers.size() == 2);
    }
    SECTION("at the end every task is done and nothing is pending") {
        Snapshot s = r.snapshot_at(r.end_tick);
        CHECK(s.holder == kNone);
        CHECK(count_in(s, TaskState::done) == int(s.tasks.size()));
        CHECK(s.timers.empty());
        CHECK(s.ready.empty());
        CHECK(s.console_end == 3);
    }
    SECTION("tick 0 shows the main task ready, before any step") {
        Snapshot s = r.snapshot_at(0);
        REQUIRE(s.tasks.size() == 1);
        CHECK(s.tasks[0].state == TaskState::ready);
        REQUIRE(s.ready.size() == 1);
        CHECK(s.ready[0].task == 0);
        CHECK(s.tasks[0].line == 7);
    }
    SECTION("seeking anywhere gives the snapshot replayed from the start") { check_seeking(kThreeSleepers); }
}

TEST_CASE("snapshots of a lock with two waiters") {
    auto res = record(kLock);
    const Recording& r = res.recording;
    Snapshot s = r.snapshot_at(r.tick_at_time(0.5));
    SECTION("Task-3 and Task-4 wait on the Lock Task-2 holds while it sleeps") {
        const TaskView& t3 = view(s, r, "Task-3");
        CHECK(t3.state == TaskState::waiting);
        CHECK(t3.on == WaitOn::primitive);
        REQUIRE(t3.on_index < r.primitives.size());
        CHECK(r.primitives[t3.on_index].name == "Lock 1");
        CHECK(r.str(t3.label) == "Lock.acquire");
        CHECK(view(s, r, "Task-2").state == TaskState::sleeping);
        REQUIRE(s.primitives.size() == 1);
        const PrimitiveView& lock = s.primitives[0];
        CHECK(lock.kind == PrimitiveKind::lock);
        CHECK(r.tasks[lock.holder].name == "Task-2");
        CHECK(lock.flag);
        REQUIRE(lock.waiters.size() == 2);
        CHECK(r.tasks[lock.waiters[0]].name == "Task-3");
        CHECK(r.tasks[lock.waiters[1]].name == "Task-4");
        CHECK(t3.line == 4);
    }
    SECTION("at t=1.5 Task-3 holds it and Task-4 still waits") {
        Snapshot s2 = r.snapshot_at(r.tick_at_time(1.5));
        CHECK(r.tasks[s2.primitives[0].holder].name == "Task-3");
        REQUIRE(s2.primitives[0].waiters.size() == 1);
        CHECK(r.tasks[s2.primitives[0].waiters[0]].name == "Task-4");
        CHECK(view(s2, r, "Task-2").state == TaskState::done);
    }
    SECTION("the release wakes the next waiter: a flow from Task-2 to Task-3") {
        uint32_t t2 = task_named(r, "Task-2"), t3 = task_named(r, "Task-3");
        bool found = false;
        for (const Flow& f : r.flows) found |= f.from_task == t2 && f.to_task == t3 && f.from_time == 1.0;
        CHECK(found);
    }
    SECTION("seeking anywhere gives the snapshot replayed from the start") { check_seeking(kLock); }
}

TEST_CASE("snapshots of a queue") {
    auto res = record(kQueue);
    const Recording& r = res.recording;
    REQUIRE(res.exit_code == 0);
    SECTION("after main's first step the queue holds its three items in order") {
        Snapshot s = r.snapshot_at(1);
        REQUIRE(s.primitives.size() == 1);
        const PrimitiveView& q = s.primitives[0];
        CHECK(q.kind == PrimitiveKind::queue);
        CHECK(q.items == std::vector<std::string>{"'a'", "'b'", "3"});
        CHECK(q.size == 3);
        CHECK(q.unfinished == 3);
        REQUIRE(q.joiners.size() == 1);
        CHECK(q.joiners[0] == 0);
    }
    SECTION("at t=0.5 the consumer took 'a' and sleeps") {
        Snapshot s = r.snapshot_at_time(0.5);
        CHECK(s.primitives[0].items == std::vector<std::string>{"'b'", "3"});
        CHECK(view(s, r, "Task-2").state == TaskState::sleeping);
    }
    SECTION("at t=3 the consumer waits on the empty queue as a getter until main cancels it") {
        uint32_t k = r.last_tick;
        while (k > 0 && r.holder[k - 1].task != 0) --k;  // main's last step: it cancels the consumer
        uint32_t c = task_named(r, "Task-2");
        Snapshot before = r.snapshot_at(k - 1);  // the consumer's step that found the queue empty
        CHECK(before.holder == c);
        CHECK(before.primitives[0].items.empty());
        CHECK(before.primitives[0].waiters == std::vector<uint32_t>{c});
        const Segment* next = r.segment_at(c, k);
        REQUIRE(next);
        CHECK(next->state == TaskState::ready);  // main's cancel woke it in the same tick
        const Segment& waiting = *(next - 1);
        CHECK(waiting.state == TaskState::waiting);
        CHECK(waiting.on == WaitOn::primitive);
        CHECK(r.str(waiting.label) == "Queue.get");
        CHECK(r.describe(waiting) == "waiting on Queue 1 (Queue.get)");
        Snapshot s = r.snapshot_at(k);
        CHECK(s.primitives[0].waiters.empty());
        CHECK(view(s, r, "Task-2").state == TaskState::ready);
        CHECK(r.tasks[c].end == TaskEnd::cancelled);
    }
    SECTION("seeking anywhere gives the snapshot replayed from the start") { check_seeking(kQueue); }
}

TEST_CASE("snapshots of a semaphore") {
    auto res = record(kSemaphore);
    const Recording& r = res.recording;
    SECTION("two hold it, two wait, its value is 0; it started at 2") {
        Snapshot s = r.snapshot_at(r.tick_at_time(0.5));
        REQUIRE(s.primitives.size() == 1);
        CHECK(s.primitives[0].value == 0);
        CHECK(s.primitives[0].waiters.size() == 2);
        CHECK(r.primitives[0].initial_value == 2);
        CHECK(count_in(s, TaskState::sleeping) == 2);
        Snapshot s0 = r.snapshot_at(r.primitives[0].created_tick);
        CHECK(s0.primitives[0].value == 2);
    }
    SECTION("seeking anywhere gives the snapshot replayed from the start") { check_seeking(kSemaphore); }
}

TEST_CASE("snapshots of an event") {
    auto res = record(kEvent);
    const Recording& r = res.recording;
    SECTION("two waiters until the flag is set") {
        Snapshot s = r.snapshot_at(r.tick_at_time(0.5));
        CHECK_FALSE(s.primitives[0].flag);
        CHECK(s.primitives[0].waiters.size() == 2);
        Snapshot e = r.snapshot_at(r.end_tick);
        CHECK(e.primitives[0].flag);
        CHECK(e.primitives[0].waiters.empty());
    }
    SECTION("seeking anywhere gives the snapshot replayed from the start") { check_seeking(kEvent); }
}

TEST_CASE("snapshots of a cancellation") {
    auto res = record(kCancel);
    const Recording& r = res.recording;
    uint32_t t = task_named(r, "sleepy");
    REQUIRE(t != kNone);
    SECTION("the task ends cancelled; its timer is gone from the heap") {
        CHECK(r.tasks[t].end == TaskEnd::cancelled);
        Snapshot s = r.snapshot_at(r.end_tick);
        CHECK(s.tasks[t].state == TaskState::cancelled);
        CHECK(s.timers.empty());
    }
    SECTION("cancel markers: requested by main with its message, then delivered") {
        const Marker* req = nullptr;
        const Marker* del = nullptr;
        for (uint32_t m : r.tasks[t].markers) {
            if (r.markers[m].kind == MarkerKind::cancel_requested) req = &r.markers[m];
            if (r.markers[m].kind == MarkerKind::cancel_delivered) del = &r.markers[m];
        }
        REQUIRE(req);
        REQUIRE(del);
        CHECK(req->other == 0);
        CHECK(r.str(req->text) == "enough");
        CHECK(req->time == 1.0);
        CHECK(del->tick > req->tick);
    }
    SECTION("seeking anywhere gives the snapshot replayed from the start") { check_seeking(kCancel); }
}

TEST_CASE("snapshots of a cancelled lock waiter") {
    auto res = record(kLockCancel);
    const Recording& r = res.recording;
    REQUIRE(res.exit_code == 0);
    SECTION("the waiter leaves the lock's waiters when CancelledError reaches it") {
        uint32_t w = task_named(r, "Task-3");
        CHECK(r.snapshot_at_time(0.5).primitives[0].waiters == std::vector<uint32_t>{w});
        CHECK(r.tasks[w].end == TaskEnd::cancelled);
        Snapshot s = r.snapshot_at(r.tasks[w].end_tick);
        CHECK(s.holder == w);
        CHECK(s.primitives[0].waiters.empty());
        CHECK(r.tasks[s.primitives[0].holder].name == "Task-2");
        Snapshot end = r.snapshot_at(r.end_tick);
        CHECK(end.primitives[0].holder == kNone);
        CHECK_FALSE(end.primitives[0].flag);
    }
    SECTION("seeking anywhere gives the snapshot replayed from the start") { check_seeking(kLockCancel); }
}
