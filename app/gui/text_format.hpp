#pragma once
// Small text helpers the panels share: numbers on the axis and the clock.
#include <string>

#include "looplab/trace.hpp"  // looplab::format_time: LoopLab's time format (SPEC 4)

namespace looplab::gui {

using looplab::format_time;
// `v` with as many decimals as `step` needs ("0.25" for a step of 0.05).
std::string format_seconds(double v, double step);
// The clock as a learner reads it: "2.5 s", "0.000125 s" -> "125 µs".
std::string format_clock(double t);

}  // namespace looplab::gui
