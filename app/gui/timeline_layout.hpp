#pragma once
// The timeline's arithmetic, apart from its drawing so tests can check it: the mapping between
// axis values (virtual seconds or tick numbers) and pixels, axis label steps, the lanes that
// pass the filter, and the Tracy-style visible-range search over sorted segments.
#include <cstdint>
#include <string>
#include <vector>

#include "looplab/model/recording.hpp"

namespace looplab::gui {

struct Axis {
    double begin = 0, end = 1;  // visible values
    float x0 = 0, x1 = 1;       // pixels
    float to_x(double v) const { return x0 + float((v - begin) / (end - begin) * double(x1 - x0)); }
    double to_v(float x) const { return begin + double(x - x0) / double(x1 - x0) * (end - begin); }
    double per_px() const { return (end - begin) / double(x1 - x0); }
};

// A step for axis labels: 1, 2 or 5 times a power of ten, so about `target_px` pixels apart.
double nice_step(double per_px, float target_px);

// Zooms [begin, end] by `factor` (< 1 zooms in) keeping `anchor` at the same place.
void zoom_range(double& begin, double& end, double anchor, double factor, double min_span);

// Which tasks get a lane: those whose name contains `filter` (case-insensitive; empty: all).
// row_of_task[i] is task i's row (-1: filtered out). Row 0 is the loop-holder lane.
struct LaneList {
    std::vector<uint32_t> tasks;       // task index per task row (row = 1 + position)
    std::vector<int32_t> row_of_task;  // -1 if hidden
    std::string key;                   // filter it was built for
    const model::Recording* rec = nullptr;
    void build(const model::Recording& rec, const std::string& filter);
};

// Segment values on an axis.
inline double seg_begin(const model::Segment& s, bool tick_axis) { return tick_axis ? double(s.begin_tick) : s.begin_time; }
inline double seg_end(const model::Segment& s, bool tick_axis) { return tick_axis ? double(s.end_tick) : s.end_time; }
// Index of the first segment that ends after `v` (segments are sorted and contiguous).
size_t first_segment_after(const std::vector<model::Segment>& segs, double v, bool tick_axis);
// Index of the first segment that begins at or after `v`, searching from `from`.
size_t first_segment_from(const std::vector<model::Segment>& segs, size_t from, double v, bool tick_axis);

// Where tick `tick`'s step is drawn on the axis: the column [tick, tick + 1) on the tick axis;
// its virtual time on the time axis.
double tick_value(const model::Recording& rec, uint32_t tick, bool tick_axis);
// The moment under axis value `v`.
uint32_t tick_at_value(const model::Recording& rec, double v, bool tick_axis);
// The whole run on this axis.
void full_range(const model::Recording& rec, bool tick_axis, double& begin, double& end);

}  // namespace looplab::gui
