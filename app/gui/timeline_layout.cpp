#include "gui/timeline_layout.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace looplab::gui {

double nice_step(double per_px, float target_px) {
    double raw = per_px * target_px;
    if (!(raw > 0)) return 1;
    double p = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (p * m >= raw) return p * m;
    return p * 10;
}

void zoom_range(double& begin, double& end, double anchor, double factor, double min_span) {
    double span = (end - begin) * factor;
    if (span < min_span) factor = min_span / (end - begin), span = min_span;
    begin = anchor - (anchor - begin) * factor;
    end = begin + span;
}

void LaneList::build(const model::Recording& r, const std::string& filter) {
    rec = &r;
    key = filter;
    tasks.clear();
    row_of_task.assign(r.tasks.size(), -1);
    std::string f = filter;
    for (char& c : f) c = char(std::tolower(static_cast<unsigned char>(c)));
    std::string name;
    for (uint32_t i = 0; i < r.tasks.size(); ++i) {
        if (!f.empty()) {
            name = r.tasks[i].name;
            for (char& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
            if (name.find(f) == std::string::npos) continue;
        }
        row_of_task[i] = int32_t(tasks.size() + 1);
        tasks.push_back(i);
    }
}

size_t first_segment_after(const std::vector<model::Segment>& segs, double v, bool tick_axis) {
    return size_t(std::partition_point(segs.begin(), segs.end(),
                                       [&](const model::Segment& s) { return seg_end(s, tick_axis) <= v; }) -
                  segs.begin());
}

size_t first_segment_from(const std::vector<model::Segment>& segs, size_t from, double v, bool tick_axis) {
    return size_t(std::partition_point(segs.begin() + long(from), segs.end(),
                                       [&](const model::Segment& s) { return seg_begin(s, tick_axis) < v; }) -
                  segs.begin());
}

double tick_value(const model::Recording& rec, uint32_t tick, bool tick_axis) {
    return tick_axis ? double(tick) : rec.time_of_tick(tick);
}

uint32_t tick_at_value(const model::Recording& rec, double v, bool tick_axis) {
    if (tick_axis) return uint32_t(std::clamp(std::floor(v), 0.0, double(rec.end_tick)));
    return rec.tick_at_time(v);
}

void full_range(const model::Recording& rec, bool tick_axis, double& begin, double& end) {
    begin = 0;
    if (tick_axis) {
        end = double(rec.end_tick) + 1;
    } else {
        // A run that takes no virtual time still gets a visible axis.
        end = rec.end_time > 0 ? rec.end_time * 1.02 : 1.0;
    }
}

}  // namespace looplab::gui
