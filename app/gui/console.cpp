// Console: the program's output up to the current moment, each line tagged with the virtual
// time and the task that printed it (in its colour). stderr, warnings and tracebacks stand out.
#include <cstdio>
#include <string>

#include <imgui.h>

#include "gui/app.hpp"
#include "gui/panels.hpp"
#include "gui/text_format.hpp"
#include "gui/theme.hpp"

namespace looplab::gui {

namespace {

bool looks_like_warning(const std::string& s) {
    return s.find("Warning") != std::string::npos || s.find("warning:") != std::string::npos;
}

}  // namespace

void draw_console(App& app) {
    const model::Recording* rec = app.recording();
    const model::Snapshot* snap = app.snapshot();
    ConsoleState& st = app.console();
    const Theme& th = theme();
    const std::string& error = app.loaded().error;
    if (!rec && error.empty()) {
        ImGui::TextDisabled("The program's output appears here, line by line, as you step.");
        return;
    }
    const size_t n = snap ? snap->console_end : 0;
    ImGui::BeginChild("lines", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::PushFont(app.fonts().mono());
    const float time_w = ImGui::CalcTextSize("000.000 ").x;
    ImGuiListClipper clipper;
    clipper.Begin(int(n));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const model::ConsoleLine& line = rec->console[i];
            const float x = ImGui::GetCursorPosX();
            ImGui::TextDisabled("%s", format_time(line.time).c_str());
            ImGui::SameLine(x + time_w);
            if (line.task != model::kNone && line.task < rec->tasks.size()) {
                const model::Task& t = rec->tasks[line.task];
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(task_color(t.colour)));
                ImGui::TextUnformatted(("■ " + t.name).c_str());
                ImGui::PopStyleColor();
                if (ImGui::IsItemClicked()) app.moment().selected_task = line.task;
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("printed by %s at tick %u", t.name.c_str(), line.tick);
            } else {
                ImGui::TextDisabled("  (loop)");
            }
            ImGui::SameLine();
            const bool is_err = line.stream == model::Stream::err;
            ImU32 col = is_err ? (looks_like_warning(line.text) ? th.warning : th.error) : th.text;
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(col));
            ImGui::TextUnformatted(line.text.c_str());
            ImGui::PopStyleColor();
        }
    }
    // A run that could not complete says why, at the end, in red (syntax errors have no
    // console lines at all).
    if (!error.empty() && (!snap || !rec || snap->tick >= rec->end_tick || rec->console.empty())) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(th.error));
        ImGui::TextUnformatted(error.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopFont();
    if (n != st.last_count) {
        if (st.auto_scroll) ImGui::SetScrollHereY(1.0f);
        st.last_count = n;
    }
    ImGui::EndChild();
}

}  // namespace looplab::gui
