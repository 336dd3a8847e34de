// The timeline: a lane for the loop holder and one per task, on a virtual-time or a per-tick
// axis. Drawing cost follows the pixels, not the recording (Tracy's way): only lanes on screen
// are drawn, each lane binary-searches its first visible segment, and runs of segments narrower
// than kFoldPx are merged into one folded bar, so 10,000 tasks and 1,000,000 events stay smooth.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "gui/app.hpp"
#include "gui/panels.hpp"
#include "gui/text_format.hpp"
#include "gui/theme.hpp"

namespace looplab::gui {

namespace {

using model::kNone;
using model::Recording;
using model::Segment;
using model::TaskState;

constexpr float kFoldPx = 2.0f;     // narrower runs merge into one folded bar
constexpr size_t kMaxFlows = 4000;  // wake-up arrows drawn per frame at most

struct Geometry {
    ImVec2 origin;       // top-left of the panel's content
    float names_w = 0;   // lane-name column
    float header_h = 0;  // axis labels
    float lane_h = 0;
    float lanes_y0 = 0, lanes_y1 = 0;  // lane area (screen y)
    Axis axis;
    int first_row = 0, last_row = 0;   // rows on screen (0: the loop lane)
    float row_y(int row, float scroll) const { return lanes_y0 + row * lane_h - scroll; }
};

// What is under the mouse, found while drawing, shown as a tooltip after.
struct Hover {
    const model::Marker* marker = nullptr;
    float marker_dist = 1e9f;
};

void draw_axis(ImDrawList* dl, const Recording& rec, const Geometry& g, bool tick_axis) {
    const Theme& th = theme();
    const float y1 = g.origin.y + g.header_h;
    const double step = nice_step(g.axis.per_px(), 90.0f);
    const double first = std::ceil(g.axis.begin / step) * step;
    char buf[64];
    for (double v = first; v <= g.axis.end; v += step) {
        const float x = g.axis.to_x(v);
        dl->AddLine(ImVec2(x, y1 - 5), ImVec2(x, g.lanes_y1), th.grid);
        if (tick_axis)
            std::snprintf(buf, sizeof buf, "%.0f", v);
        else
            std::snprintf(buf, sizeof buf, "%s s", format_seconds(v, step).c_str());
        dl->AddText(ImVec2(x + 3, g.origin.y + 2), th.text_muted, buf);
    }
    (void)rec;
}

// The loop-holder lane: which task ran each step. At most one bar per kFoldPx pixels.
void draw_holder_lane(ImDrawList* dl, const Recording& rec, const Geometry& g, float y, bool tick_axis,
                      TimelineState& st) {
    const float top = y + 2, bottom = y + g.lane_h - 2;
    if (rec.holder.empty()) return;
    const double per_px = g.axis.per_px();
    float x = std::max(g.axis.x0, g.axis.to_x(0));
    while (x < g.axis.x1) {
        const double v0 = g.axis.to_v(x), v1 = g.axis.to_v(x + kFoldPx);
        // Ticks 1..last_tick whose steps fall in [v0, v1).
        uint32_t k0, k1;
        if (tick_axis) {
            k0 = uint32_t(std::max(1.0, std::floor(v0)));
            k1 = uint32_t(std::min(double(rec.last_tick) + 1, std::max(double(k0), std::ceil(v1))));
        } else {
            auto lo = std::lower_bound(rec.tick_times.begin() + 1, rec.tick_times.begin() + rec.last_tick + 1, v0);
            auto hi = std::lower_bound(lo, rec.tick_times.begin() + rec.last_tick + 1, v1);
            k0 = uint32_t(lo - rec.tick_times.begin());
            k1 = uint32_t(hi - rec.tick_times.begin());
        }
        if (k0 > rec.last_tick) break;
        if (k1 <= k0) {  // no step here: jump to the next one
            const double next = tick_value(rec, k0, tick_axis);
            x = std::max(x + kFoldPx, g.axis.to_x(next));
            continue;
        }
        if (k1 - k0 == 1 && (!tick_axis || 1.0 / per_px >= kFoldPx)) {
            const model::HolderStep& h = rec.holder[k0 - 1];
            const float xb = tick_axis ? g.axis.to_x(k0) : g.axis.to_x(h.begin_time);
            float xe = tick_axis ? g.axis.to_x(k0 + 1.0) : g.axis.to_x(h.end_time);
            xe = std::max(xe, xb + kFoldPx);
            const uint32_t colour = h.task == kNone ? 7 : rec.tasks[h.task].colour;
            dl->AddRectFilled(ImVec2(xb, top), ImVec2(xe - (xe - xb > 4 ? 1 : 0), bottom), task_color(colour));
            if (xe - xb > 40 && h.task != kNone) {
                const std::string& name = rec.tasks[h.task].name;
                ImVec4 clip(xb + 3, top, xe - 3, bottom);
                dl->AddText(nullptr, 0, ImVec2(xb + 4, top + 1), text_on(task_color(colour)), name.c_str(),
                            name.c_str() + name.size(), 0, &clip);
            }
            ++st.bars_drawn;
            x = std::max(xe, x + kFoldPx);
        } else {
            // Many steps in a couple of pixels: one folded bar, in the first step's colour.
            const model::HolderStep& h = rec.holder[k0 - 1];
            const uint32_t colour = h.task == kNone ? 7 : rec.tasks[h.task].colour;
            dl->AddRectFilled(ImVec2(x, top + 3), ImVec2(x + kFoldPx, bottom - 3), task_color(colour, 0.75f));
            ++st.folded_bars;
            x += kFoldPx;
            // Steps run one after another, so only the window's last step can reach past it
            // (a blocking step that began among zero-time ones): draw its rest, or it is lost.
            const model::HolderStep& last = rec.holder[k1 - 2];
            const float xe = tick_axis ? x : g.axis.to_x(last.end_time);
            if (xe > x + 1) {
                const uint32_t c = last.task == kNone ? 7 : rec.tasks[last.task].colour;
                dl->AddRectFilled(ImVec2(x, top), ImVec2(xe - (xe - x > 4 ? 1 : 0), bottom), task_color(c));
                if (xe - x > 40 && last.task != kNone) {
                    const std::string& name = rec.tasks[last.task].name;
                    ImVec4 clip(x + 3, top, xe - 3, bottom);
                    dl->AddText(nullptr, 0, ImVec2(x + 4, top + 1), text_on(task_color(c)), name.c_str(),
                                name.c_str() + name.size(), 0, &clip);
                }
                ++st.bars_drawn;
                x = xe;
            }
        }
    }
}

// One task's lane: its segments in the visible range, folded below kFoldPx.
void draw_task_lane(ImDrawList* dl, const Recording& rec, const model::Task& task, const Geometry& g, float y,
                    bool tick_axis, TimelineState& st) {
    const auto& segs = task.segments;
    if (segs.empty()) return;
    const float top = y + 2, bottom = y + g.lane_h - 2, mid = (top + bottom) * 0.5f;
    const float half = (bottom - top) * 0.22f;
    const ImU32 solid = task_color(task.colour);
    size_t i = first_segment_after(segs, g.axis.begin, tick_axis);
    double clip_begin = g.axis.begin;  // part of segment i already covered by a folded bar
    while (i < segs.size()) {
        const Segment& s = segs[i];
        const double b = std::max(seg_begin(s, tick_axis), clip_begin);
        const float xb = std::max(g.axis.to_x(b), g.axis.x0 - 1);
        if (xb > g.axis.x1) break;
        const float xe_raw = g.axis.to_x(seg_end(s, tick_axis));
        const bool visible_state = s.state != TaskState::done && s.state != TaskState::cancelled &&
                                   s.state != TaskState::failed;
        if (xe_raw - xb < kFoldPx) {
            // Fold everything that begins within the next kFoldPx pixels into one bar.
            const double limit = g.axis.to_v(xb + kFoldPx);
            const size_t j = first_segment_from(segs, i + 1, limit, tick_axis);
            bool any_running = false, any_visible = false;
            for (size_t k = i; k < j && k < i + 8; ++k) {
                any_running |= segs[k].state == TaskState::running;
                any_visible |= segs[k].state != TaskState::done && segs[k].state != TaskState::cancelled &&
                               segs[k].state != TaskState::failed;
            }
            if (j - i > 8) any_running = any_visible = true;
            if (any_running)
                dl->AddRectFilled(ImVec2(xb, top), ImVec2(xb + kFoldPx, bottom), solid);
            else if (any_visible)
                dl->AddRectFilled(ImVec2(xb, mid - half), ImVec2(xb + kFoldPx, mid + half), task_color(task.colour, 0.5f));
            if (j - i > 1) ++st.folded_bars; else ++st.bars_drawn;
            // The last folded segment may go on past the bar: draw its rest next.
            i = j - 1;
            clip_begin = limit;
            if (seg_end(segs[i], tick_axis) <= limit) {
                ++i;
                clip_begin = g.axis.begin;
            }
            continue;
        }
        const float xe = std::min(xe_raw, g.axis.x1 + 1);
        ++st.bars_drawn;
        switch (s.state) {
        case TaskState::running: {
            dl->AddRectFilled(ImVec2(xb, top), ImVec2(xe, bottom), solid);
            // Resume and suspend marks where there is room: a notch where the step resumes the
            // coroutine, a bar where it gives the loop back (not when the task ends there).
            if (xe - xb >= 10) {
                const ImU32 mark = text_on(solid);
                const float h = std::min(4.0f, (bottom - top) * 0.3f);
                dl->AddTriangleFilled(ImVec2(xb + 1, top + 1), ImVec2(xb + 1 + h, top + 1 + h),
                                      ImVec2(xb + 1, top + 1 + 2 * h), mark);
                const bool suspends = i + 1 < segs.size() && segs[i + 1].state != TaskState::done &&
                                      segs[i + 1].state != TaskState::cancelled &&
                                      segs[i + 1].state != TaskState::failed;
                if (suspends && xe_raw <= g.axis.x1 + 1)
                    dl->AddRectFilled(ImVec2(xe - 3, top + 1), ImVec2(xe - 1.5f, bottom - 1), mark);
            }
            break;
        }
        case TaskState::ready:
            dl->AddRectFilled(ImVec2(xb, mid - half), ImVec2(xe, mid + half), task_color(task.colour, 0.18f));
            dl->AddRect(ImVec2(xb, mid - half), ImVec2(xe, mid + half), task_color(task.colour, 0.9f));
            break;
        case TaskState::sleeping:
            dl->AddRectFilled(ImVec2(xb, mid - half), ImVec2(xe, mid + half), task_color(task.colour, 0.42f));
            break;
        case TaskState::waiting:
            dl->AddRectFilled(ImVec2(xb, mid - 1.5f), ImVec2(xe, mid + 1.5f), task_color(task.colour, 0.85f));
            break;
        default:
            break;
        }
        // A label where there is room: what it sleeps on or waits for.
        if (visible_state && s.state != TaskState::running && xe - xb > 60) {
            std::string label = rec.describe(s);
            ImVec4 clip(std::max(xb, g.axis.x0) + 3, top - 2, xe - 3, bottom + 2);
            const float ty = s.state == TaskState::waiting ? top - 3 : mid - ImGui::GetFontSize() * 0.5f;
            dl->AddText(nullptr, 0, ImVec2(clip.x + 8, ty), theme().text, label.c_str(),
                        label.c_str() + label.size(), 0, &clip);
        } else if (s.state == TaskState::running && xe - xb > 50) {
            ImVec4 clip(std::max(xb, g.axis.x0) + 3, top, xe - 3, bottom);
            dl->AddText(nullptr, 0, ImVec2(clip.x + 2, top + 1), text_on(solid), task.name.c_str(),
                        task.name.c_str() + task.name.size(), 0, &clip);
        }
        ++i;
        clip_begin = g.axis.begin;
    }
}

// On the tick axis a marker sits inside its step's column; a creation at the column's start,
// where the new task's lane begins.
double marker_value(const model::Marker& m, bool tick_axis) {
    if (!tick_axis) return m.time;
    return m.kind == model::MarkerKind::created ? m.tick + 0.08 : m.tick + 0.5;
}

// Markers on one lane; at most one per 4 pixels. Remembers the one nearest the mouse.
void draw_markers(ImDrawList* dl, const Recording& rec, const model::Task& task, const Geometry& g, float y,
                  bool tick_axis, Hover& hover, bool row_hovered) {
    const Theme& th = theme();
    auto it = std::partition_point(task.markers.begin(), task.markers.end(), [&](uint32_t m) {
        return marker_value(rec.markers[m], tick_axis) < g.axis.begin;
    });
    const float cy = y + g.lane_h * 0.5f, r = g.lane_h * 0.2f;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    float last_x = -1e9f;
    for (; it != task.markers.end(); ++it) {
        const model::Marker& m = rec.markers[*it];
        const float x = g.axis.to_x(marker_value(m, tick_axis));
        if (x > g.axis.x1) break;
        if (x - last_x < 4) continue;
        last_x = x;
        using model::MarkerKind;
        switch (m.kind) {
        case MarkerKind::created:
            dl->AddCircle(ImVec2(x, cy), r, th.text, 10, 1.5f);
            break;
        case MarkerKind::print:
            dl->AddRectFilled(ImVec2(x - r * 0.7f, y + 1), ImVec2(x + r * 0.7f, y + 1 + r * 1.4f), th.text);
            break;
        case MarkerKind::stderr_write:
        case MarkerKind::raised:
        case MarkerKind::deadlock:
            dl->AddRectFilled(ImVec2(x - r * 0.7f, y + 1), ImVec2(x + r * 0.7f, y + 1 + r * 1.4f), th.error);
            break;
        case MarkerKind::cancel_requested:
        case MarkerKind::cancel_delivered:
        case MarkerKind::cancelled:
            dl->AddLine(ImVec2(x - r, cy - r), ImVec2(x + r, cy + r), th.error, 2);
            dl->AddLine(ImVec2(x - r, cy + r), ImVec2(x + r, cy - r), th.error, 2);
            break;
        case MarkerKind::primitive_op: {
            const float by = y + g.lane_h - 2 - r;
            dl->AddQuadFilled(ImVec2(x, by - r), ImVec2(x + r, by), ImVec2(x, by + r), ImVec2(x - r, by), th.warning);
            break;
        }
        case MarkerKind::returned:
            dl->AddCircleFilled(ImVec2(x, cy), r * 0.8f, th.text, 10);
            break;
        case MarkerKind::renamed:
            break;
        }
        if (row_hovered) {
            const float d = std::fabs(mouse.x - x);
            if (d < 6 && d < hover.marker_dist) hover.marker = &m, hover.marker_dist = d;
        }
    }
}

// Wake-up arrows (waker's step -> wakee's next step) starting in the visible range.
void draw_flows(ImDrawList* dl, const Recording& rec, const Geometry& g, const TimelineState& st, float scroll) {
    const bool tick_axis = st.tick_axis;
    const uint32_t t0 = tick_at_value(rec, g.axis.begin, tick_axis);
    const uint32_t t1 = tick_at_value(rec, g.axis.end, tick_axis);
    auto it = std::partition_point(rec.flows.begin(), rec.flows.end(),
                                   [&](const model::Flow& f) { return f.from_tick < t0; });
    size_t drawn = 0;
    // Many arrows at once become a curtain: fainter the more of them the view holds.
    const size_t in_view = size_t(std::partition_point(it, rec.flows.end(), [&](const model::Flow& f) {
                                      return f.from_tick <= t1;
                                  }) - it);
    ImU32 col = theme().flow;
    if (in_view > 150) col = (col & 0x00FFFFFF) | (ImU32(std::max(40.0, 140.0 * 150.0 / double(in_view))) << 24);
    for (; it != rec.flows.end() && it->from_tick <= t1 && drawn < kMaxFlows; ++it) {
        const int from_row = it->from_task == kNone ? 0 : st.lanes.row_of_task[it->from_task];
        const int to_row = it->to_task == kNone ? -1 : st.lanes.row_of_task[it->to_task];
        if (from_row < 0 || to_row < 0) continue;
        // Both ends on screen: an arrow into a lane out of view only hides the lanes in view.
        if (from_row < g.first_row || from_row > g.last_row || to_row < g.first_row || to_row > g.last_row) continue;
        const float xa = g.axis.to_x(tick_axis ? it->from_tick + 0.5 : it->from_time);
        const float xb = g.axis.to_x(tick_axis ? double(it->to_tick) : it->to_time);
        const float ya = g.row_y(from_row, scroll) + g.lane_h * 0.5f;
        const float yb = g.row_y(to_row, scroll) + g.lane_h * 0.5f;
        const float bend = std::max(12.0f, std::fabs(xb - xa) * 0.4f);
        dl->AddBezierCubic(ImVec2(xa, ya), ImVec2(xa + bend, ya), ImVec2(xb - bend, yb), ImVec2(xb, yb), col, 1.2f);
        dl->AddTriangleFilled(ImVec2(xb, yb), ImVec2(xb - 6, yb - 3.5f), ImVec2(xb - 6, yb + 3.5f), col);
        ++drawn;
    }
}

void segment_tooltip(const Recording& rec, uint32_t task_index, uint32_t tick) {
    const model::Task& t = rec.tasks[task_index];
    const Segment* s = rec.segment_at(task_index, tick);
    ImGui::BeginTooltip();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(task_color(t.colour)), "■ %s", t.name.c_str());
    if (!s) {
        ImGui::TextDisabled("not created yet (created at tick %u)", t.created_tick);
    } else {
        ImGui::Text("%s", rec.describe(*s).c_str());
        ImGui::TextDisabled("since t=%s s, tick %u", format_time(s->begin_time).c_str(), s->begin_tick);
        if (const model::LinePoint* lp = rec.line_at(task_index, tick); lp && lp->line)
            ImGui::TextDisabled("at line %u", lp->line);
    }
    ImGui::TextDisabled("click: jump to tick %u", tick);
    ImGui::EndTooltip();
}

void holder_tooltip(const Recording& rec, uint32_t tick, bool tick_axis, double per_px) {
    ImGui::BeginTooltip();
    if (tick >= 1 && tick <= rec.last_tick) {
        const model::HolderStep& h = rec.holder[tick - 1];
        const std::string name = h.task == kNone ? std::string("(callback)") : rec.tasks[h.task].name;
        ImGui::Text("tick %u: %s holds the loop", tick, name.c_str());
        ImGui::TextDisabled("t=%s s", format_time(h.begin_time).c_str());
        if (!tick_axis && per_px > 0) {
            const uint32_t lo = rec.tick_at_time(h.begin_time - per_px * kFoldPx);
            if (lo + 1 < tick) ImGui::TextDisabled("several steps at this time: press T for the tick axis");
        }
    } else {
        ImGui::TextDisabled(tick == 0 ? "before the first step" : "after the run");
    }
    ImGui::EndTooltip();
}

}  // namespace

