// The lesson's text beside the code, section by section (lessons/README.md): paragraphs are
// re-flowed to the panel's width, `- ` starts a bullet, backquotes mark code. The learner's
// own tasks ("On the timeline", "Predict", "Try this") get a coloured heading, and the
// "Answer" stays hidden behind a button until the learner has made a prediction.
#include <string>
#include <string_view>

#include <imgui.h>

#include "gui/app.hpp"
#include "gui/panels.hpp"
#include "gui/theme.hpp"

namespace looplab::gui {

namespace {

// Markup shown as plain text: `code` and **bold** / *emphasis* marks are dropped.
std::string strip_marks(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '`') continue;
        // A `*` touching a word is emphasis; one between spaces (2 * 3) is text.
        const bool space_before = i == 0 || s[i - 1] == ' ', space_after = i + 1 >= s.size() || s[i + 1] == ' ';
        if (s[i] == '*' && !(space_before && space_after)) continue;
        out += s[i];
    }
    return out;
}

// Paragraphs and bullets: consecutive lines join into one wrapped text.
void draw_flowing_text(std::string_view text) {
    std::string para;
    bool bullet = false;
    auto flush = [&]() {
        if (para.empty()) return;
        if (bullet) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", strip_marks(para).c_str());
        } else {
            ImGui::TextWrapped("%s", strip_marks(para).c_str());
            ImGui::Spacing();
        }
        para.clear();
    };
    size_t start = 0;
    while (start <= text.size()) {
        size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(start, nl - start);
        start = nl + 1;
        const size_t first = line.find_first_not_of(' ');
        if (first == std::string_view::npos) {
            flush();
            bullet = false;
            if (nl == text.size()) break;
            continue;
        }
        if (line.substr(first, 2) == "- ") {
            flush();
            bullet = true;
            para = std::string(line.substr(first + 2));
        } else {
            if (!para.empty()) para += ' ';
            para += std::string(line.substr(first));
        }
        if (nl == text.size()) break;
    }
    flush();
}

bool is_learner_task(const std::string& name) {
    return name == "On the timeline" || name == "Predict" || name == "Try this";
}

}  // namespace

void draw_lesson_text(App& app) {
    LessonsState& st = app.lessons_state();
    const LessonCatalog& cat = app.catalog();
    if (st.lesson < 0 || st.lesson >= int(cat.lessons.size())) {
        ImGui::TextWrapped("Welcome to LoopLab. Choose a lesson above: its text appears here, its code in the "
                           "middle, and below, tick by tick, which task holds the event loop.");
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("Space plays and pauses; ← and → step one tick.");
        ImGui::PopStyleColor();
        return;
    }
    const Lesson& l = cat.lessons[st.lesson];
    const Theme& th = theme();
    ImGui::PushFont(app.fonts().heading());
    ImGui::TextWrapped("%s", l.title.c_str());
    ImGui::PopFont();
    if (!l.summary.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", strip_marks(l.summary).c_str());
        ImGui::PopStyleColor();
    }
    for (const LessonSection& s : l.sections) {
        ImGui::Spacing();
        if (s.name == "Answer") {
            if (!st.show_answer) {
                if (ImGui::Button("Show the answer")) st.show_answer = true;
                continue;
            }
        }
        if (s.name != "Lesson") {
            ImGui::PushFont(app.fonts().heading());
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(is_learner_task(s.name) ? th.warning : th.text));
            ImGui::TextUnformatted(s.name.c_str());
            ImGui::PopStyleColor();
            ImGui::PopFont();
        }
        draw_flowing_text(s.text);
    }
    if (l.sections.empty()) ImGui::TextDisabled("This lesson has no text yet: its scenarios are listed above.");
}

}  // namespace looplab::gui
