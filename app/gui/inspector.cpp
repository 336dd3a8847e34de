// Inspector: the state of everything at the current moment, from the snapshot: every task
// (state, what it waits for, its line), the ready queue in run order, the timer heap and each
// primitive (lock holder and waiters, semaphore value, event flag, queue items and waiters).
// Clicking a task selects it: the timeline, code view and transport follow it.
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
using model::TaskState;

ImVec4 colour_vec(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

// A task's name in its colour, clickable to select it.
void task_chip(App& app, uint32_t task, const char* suffix = "") {
    const model::Recording& rec = *app.recording();
    if (task == kNone || task >= rec.tasks.size()) {
        ImGui::TextDisabled("(loop)%s", suffix);
        return;
    }
    const model::Task& t = rec.tasks[task];
    ImGui::PushStyleColor(ImGuiCol_Text, colour_vec(task_color(t.colour)));
    ImGui::TextUnformatted("■");
    ImGui::PopStyleColor();
    ImGui::SameLine(0, 4);
    char label[160];
    std::snprintf(label, sizeof label, "%s%s##chip%u", t.name.c_str(), suffix, task);
    const bool selected = app.moment().selected_task == int64_t(task);
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0, 0.5f));
    if (ImGui::Selectable(label, selected, ImGuiSelectableFlags_DontClosePopups,
                          ImVec2(ImGui::CalcTextSize(t.name.c_str()).x + ImGui::CalcTextSize(suffix).x, 0)))
        app.moment().selected_task = selected ? -1 : int64_t(task);
    ImGui::PopStyleVar();
}

void task_list(App& app, const std::vector<uint32_t>& tasks, const char* empty) {
    if (tasks.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", empty);
        return;
    }
    for (size_t i = 0; i < tasks.size(); ++i) {
        ImGui::SameLine(0, i ? 8 : 6);
        if (i >= 12) {
            ImGui::TextDisabled("+%zu more", tasks.size() - i);
            break;
        }
        task_chip(app, tasks[i]);
    }
}

// "sleeping until 3 s", "waiting on Lock 1", "done", for the state column.
std::string state_text(const model::Recording& rec, const model::TaskView& v) {
    const model::Task& t = rec.tasks[v.task];
    switch (v.state) {
    case TaskState::running: return "running — holds the loop";
    case TaskState::ready: return "ready — in the ready queue";
    case TaskState::sleeping:
        return v.until < model::kNever ? "sleeping until " + format_clock(v.until) : "sleeping";
    case TaskState::waiting: {
        std::string what = rec.str(v.label);
        if (v.on == model::WaitOn::task && v.on_index != kNone) what = rec.tasks[v.on_index].name;
        if (v.on == model::WaitOn::primitive && v.on_index != kNone)
            what = rec.primitives[v.on_index].name + (what.empty() ? "" : " (" + what + ")");
        return "waiting on " + (what.empty() ? std::string("a future") : what);
    }
    case TaskState::done: return t.end == model::TaskEnd::result ? "done — returned" : "done";
    case TaskState::cancelled: return "cancelled";
    case TaskState::failed: return "failed — raised an exception";
    }
    return "";
}

ImU32 state_colour(TaskState s) {
    const Theme& th = theme();
    switch (s) {
    case TaskState::failed: return th.error;
    case TaskState::cancelled: return th.warning;
    case TaskState::done: return th.text_muted;
    default: return th.text;
    }
}

void tasks_table(App& app, const model::Recording& rec, const model::Snapshot& snap) {
    InspectorState& st = app.inspector();
    ImGui::Checkbox("hide finished", &st.only_alive);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##taskfilter", "filter tasks", st.filter, sizeof st.filter);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    const float h = std::min(ImGui::GetTextLineHeightWithSpacing() * (snap.tasks.size() + 1.6f),
                             ImGui::GetContentRegionAvail().y * 0.55f);
    if (!ImGui::BeginTable("tasks", 3, flags, ImVec2(0, std::max(h, ImGui::GetFrameHeight() * 3)))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("task", ImGuiTableColumnFlags_None, 1.0f);
    ImGui::TableSetupColumn("state", ImGuiTableColumnFlags_None, 2.2f);
    ImGui::TableSetupColumn("line", ImGuiTableColumnFlags_None, 0.35f);
    ImGui::TableHeadersRow();
    // Filtering first, so the clipper sees only the rows shown (10,000 tasks stay cheap).
    static std::vector<uint32_t> rows;
    rows.clear();
    const std::string filter = st.filter;
    for (uint32_t i = 0; i < snap.tasks.size(); ++i) {
        const model::TaskView& v = snap.tasks[i];
        if (st.only_alive && (v.state == TaskState::done || v.state == TaskState::cancelled || v.state == TaskState::failed))
            continue;
        if (!filter.empty() && rec.tasks[v.task].name.find(filter) == std::string::npos) continue;
        rows.push_back(i);
    }
    ImGuiListClipper clipper;
    clipper.Begin(int(rows.size()));
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const model::TaskView& v = snap.tasks[rows[r]];
            ImGui::TableNextRow();
            if (v.state == TaskState::running)
                ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, task_color(rec.tasks[v.task].colour, 0.22f));
            ImGui::TableNextColumn();
            task_chip(app, v.task);
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, colour_vec(state_colour(v.state)));
            ImGui::TextUnformatted(state_text(rec, v).c_str());
            ImGui::PopStyleColor();
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("since t=%s, tick %u", format_clock(v.since_time).c_str(), v.since_tick);
            ImGui::TableNextColumn();
            if (v.line)
                ImGui::Text("%u", v.line);
            else
                ImGui::TextDisabled("–");
        }
    }
    ImGui::EndTable();
}