void draw_timeline(App& app) {
    const Recording* rec = app.recording();
    TimelineState& st = app.timeline();
    Moment& moment = app.moment();
    if (!rec) {
        ImGui::TextDisabled("Open a lesson or a scenario to see its timeline.");
        return;
    }
    // Toolbar: axis switch, filter, legend.
    if (st.axis_was_tick != st.tick_axis) {
        // Keep roughly the same stretch of the run in view when the axis changes.
        const bool to_tick = st.tick_axis;
        // From time to ticks, the view starts at the first step at its begin time (many
        // steps share one instant); from ticks to time, at the begin tick's time.
        const uint32_t a = to_tick ? uint32_t(std::lower_bound(rec->tick_times.begin(), rec->tick_times.end(),
                                                               st.view_begin) - rec->tick_times.begin())
                                   : tick_at_value(*rec, st.view_begin, true);
        const uint32_t b = tick_at_value(*rec, st.view_end, !to_tick);
        st.view_begin = tick_value(*rec, a, to_tick);
        st.view_end = std::max(st.view_begin + (to_tick ? 4.0 : 1e-3), tick_value(*rec, b, to_tick) + (to_tick ? 1 : 0));
        st.axis_was_tick = st.tick_axis;
    }
    if (ImGui::RadioButton("time", !st.tick_axis)) st.tick_axis = false;
    ImGui::SameLine();
    if (ImGui::RadioButton("ticks", st.tick_axis)) st.tick_axis = true;
    ImGui::SameLine();
    if (ImGui::Button("Fit")) st.fit = true;
    ImGui::SameLine();
    ImGui::Checkbox("wake-ups", &st.show_flows);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    ImGui::InputTextWithHint("##filter", "filter lanes", st.filter, sizeof st.filter);
    ImGui::SameLine();
    {
        // Legend: the shapes, so colour is never the only cue.
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetFrameHeight(), mid = p.y + h * 0.5f, w = h * 1.2f;
        const ImU32 c = theme().text_muted;
        float x = p.x + 8;
        auto label = [&](const char* t) {
            dl->AddText(ImVec2(x, mid - ImGui::GetFontSize() * 0.5f), c, t);
            x += ImGui::CalcTextSize(t).x + 14;
        };
        dl->AddRectFilled(ImVec2(x, mid - h * 0.3f), ImVec2(x + w, mid + h * 0.3f), c);
        x += w + 4;
        label("running");
        dl->AddRect(ImVec2(x, mid - h * 0.15f), ImVec2(x + w, mid + h * 0.15f), c);
        x += w + 4;
        label("ready");
        dl->AddRectFilled(ImVec2(x, mid - h * 0.15f), ImVec2(x + w, mid + h * 0.15f), (c & 0x00FFFFFF) | 0x70000000);
        x += w + 4;
        label("sleeping");
        dl->AddRectFilled(ImVec2(x, mid - 1.5f), ImVec2(x + w, mid + 1.5f), c);
        x += w + 4;
        label("waiting");
        ImGui::Dummy(ImVec2(x - p.x, h));
    }
    if (st.lanes.rec != rec || st.lanes.key != st.filter) {
        st.lanes.build(*rec, st.filter);
        st.scroll_y = 0;
    }

    Geometry g;
    const float scale = ImGui::GetFontSize() / 16.0f;
    g.origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    g.names_w = std::round(170 * scale);
    g.header_h = std::round(ImGui::GetFontSize() + 6);
    g.lane_h = std::round(ImGui::GetFontSize() * 1.5f);
    g.lanes_y0 = g.origin.y + g.header_h;
    g.lanes_y1 = g.origin.y + avail.y;
    g.axis.x0 = g.origin.x + g.names_w;
    g.axis.x1 = g.origin.x + avail.x - 8;
    if (g.axis.x1 - g.axis.x0 < 50 || g.lanes_y1 - g.lanes_y0 < g.lane_h) return;

    if (st.fit) {
        full_range(*rec, st.tick_axis, st.view_begin, st.view_end);
        st.fit = false;
    }
    const double min_span = st.tick_axis ? 4.0 : 1e-6;
    if (st.view_end - st.view_begin < min_span) st.view_end = st.view_begin + min_span;
    const double cursor_v = st.tick_axis ? moment.tick + 0.5 : rec->time_of_tick(moment.tick);
    // When the moment moves (playing, keys, buttons), keep it in view; a view the user panned
    // stays where it is as long as the moment does not move.
    const bool moved = moment.tick != st.last_cursor_tick;
    st.last_cursor_tick = moment.tick;
    if (moved && st.keep_cursor_visible) {
        const double span = st.view_end - st.view_begin;
        if (cursor_v > st.view_end || cursor_v < st.view_begin) {
            st.view_begin = cursor_v - span * 0.1;
            st.view_end = st.view_begin + span;
        }
    }
    g.axis.begin = st.view_begin;
    g.axis.end = st.view_end;
    st.names_x0 = g.origin.x;
    st.axis_x0 = g.axis.x0;
    st.axis_x1 = g.axis.x1;
    st.lanes_y0 = g.lanes_y0;
    st.lane_h = g.lane_h;

    const int rows = int(st.lanes.tasks.size()) + 1;
    const float lanes_h = g.lanes_y1 - g.lanes_y0;
    // Bring the selected task's lane into view when the selection changes elsewhere.
    if (moment.selected_task != st.scrolled_to_task) {
        st.scrolled_to_task = moment.selected_task;
        if (moment.selected_task >= 0 && size_t(moment.selected_task) < st.lanes.row_of_task.size()) {
            const int row = st.lanes.row_of_task[moment.selected_task];
            if (row >= 0 && (row * g.lane_h < st.scroll_y || (row + 1) * g.lane_h > st.scroll_y + lanes_h))
                st.scroll_y = row * g.lane_h - lanes_h * 0.4f;
        }
    }
    st.scroll_y = std::clamp(st.scroll_y, 0.0f, std::max(0.0f, rows * g.lane_h - lanes_h));
    g.first_row = std::max(0, int(st.scroll_y / g.lane_h));
    g.last_row = std::min(rows - 1, int((st.scroll_y + lanes_h) / g.lane_h));

    // Input: the lane area is one invisible button (wheel zooms, drag pans, click jumps); the
    // name column selects; the axis header scrubs.
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetCursorScreenPos(ImVec2(g.axis.x0, g.lanes_y0));
    ImGui::InvisibleButton("##lanes", ImVec2(g.axis.x1 - g.axis.x0, lanes_h),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    const bool lanes_hovered = ImGui::IsItemHovered();
    const bool lanes_active = ImGui::IsItemActive();
    if (ImGui::IsItemActivated()) st.drag_total = 0;
    if (lanes_active) {
        st.drag_total += std::fabs(io.MouseDelta.x) + std::fabs(io.MouseDelta.y);
        const double dv = -io.MouseDelta.x * g.axis.per_px();
        st.view_begin += dv;
        st.view_end += dv;
        st.scroll_y -= io.MouseDelta.y;
    }
    const int mouse_row = int((io.MousePos.y - g.lanes_y0 + st.scroll_y) / g.lane_h);
    const double mouse_v = g.axis.to_v(io.MousePos.x);
    if (ImGui::IsItemDeactivated() && st.drag_total < 4) {
        moment.request(tick_at_value(*rec, mouse_v, st.tick_axis));
        if (mouse_row >= 1 && mouse_row < rows) moment.selected_task = st.lanes.tasks[mouse_row - 1];
        app.transport().playing = false;
    }
    if (lanes_hovered && io.MouseWheel != 0) {
        if (io.KeyShift) {
            st.scroll_y -= io.MouseWheel * g.lane_h * 3;
        } else {
            zoom_range(st.view_begin, st.view_end, mouse_v, std::pow(0.8, io.MouseWheel), min_span);
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(g.origin.x, g.lanes_y0));
    ImGui::InvisibleButton("##names", ImVec2(g.names_w, lanes_h));
    const bool names_hovered = ImGui::IsItemHovered();
    if (ImGui::IsItemClicked() && mouse_row >= 1 && mouse_row < rows) {
        const int64_t t = st.lanes.tasks[mouse_row - 1];
        moment.selected_task = moment.selected_task == t ? -1 : t;
        st.scrolled_to_task = moment.selected_task;
    }
    if (names_hovered && io.MouseWheel != 0) st.scroll_y -= io.MouseWheel * g.lane_h * 3;
    ImGui::SetCursorScreenPos(ImVec2(g.axis.x0, g.origin.y));
    ImGui::InvisibleButton("##axis", ImVec2(g.axis.x1 - g.axis.x0, g.header_h));
    if (ImGui::IsItemActive()) {
        moment.request(tick_at_value(*rec, g.axis.to_v(io.MousePos.x), st.tick_axis));
        app.transport().playing = false;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("drag to scrub");

    // Drawing.
    const Theme& th = theme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    st.lanes_drawn = st.bars_drawn = st.folded_bars = 0;
    st.hovered_task = -1;
    Hover hover;
    dl->PushClipRect(ImVec2(g.origin.x, g.origin.y), ImVec2(g.axis.x1 + 8, g.lanes_y1), true);
    for (int row = g.first_row; row <= g.last_row; ++row) {
        const float y = g.row_y(row, st.scroll_y);
        const bool selected = row > 0 && int64_t(st.lanes.tasks[row - 1]) == moment.selected_task;
        ImU32 bg = row % 2 ? th.lane_bg : th.lane_bg_alt;
        dl->AddRectFilled(ImVec2(g.origin.x, y), ImVec2(g.axis.x1, y + g.lane_h), bg);
        if (selected) dl->AddRectFilled(ImVec2(g.origin.x, y), ImVec2(g.axis.x1, y + g.lane_h), th.code_current);
    }
    draw_axis(dl, *rec, g, st.tick_axis);
    if (st.tick_axis) {  // the current tick's column
        const float xa = g.axis.to_x(moment.tick), xb = g.axis.to_x(moment.tick + 1.0);
        if (xb - xa > 2) dl->AddRectFilled(ImVec2(xa, g.lanes_y0), ImVec2(xb, g.lanes_y1), th.code_current);
    }
    dl->PushClipRect(ImVec2(g.axis.x0, g.lanes_y0), ImVec2(g.axis.x1, g.lanes_y1), true);
    for (int row = g.first_row; row <= g.last_row; ++row) {
        const float y = g.row_y(row, st.scroll_y);
        ++st.lanes_drawn;
        if (row == 0) {
            draw_holder_lane(dl, *rec, g, y, st.tick_axis, st);
            continue;
        }
        const uint32_t ti = st.lanes.tasks[row - 1];
        draw_task_lane(dl, *rec, rec->tasks[ti], g, y, st.tick_axis, st);
        draw_markers(dl, *rec, rec->tasks[ti], g, y, st.tick_axis, hover, lanes_hovered && row == mouse_row);
    }
    if (st.show_flows) draw_flows(dl, *rec, g, st, st.scroll_y);
    const float cx = g.axis.to_x(cursor_v);
    dl->AddLine(ImVec2(cx, g.origin.y), ImVec2(cx, g.lanes_y1), th.cursor, 1.5f);
    dl->PopClipRect();

    // Lane names, over the lanes' left edge.
    dl->PushClipRect(ImVec2(g.origin.x, g.lanes_y0), ImVec2(g.axis.x0, g.lanes_y1), true);
    for (int row = g.first_row; row <= g.last_row; ++row) {
        const float y = g.row_y(row, st.scroll_y);
        const float ty = y + (g.lane_h - ImGui::GetFontSize()) * 0.5f;
        if (row == 0) {
            dl->AddText(ImVec2(g.origin.x + 8, ty), th.text, "event loop");
            continue;
        }
        const model::Task& t = rec->tasks[st.lanes.tasks[row - 1]];
        const bool selected = int64_t(st.lanes.tasks[row - 1]) == moment.selected_task;
        dl->AddRectFilled(ImVec2(g.origin.x + 4, y + 4), ImVec2(g.origin.x + 8, y + g.lane_h - 4), task_color(t.colour));
        dl->AddText(ImVec2(g.origin.x + 14, ty), selected ? th.selection : th.text, t.name.c_str());
    }
    dl->PopClipRect();
    dl->AddLine(ImVec2(g.axis.x0, g.lanes_y0), ImVec2(g.axis.x0, g.lanes_y1), th.grid);
    dl->PopClipRect();

    // Tooltips.
    if (lanes_hovered && !lanes_active && mouse_row >= 0 && mouse_row < rows) {
        const uint32_t tick = tick_at_value(*rec, mouse_v, st.tick_axis);
        if (hover.marker) {
            ImGui::BeginTooltip();
            ImGui::Text("%s", rec->describe(*hover.marker).c_str());
            ImGui::TextDisabled("t=%s s, tick %u", format_time(hover.marker->time).c_str(), hover.marker->tick);
            ImGui::EndTooltip();
        } else if (mouse_row == 0) {
            holder_tooltip(*rec, tick, st.tick_axis, g.axis.per_px());
        } else {
            st.hovered_task = st.lanes.tasks[mouse_row - 1];
            segment_tooltip(*rec, st.lanes.tasks[mouse_row - 1], tick);
        }
    } else if (names_hovered && mouse_row >= 1 && mouse_row < rows) {
        const model::Task& t = rec->tasks[st.lanes.tasks[mouse_row - 1]];
        ImGui::SetTooltip("%s — click to follow it in the inspector and the code", t.name.c_str());
    }
}

}  // namespace looplab::gui
