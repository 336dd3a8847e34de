// The timeline's arithmetic (app/gui/timeline_layout.cpp), without a window.
#include <catch2/catch.hpp>

#include "gui/timeline_layout.hpp"

using namespace looplab;
using namespace looplab::gui;

namespace {

model::Segment seg(uint32_t b, uint32_t e, double tb, double te, model::TaskState st) {
    model::Segment s;
    s.begin_tick = b;
    s.end_tick = e;
    s.begin_time = tb;
    s.end_time = te;
    s.state = st;
    return s;
}

}  // namespace

TEST_CASE("axis arithmetic") {
    SECTION("axis labels step by 1, 2 or 5 times a power of ten") {
        REQUIRE(nice_step(0.01, 90) == Approx(1.0));   // 0.9 -> 1
        REQUIRE(nice_step(0.02, 90) == Approx(2.0));   // 1.8 -> 2
        REQUIRE(nice_step(0.04, 90) == Approx(5.0));   // 3.6 -> 5
        REQUIRE(nice_step(0.0001, 90) == Approx(0.01));
    }
    SECTION("zooming keeps the value under the mouse where it was") {
        double b = 0, e = 10;
        zoom_range(b, e, 4.0, 0.5, 1e-6);
        REQUIRE(e - b == Approx(5.0));
        REQUIRE((4.0 - b) / (e - b) == Approx(0.4));
    }
    SECTION("zooming stops at the smallest span") {
        double b = 0, e = 10;
        zoom_range(b, e, 5.0, 0.001, 4.0);
        REQUIRE(e - b == Approx(4.0));
    }
    SECTION("pixels and values convert both ways") {
        Axis a;
        a.begin = 2, a.end = 4, a.x0 = 100, a.x1 = 300;
        REQUIRE(a.to_x(3) == Approx(200));
        REQUIRE(a.to_v(250) == Approx(3.5));
        REQUIRE(a.per_px() == Approx(0.01));
    }
}

TEST_CASE("lanes and visible segments") {
    model::Recording rec;
    rec.tasks.resize(3);
    rec.tasks[0].name = "Task-1";
    rec.tasks[1].name = "worker-A";
    rec.tasks[2].name = "Worker-b";
    using S = model::TaskState;
    std::vector<model::Segment> segs = {seg(0, 1, 0, 0, S::ready), seg(1, 2, 0, 0, S::running),
                                        seg(2, 5, 0, 1, S::sleeping), seg(5, 6, 1, 1, S::running),
                                        seg(6, 9, 1, 3, S::done)};

    SECTION("the filter keeps the lanes whose name contains it, ignoring case") {
        LaneList lanes;
        lanes.build(rec, "WORKER");
        REQUIRE(lanes.tasks == std::vector<uint32_t>{1, 2});
        REQUIRE(lanes.row_of_task == std::vector<int32_t>{-1, 1, 2});
        lanes.build(rec, "");
        REQUIRE(lanes.tasks.size() == 3);
    }
    SECTION("the first visible segment is found by binary search on either axis") {
        REQUIRE(first_segment_after(segs, 0.5, true) == 0);
        REQUIRE(first_segment_after(segs, 2.0, true) == 2);
        REQUIRE(first_segment_after(segs, 7.0, true) == 4);
        REQUIRE(first_segment_after(segs, 0.5, false) == 2);  // zero-time steps at t=0 end before 0.5
        REQUIRE(first_segment_after(segs, 9.0, true) == segs.size());
    }
    SECTION("folding skips every segment that begins inside the next few pixels") {
        REQUIRE(first_segment_from(segs, 1, 5.5, true) == 4);
        REQUIRE(first_segment_from(segs, 0, 0.0, false) == 0);
        REQUIRE(first_segment_from(segs, 0, 0.5, false) == 3);
    }
}
