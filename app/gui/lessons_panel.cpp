// Lessons browser: chapters -> lessons -> scenarios, from lessons/ (lesson_files.cpp reads it).
// Choosing a scenario runs and records it (app/record.cpp) and shows it from tick 0.
#include <imgui.h>

#include "gui/app.hpp"
#include "gui/panels.hpp"
#include "gui/theme.hpp"

namespace looplab::gui {

void draw_lessons_panel(App& app) {
    const LessonCatalog& cat = app.catalog();
    LessonsState& st = app.lessons_state();
    if (cat.lessons.empty()) {
        ImGui::TextDisabled("No lessons found%s%s.", cat.dir.empty() ? "" : " in ", cat.dir.c_str());
    }
    for (const std::string& p : cat.problems) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme().warning));
        ImGui::TextWrapped("%s", p.c_str());
        ImGui::PopStyleColor();
    }
    std::string chapter;
    bool chapter_open = true;
    for (size_t i = 0; i < cat.lessons.size(); ++i) {
        const Lesson& l = cat.lessons[i];
        if (l.chapter != chapter) {
            if (!chapter.empty() && chapter_open) ImGui::TreePop();
            chapter = l.chapter;
            ImGui::SetNextItemOpen(true, ImGuiCond_Once);
            chapter_open = ImGui::TreeNodeEx(chapter.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth);
        }
        if (!chapter_open) continue;
        const bool current = st.lesson == int(i);
        if (current) ImGui::SetNextItemOpen(true);
        ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_SpanAvailWidth | ImGuiTreeNodeFlags_OpenOnArrow;
        if (current) flags |= ImGuiTreeNodeFlags_Selected;
        const bool open = ImGui::TreeNodeEx(l.id.c_str(), flags, "%s", l.title.c_str());
        // A lesson opened elsewhere (command line, last session) scrolls into view once.
        if (current && st.scrolled_to != st.lesson) {
            ImGui::SetScrollHereY(0.2f);
            st.scrolled_to = st.lesson;
        }
        if (ImGui::IsItemClicked() && !ImGui::IsItemToggledOpen() && !current) app.open_lesson(int(i), 0);
        if (open) {
            for (size_t k = 0; k < l.scenarios.size(); ++k) {
                const bool sel = current && st.scenario == int(k);
                ImGui::PushID(int(k));
                if (ImGui::Selectable(l.scenarios[k].name.c_str(), sel)) app.open_lesson(int(i), int(k));
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", l.scenarios[k].path.c_str());
                ImGui::PopID();
            }
            ImGui::TreePop();
        }
    }
    if (!chapter.empty() && chapter_open) ImGui::TreePop();
}

}  // namespace looplab::gui
