// make_synthetic_recording (model/src/synthetic.cpp): well-formed at any size, and the
// model's speed at 10,000 tasks / 1,000,000 events (printed, not asserted: the machine is shared).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>

#include "looplab/model/recording.hpp"

using namespace looplab::model;

namespace {
double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
// This thread's CPU time: on a shared machine, wall time mostly measures the neighbours.
double cpu_ms() {
    timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}
}  // namespace

TEST_CASE("synthetic recordings") {
    SECTION("the same seed gives the same recording; the size asked for") {
        Recording a = make_synthetic_recording(50, 5000, 1);
        Recording b = make_synthetic_recording(50, 5000, 1);
        CHECK(a.events.size() >= 5000);
        CHECK(a.events.size() < 5100);
        CHECK(a.tasks.size() == 50);
        CHECK(a.last_tick == b.last_tick);
        CHECK(a.snapshot_at(a.last_tick / 2) == b.snapshot_at(b.last_tick / 2));
        CHECK_FALSE(a.console.empty());
        CHECK_FALSE(a.flows.empty());
    }
    SECTION("seeking with keyframes gives what replaying from the start gives") {
        Recording a = make_synthetic_recording(40, 20000, 2, 64);
        Recording b = make_synthetic_recording(40, 20000, 2, 0xFFFFFFFFu);
        std::mt19937 rng(3);
        for (int i = 0; i < 200; ++i) {
            uint32_t k = uint32_t(rng() % (a.end_tick + 1));
            CHECK(a.snapshot_at(k) == b.snapshot_at(k));
        }
    }
    SECTION("the lock's waiters wait on it, or were woken and are about to take it (as in CPython)") {
        Recording r = make_synthetic_recording(30, 20000, 4);
        for (uint32_t k = 1; k <= r.end_tick; k += 7) {
            Snapshot s = r.snapshot_at(k);
            REQUIRE(s.primitives.size() == 2);
            for (uint32_t w : s.primitives[0].waiters) {
                const TaskView& v = s.tasks[w];
                bool waits = v.state == TaskState::waiting && v.on == WaitOn::primitive && v.on_index == 0;
                bool just_waited = v.state == TaskState::running;  // its step ends awaiting the lock
                bool woken = v.state == TaskState::ready;
                CHECK((waits || just_waited || woken));
                if (woken) CHECK(s.primitives[0].holder == kNone);
            }
            CHECK(s.primitives[1].items.size() == s.primitives[1].size);
        }
    }
}

TEST_CASE("benchmark: 10,000 tasks, 1,000,000 events", "[.bench][bench]") {
    auto t0 = std::chrono::steady_clock::now();
    Recording r = make_synthetic_recording(10000, 1000000, 42);
    double build_ms = ms_since(t0);
    std::mt19937 rng(1);
    Snapshot s;
    std::vector<double> times;
    for (int i = 0; i < 1000; ++i) {
        uint32_t k = uint32_t(rng() % (r.end_tick + 1));
        double c0 = cpu_ms();
        r.snapshot_at(k, s);
        times.push_back(cpu_ms() - c0);
    }
    std::sort(times.begin(), times.end());
    std::printf("model bench: events=%zu tasks=%zu ticks=%u build_ms=%.1f (generate + build, wall) seek_ms (CPU) median=%.3f p90=%.3f max=%.3f\n",
                r.events.size(), r.tasks.size(), r.last_tick, build_ms, times[times.size() / 2], times[times.size() * 9 / 10],
                times.back());
    CHECK(r.events.size() >= 1000000);
}