void primitive_row(App& app, const model::Recording& rec, const model::PrimitiveView& p) {
    const model::Primitive& prim = rec.primitives[p.primitive];
    using K = model::PrimitiveKind;
    ImGui::TextUnformatted(prim.name.c_str());
    ImGui::SameLine();
    switch (p.kind) {
    case K::lock:
        if (p.holder != kNone) {
            ImGui::TextDisabled("held by");
            ImGui::SameLine();
            task_chip(app, p.holder);
        } else {
            ImGui::TextDisabled("free");
        }
        ImGui::Indent();
        ImGui::TextDisabled("waiters:");
        task_list(app, p.waiters, "none");
        ImGui::Unindent();
        break;
    case K::semaphore:
    case K::bounded_semaphore:
        ImGui::TextDisabled("value %lld", static_cast<long long>(p.value));
        ImGui::Indent();
        ImGui::TextDisabled("waiters:");
        task_list(app, p.waiters, "none");
        ImGui::Unindent();
        break;
    case K::event:
        ImGui::TextDisabled(p.flag ? "set" : "not set");
        ImGui::Indent();
        ImGui::TextDisabled("waiters:");
        task_list(app, p.waiters, "none");
        ImGui::Unindent();
        break;
    case K::condition:
        ImGui::Indent();
        ImGui::TextDisabled("waiters:");
        task_list(app, p.waiters, "none");
        ImGui::Unindent();
        break;
    case K::queue:
    case K::priority_queue:
    case K::lifo_queue: {
        ImGui::TextDisabled("%u item%s, %lld unfinished", p.size, p.size == 1 ? "" : "s",
                            static_cast<long long>(p.unfinished));
        ImGui::Indent();
        if (!p.items.empty()) {
            std::string items;
            for (size_t i = 0; i < p.items.size(); ++i) items += (i ? ", " : "") + p.items[i];
            if (p.size > p.items.size()) items += ", …";
            ImGui::TextWrapped("[%s]", items.c_str());
        }
        ImGui::TextDisabled("getters:");
        task_list(app, p.waiters, "none");
        ImGui::TextDisabled("putters:");
        task_list(app, p.putters, "none");
        if (!p.joiners.empty()) {
            ImGui::TextDisabled("join():");
            task_list(app, p.joiners, "none");
        }
        ImGui::Unindent();
        break;
    }
    case K::other:
        ImGui::NewLine();
        break;
    }
}

}  // namespace

void draw_inspector(App& app) {
    const model::Recording* rec = app.recording();
    const model::Snapshot* snap = app.snapshot();
    if (!rec || !snap) {
        ImGui::TextDisabled("Nothing loaded.");
        return;
    }
    // Who holds the loop right now: the one line that answers "what is happening".
    if (snap->holder != kNone) {
        ImGui::TextDisabled("holding the loop:");
        ImGui::SameLine();
        task_chip(app, snap->holder);
    } else {
        ImGui::TextDisabled(rec->last_tick == 0 && !app.loaded().error.empty() ? "The scenario did not run: see the error."
                            : snap->tick == 0 ? "Before the first step: press ▶ or →."
                                            : snap->tick >= rec->end_tick ? "The run is over." : "The loop is between steps.");
    }
    if (ImGui::BeginTabBar("insp")) {
        char tab[64];
        std::snprintf(tab, sizeof tab, "Tasks (%zu)###tasks", snap->tasks.size());
        if (ImGui::BeginTabItem(tab)) {
            tasks_table(app, *rec, *snap);
            ImGui::TextDisabled("ready queue:");
            std::vector<uint32_t> ready;
            size_t callbacks = 0;
            for (const auto& r : snap->ready)
                if (r.is_task) ready.push_back(r.task); else ++callbacks;
            task_list(app, ready, "empty");
            if (callbacks) {
                ImGui::SameLine();
                ImGui::TextDisabled("+ %zu callback%s", callbacks, callbacks == 1 ? "" : "s");
            }
            ImGui::TextDisabled("timers:");
            if (snap->timers.empty()) {
                ImGui::SameLine();
                ImGui::TextDisabled("none");
            }
            for (size_t i = 0; i < snap->timers.size() && i < 50; ++i) {
                const auto& tv = snap->timers[i];
                ImGui::Text("  %s", format_clock(tv.due).c_str());
                ImGui::SameLine();
                ImGui::TextDisabled("%s", rec->str(tv.label).c_str());
                if (tv.task != kNone) {
                    ImGui::SameLine();
                    task_chip(app, tv.task);
                }
            }
            ImGui::EndTabItem();
        }
        std::snprintf(tab, sizeof tab, "Primitives (%zu)###prims", snap->primitives.size());
        if (ImGui::BeginTabItem(tab)) {
            if (snap->primitives.empty()) ImGui::TextDisabled("No locks, semaphores, events or queues yet.");
            ImGui::BeginChild("prims");
            for (const auto& p : snap->primitives) {
                ImGui::PushID(int(p.primitive));
                primitive_row(app, *rec, p);
                ImGui::Separator();
                ImGui::PopID();
            }
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
}

}  // namespace looplab::gui
