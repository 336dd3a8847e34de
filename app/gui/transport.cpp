// Transport: play/pause, speed, steps of one tick, jumps to the next/previous print and to
// the selected task's next event, and a scrub bar over the whole run. The clock and the tick
// are always shown. Moving in time only changes Moment::tick: the app rebuilds the snapshot
// from the recording (keyframes + replay), never by running code again.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "gui/app.hpp"
#include "gui/panels.hpp"
#include "gui/text_format.hpp"
#include "gui/theme.hpp"

namespace looplab::gui {

namespace {

using model::MarkerKind;

// The first tick after `tick` with a print, or -1.
int64_t next_print(const model::Recording& rec, uint32_t tick) {
    for (size_t i = rec.markers_end(tick); i < rec.markers.size(); ++i)
        if (rec.markers[i].kind == MarkerKind::print && rec.markers[i].tick > tick) return rec.markers[i].tick;
    return -1;
}

int64_t prev_print(const model::Recording& rec, uint32_t tick) {
    for (size_t i = rec.markers_end(tick); i-- > 0;)
        if (rec.markers[i].kind == MarkerKind::print && rec.markers[i].tick < tick) return rec.markers[i].tick;
    return -1;
}

// The selected task's next change of state or marker after `tick`, or -1.
int64_t next_task_event(const model::Recording& rec, uint32_t task, uint32_t tick) {
    const model::Task& t = rec.tasks[task];
    int64_t best = -1;
    auto seg = std::partition_point(t.segments.begin(), t.segments.end(),
                                    [&](const model::Segment& s) { return s.begin_tick <= tick; });
    if (seg != t.segments.end()) best = seg->begin_tick;
    auto m = std::partition_point(t.markers.begin(), t.markers.end(),
                                  [&](uint32_t i) { return rec.markers[i].tick <= tick; });
    if (m != t.markers.end() && (best < 0 || rec.markers[*m].tick < best)) best = rec.markers[*m].tick;
    if (best < 0 && tick < t.created_tick) best = t.created_tick;
    return best;
}

int64_t prev_task_event(const model::Recording& rec, uint32_t task, uint32_t tick) {
    const model::Task& t = rec.tasks[task];
    int64_t best = -1;
    auto seg = std::partition_point(t.segments.begin(), t.segments.end(),
                                    [&](const model::Segment& s) { return s.begin_tick < tick; });
    if (seg != t.segments.begin()) best = std::prev(seg)->begin_tick;
    auto m = std::partition_point(t.markers.begin(), t.markers.end(),
                                  [&](uint32_t i) { return rec.markers[i].tick < tick; });
    if (m != t.markers.begin()) best = std::max<int64_t>(best, rec.markers[*std::prev(m)].tick);
    return best;
}

bool button(const char* label, const char* tip, bool enabled = true) {
    if (!enabled) ImGui::BeginDisabled();
    bool pressed = ImGui::Button(label);
    if (!enabled) ImGui::EndDisabled();
    if (tip && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tip);
    return pressed && enabled;
}

// The scrub bar: the whole run, prints as small marks, the current tick as a handle.
void scrub_bar(App& app, const model::Recording& rec) {
    Moment& m = app.moment();
    const Theme& th = theme();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x, h = ImGui::GetFrameHeight();
    ImGui::InvisibleButton("##scrub", ImVec2(w, h));
    const float x0 = p.x + 6, x1 = p.x + w - 6;
    const double span = std::max<uint32_t>(1, rec.end_tick);
    if (ImGui::IsItemActive()) {
        const double f = std::clamp((ImGui::GetIO().MousePos.x - x0) / (x1 - x0), 0.0f, 1.0f);
        m.request(int64_t(std::lround(f * span)));
        app.transport().playing = false;
    }
    if (ImGui::IsItemHovered()) {
        const double f = std::clamp((ImGui::GetIO().MousePos.x - x0) / (x1 - x0), 0.0f, 1.0f);
        const uint32_t t = uint32_t(std::lround(f * span));
        ImGui::SetTooltip("tick %u, t=%s", t, format_clock(rec.time_of_tick(t)).c_str());
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float cy = p.y + h * 0.5f;
    dl->AddRectFilled(ImVec2(x0, cy - 3), ImVec2(x1, cy + 3), ImGui::GetColorU32(ImGuiCol_FrameBg), 3);
    const float cx = x0 + float(m.tick / span) * (x1 - x0);
    dl->AddRectFilled(ImVec2(x0, cy - 3), ImVec2(cx, cy + 3), ImGui::GetColorU32(ImGuiCol_SliderGrab), 3);
    // Prints, at most one mark per pixel (the scan stops early on huge recordings).
    float last = -1;
    size_t looked = 0;
    for (const model::Marker& mk : rec.markers) {
        if (++looked > 200000) break;
        if (mk.kind != MarkerKind::print && mk.kind != MarkerKind::stderr_write) continue;
        const float x = x0 + float(mk.tick / span) * (x1 - x0);
        if (x - last < 1) continue;
        last = x;
        dl->AddLine(ImVec2(x, cy - h * 0.38f), ImVec2(x, cy - 4),
                    mk.kind == MarkerKind::print ? th.text_muted : th.error);
    }
    dl->AddCircleFilled(ImVec2(cx, cy), h * 0.32f, th.cursor, 16);
}

}  // namespace

void draw_transport(App& app) {
    const model::Recording* rec = app.recording();
    Moment& m = app.moment();
    TransportState& tr = app.transport();
    if (!rec) {
        ImGui::TextDisabled("No recording.");
        return;
    }
    const uint32_t t = m.tick;
    auto go = [&](int64_t tick) {
        if (tick >= 0) m.request(tick);
        tr.playing = false;
    };
    if (button("|◀", "Start of the run (Home)", t > 0)) go(0);
    ImGui::SameLine(0, 4);
    const int64_t pp = prev_print(*rec, t);
    if (button("◀ print", "Previous print", pp >= 0)) go(pp);
    ImGui::SameLine(0, 4);
    if (button("◀", "One tick back (←)", t > 0)) go(int64_t(t) - 1);
    ImGui::SameLine(0, 4);
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_Header));
    if (button(tr.playing ? " ❚❚ " : "  ▶  ", tr.playing ? "Pause (Space)" : "Play (Space)")) {
        if (!tr.playing && t >= m.end_tick) m.request(0);
        tr.playing = !tr.playing;
        tr.carry = 0;
    }
    ImGui::PopStyleColor();
    ImGui::SameLine(0, 4);
    if (button("▶", "One tick forward (→)", t < m.end_tick)) go(int64_t(t) + 1);
    ImGui::SameLine(0, 4);
    const int64_t np = next_print(*rec, t);
    if (button("print ▶", "Next print", np >= 0)) go(np);
    ImGui::SameLine(0, 4);
    if (button("▶|", "End of the run (End)", t < m.end_tick)) go(m.end_tick);
    ImGui::SameLine(0, 4);
    const bool has_task = m.selected_task >= 0 && size_t(m.selected_task) < rec->tasks.size();
    const int64_t pt = has_task ? prev_task_event(*rec, uint32_t(m.selected_task), t) : -1;
    const int64_t nt = has_task ? next_task_event(*rec, uint32_t(m.selected_task), t) : -1;
    const std::string tname = has_task ? rec->tasks[m.selected_task].name : std::string("task");
    if (button(("◀ " + tname + "##prevtask").c_str(), has_task ? "Previous event of the selected task" : "Select a task first",
               pt >= 0))
        go(pt);
    ImGui::SameLine(0, 4);
    if (button((tname + " ▶##nexttask").c_str(), has_task ? "Next event of the selected task" : "Select a task first",
               nt >= 0))
        go(nt);
    ImGui::SameLine(0, 16);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    ImGui::SliderFloat("##speed", &tr.speed, 0.5f, 200.0f, "%.1f ticks/s", ImGuiSliderFlags_Logarithmic);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Playback speed");

    // The clock, right-aligned and large: the two numbers a learner keeps looking at.
    char clock[96];
    std::snprintf(clock, sizeof clock, "t = %s", format_clock(rec->time_of_tick(t)).c_str());
    char ticks[64];
    std::snprintf(ticks, sizeof ticks, "tick %u / %u", t, m.end_tick);
    ImGui::PushFont(app.fonts().heading());
    const float cw = ImGui::CalcTextSize(clock).x;
    ImGui::PopFont();
    const float tw = ImGui::CalcTextSize(ticks).x;
    const float right = ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 10, right - cw - tw - 20));
    ImGui::PushFont(app.fonts().heading());
    ImGui::TextUnformatted(clock);
    ImGui::PopFont();
    ImGui::SameLine(0, 14);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", ticks);
    scrub_bar(app, *rec);
}

}  // namespace looplab::gui
