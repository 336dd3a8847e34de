// Code view: the scenario with line numbers and syntax colours. Each task's current line
// carries a dot in the task's colour in the gutter; the running task's line is highlighted.
// Hovering a dot names the tasks and what they wait for. A scenario that failed shows the
// error at its line.
#include <algorithm>
#include <cstdio>
#include <map>
#include <regex>
#include <string>

#include <imgui.h>

#include "gui/app.hpp"
#include "gui/panels.hpp"
#include "gui/syntax.hpp"
#include "gui/text_format.hpp"
#include "gui/theme.hpp"

namespace looplab::gui {

namespace {

using model::kNone;
using model::TaskState;

ImU32 token_colour(TokenKind k) {
    const bool dark = theme().kind == ThemeKind::dark;
    switch (k) {
    case TokenKind::keyword: return dark ? IM_COL32(198, 146, 233, 255) : IM_COL32(143, 52, 186, 255);
    case TokenKind::async_kw: return dark ? IM_COL32(255, 160, 90, 255) : IM_COL32(196, 84, 0, 255);
    case TokenKind::builtin: return dark ? IM_COL32(102, 200, 230, 255) : IM_COL32(0, 110, 160, 255);
    case TokenKind::string: return dark ? IM_COL32(152, 205, 120, 255) : IM_COL32(40, 125, 40, 255);
    case TokenKind::number: return dark ? IM_COL32(230, 200, 110, 255) : IM_COL32(150, 110, 0, 255);
    case TokenKind::comment: return dark ? IM_COL32(125, 135, 150, 255) : IM_COL32(110, 119, 129, 255);
    case TokenKind::decorator: return dark ? IM_COL32(230, 200, 110, 255) : IM_COL32(150, 110, 0, 255);
    case TokenKind::function: return dark ? IM_COL32(97, 175, 239, 255) : IM_COL32(0, 92, 197, 255);
    case TokenKind::text: break;
    }
    return theme().text;
}

// The colouring depends only on the text: kept between frames.
struct Cache {
    std::string source;
    SourceLines lines;
    int error_line = 0;
    std::string error;
};

const Cache& cached(const LoadedScenario& loaded) {
    static Cache c;
    if (c.source != loaded.source || c.error != loaded.error) {
        c.source = loaded.source;
        c.lines = split_and_colour(c.source);
        c.error = loaded.error;
        c.error_line = 0;
        // The last `line N` of the error that refers to this file (tracebacks end at the
        // innermost frame; syntax errors name one line).
        const std::string file = loaded.path.substr(loaded.path.find_last_of('/') + 1);
        std::regex re("File \"([^\"]*)\", line ([0-9]+)|line ([0-9]+)");
        for (auto it = std::sregex_iterator(c.error.begin(), c.error.end(), re); it != std::sregex_iterator(); ++it) {
            const auto& m = *it;
            if (m[1].matched && m[1].str().find(file) == std::string::npos && m[1].str() != loaded.path) continue;
            c.error_line = std::stoi(m[2].matched ? m[2].str() : m[3].str());
        }
        if (loaded.error_line > 0) c.error_line = loaded.error_line;  // the recorder knows best
    }
    return c;
}

bool same_file(const model::Recording& rec, uint32_t file) {
    if (file == 0) return true;
    const std::string& f = rec.str(file);
    if (f == rec.source_path) return true;
    const std::string base = rec.source_path.substr(rec.source_path.find_last_of('/') + 1);
    return f.size() >= base.size() && f.compare(f.size() - base.size(), base.size(), base) == 0;
}

std::string waits_text(const model::Recording& rec, const model::TaskView& v) {
    switch (v.state) {
    case TaskState::running: return "running";
    case TaskState::ready: return "ready";
    case TaskState::sleeping: return v.until < model::kNever ? "sleeping until " + format_clock(v.until) : "sleeping";
    case TaskState::waiting: {
        if (v.on == model::WaitOn::task && v.on_index != kNone) return "waiting on " + rec.tasks[v.on_index].name;
        if (v.on == model::WaitOn::primitive && v.on_index != kNone) return "waiting on " + rec.primitives[v.on_index].name;
        const std::string& l = rec.str(v.label);
        return l.empty() ? "waiting" : "waiting on " + l;
    }
    default: return task_state_name(v.state);
    }
}

}  // namespace

void draw_code_view(App& app) {
    const LoadedScenario& loaded = app.loaded();
    if (loaded.source.empty() && loaded.error.empty()) {
        ImGui::TextDisabled("Choose a lesson on the left, or run `looplab FILE.py`.");
        return;
    }
    const Cache& c = cached(loaded);
    const model::Recording* rec = app.recording();
    const model::Snapshot* snap = app.snapshot();
    const Theme& th = theme();
    CodeViewState& st = app.code_view();

    // Tasks per line at this moment (finished tasks have no line to be at).
    std::map<uint32_t, std::vector<uint32_t>> at_line;  // line -> TaskView index
    uint32_t running_line = 0, selected_line = 0;
    if (rec && snap) {
        for (uint32_t i = 0; i < snap->tasks.size(); ++i) {
            const model::TaskView& v = snap->tasks[i];
            if (!v.line || !same_file(*rec, v.file) || v.state == TaskState::done || v.state == TaskState::cancelled ||
                v.state == TaskState::failed)
                continue;
            at_line[v.line].push_back(i);
            if (v.task == snap->holder) running_line = v.line;
            if (int64_t(v.task) == app.moment().selected_task) selected_line = v.line;
        }
    }
    // Follow: the selected task's line if there is one, else the running task's.
    const int follow = int(selected_line ? selected_line : running_line);
    if (follow && follow != st.last_followed_line) st.scroll_to_line = follow;
    st.last_followed_line = follow;

    ImGui::PushFont(app.fonts().mono());
    const float line_h = ImGui::GetTextLineHeight() + 2;
    const float char_w = ImGui::CalcTextSize("0").x;
    const int digits = std::max(3, int(std::to_string(c.lines.lines.size()).size()));
    const float dots_w = line_h * 4.2f;  // three dots and a "+n" count
    const float num_w = char_w * float(digits + 1);
    const float text_x = dots_w + num_w + char_w;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const float width = std::max(ImGui::GetContentRegionAvail().x, 0.0f);

    if (st.scroll_to_line > 0) {
        const float y = (st.scroll_to_line - 1) * line_h;
        const float top = ImGui::GetScrollY(), h = ImGui::GetWindowHeight() - ImGui::GetFrameHeight() * 2;
        if (y < top + line_h || y > top + h - line_h * 2) ImGui::SetScrollY(std::max(0.0f, y - h * 0.35f));
        st.scroll_to_line = -1;
    }

    const int n = int(c.lines.lines.size());
    // Rows exactly line_h apart: the clipper and the scroll-to-line arithmetic rely on it.
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0));
    ImGuiListClipper clipper;
    clipper.Begin(n, line_h);
    while (clipper.Step()) {
        for (int li = clipper.DisplayStart; li < clipper.DisplayEnd; ++li) {
            const uint32_t lineno = uint32_t(li + 1);
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const std::string& text = c.lines.lines[li];
            // Backgrounds: the running task's line, the error line.
            if (lineno == running_line && snap && snap->holder != kNone) {
                const ImU32 tc = task_color(rec->tasks[snap->holder].colour);
                dl->AddRectFilled(ImVec2(p.x + dots_w, p.y), ImVec2(p.x + std::max(width, text_x + char_w * text.size()), p.y + line_h),
                                  task_color(rec->tasks[snap->holder].colour, 0.20f));
                dl->AddRectFilled(ImVec2(p.x + dots_w, p.y), ImVec2(p.x + dots_w + 3, p.y + line_h), tc);
            }
            if (int(lineno) == c.error_line)
                dl->AddRectFilled(ImVec2(p.x + dots_w, p.y), ImVec2(p.x + std::max(width, text_x + char_w * text.size()), p.y + line_h),
                                  (th.error & 0x00FFFFFF) | 0x40000000);
            if (lineno == selected_line && selected_line != running_line)
                dl->AddRect(ImVec2(p.x + dots_w, p.y), ImVec2(p.x + std::max(width, text_x + char_w * text.size()), p.y + line_h),
                            th.selection);
            // Gutter: a dot per task at this line (up to three, then "+n").
            auto it = at_line.find(lineno);
            if (it != at_line.end()) {
                const auto& vs = it->second;
                const float r = line_h * 0.3f;
                for (size_t k = 0; k < vs.size() && k < 3; ++k) {
                    const model::TaskView& v = snap->tasks[vs[k]];
                    const ImVec2 cpos(p.x + dots_w - r - 2 - float(k) * (r * 2 + 2), p.y + line_h * 0.5f);
                    const ImU32 col = task_color(rec->tasks[v.task].colour);
                    if (v.state == TaskState::running || v.state == TaskState::ready)
                        dl->AddCircleFilled(cpos, r, col, 12);
                    else
                        dl->AddCircle(cpos, r - 0.5f, col, 12, 2.0f);
                }
                if (vs.size() > 3) {
                    char more[16];
                    std::snprintf(more, sizeof more, "+%zu", vs.size() - 3);
                    dl->AddText(ImVec2(p.x, p.y), th.text_muted, more);
                }
                if (mouse.y >= p.y && mouse.y < p.y + line_h && mouse.x >= p.x && mouse.x < p.x + dots_w &&
                    ImGui::IsWindowHovered()) {
                    ImGui::PopFont();
                    ImGui::BeginTooltip();
                    for (size_t k = 0; k < vs.size() && k < 20; ++k) {
                        const model::TaskView& v = snap->tasks[vs[k]];
                        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(task_color(rec->tasks[v.task].colour)), "■ %s",
                                           rec->tasks[v.task].name.c_str());
                        ImGui::SameLine();
                        ImGui::TextUnformatted(waits_text(*rec, v).c_str());
                    }
                    if (vs.size() > 20) ImGui::TextDisabled("and %zu more", vs.size() - 20);
                    ImGui::EndTooltip();
                    ImGui::PushFont(app.fonts().mono());
                }
            }
            char num[16];
            std::snprintf(num, sizeof num, "%*u", digits, lineno);
            dl->AddText(ImVec2(p.x + dots_w, p.y + 1), lineno == running_line ? th.text : th.text_muted, num);
            // Text: plain, then the coloured tokens over their columns (monospace).
            const float tx = p.x + text_x;
            size_t pos = 0;
            for (const Token& t : c.lines.tokens[li]) {
                if (t.begin > pos)
                    dl->AddText(ImVec2(tx + ImGui::CalcTextSize(text.c_str(), text.c_str() + pos).x, p.y + 1), th.text,
                                text.c_str() + pos, text.c_str() + t.begin);
                dl->AddText(ImVec2(tx + ImGui::CalcTextSize(text.c_str(), text.c_str() + t.begin).x, p.y + 1),
                            token_colour(t.kind), text.c_str() + t.begin, text.c_str() + t.end);
                pos = t.end;
            }
            if (pos < text.size())
                dl->AddText(ImVec2(tx + ImGui::CalcTextSize(text.c_str(), text.c_str() + pos).x, p.y + 1), th.text,
                            text.c_str() + pos, text.c_str() + text.size());
            ImGui::Dummy(ImVec2(text_x + ImGui::CalcTextSize(text.c_str()).x + char_w, line_h));
        }
    }
    ImGui::PopStyleVar();
    ImGui::PopFont();
    if (!loaded.error.empty()) {
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(th.error));
        if (c.error_line) ImGui::Text("Line %d:", c.error_line);
        ImGui::PushFont(app.fonts().mono());
        ImGui::TextUnformatted(loaded.error.c_str());
        ImGui::PopFont();
        ImGui::PopStyleColor();
    }
}

}  // namespace looplab::gui
