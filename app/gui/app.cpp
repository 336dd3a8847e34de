#include "gui/app.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include <imgui.h>

#include "gui/panels.hpp"
#include "gui/theme.hpp"

namespace looplab::gui {

App::App(Platform& platform, ScenarioLoader loader, AppOptions options)
    : platform_(platform), loader_(std::move(loader)), options_(std::move(options)) {
    if (!options_.settings_path.empty()) {
        settings_ = load_settings(options_.settings_path);
        // ImGui keeps a pointer to the name: it must live as long as the App. It saves every
        // few seconds, so the directory must exist from the start.
        std::error_code ec;
        std::filesystem::create_directories(std::filesystem::path(options_.settings_path).parent_path(), ec);
        imgui_ini_ = (std::filesystem::path(options_.settings_path).parent_path() / "imgui.ini").string();
        ImGui::GetIO().IniFilename = imgui_ini_.c_str();
    }
    transport_.speed = settings_.speed;
    timeline_.tick_axis = settings_.tick_axis;
    timeline_.show_flows = settings_.show_flows;
    const float scale = platform_.content_scale();
    apply_theme(settings_.dark ? ThemeKind::dark : ThemeKind::light, scale);
    catalog_ = options_.lessons;
    for (const auto& lesson : catalog_.lessons) {
        fonts_.need_glyphs(lesson.title);
        for (const auto& s : lesson.sections) fonts_.need_glyphs(s.text);
    }
    fonts_.build(settings_.font_size, scale);
    platform_.reload_font_texture();
}

void App::set_theme(bool dark) {
    settings_.dark = dark;
    apply_theme(dark ? ThemeKind::dark : ThemeKind::light, platform_.content_scale());
}

void App::save() {
    if (options_.settings_path.empty()) return;
    settings_.speed = transport_.speed;
    settings_.tick_axis = timeline_.tick_axis;
    settings_.show_flows = timeline_.show_flows;
    save_settings(settings_, options_.settings_path);
}

void App::set_loaded(LoadedScenario loaded) {
    loaded_ = std::move(loaded);
    snapshot_.reset();
    snapshot_tick_ = UINT32_MAX;
    fonts_.need_glyphs(loaded_.source);
    fonts_.need_glyphs(loaded_.error);
    moment_ = Moment{};
    transport_.playing = false;
    timeline_.fit = true;
    timeline_.scroll_y = 0;
    console_.last_count = 0;
    if (const model::Recording* rec = recording()) {
        moment_.end_tick = rec->end_tick;
        for (const auto& line : rec->console) fonts_.need_glyphs(line.text);
        for (const auto& task : rec->tasks) fonts_.need_glyphs(task.name);
    }
    apply_jump();
}

void App::open_file(const std::string& path) {
    if (!loader_) return;
    set_loaded(loader_(path));
    settings_.last_scenario = path;
}

void App::open_lesson(int lesson, int scenario) {
    if (lesson < 0 || lesson >= int(catalog_.lessons.size())) return;
    const Lesson& l = catalog_.lessons[lesson];
    if (lessons_state_.lesson != lesson) lessons_state_.show_answer = false;
    lessons_state_.lesson = lesson;
    lessons_state_.scenario = -1;
    settings_.last_lesson = l.id;
    if (scenario >= 0 && scenario < int(l.scenarios.size())) {
        lessons_state_.scenario = scenario;
        open_file(l.scenarios[scenario].path);
    }
}

void App::apply_jump() {
    const model::Recording* rec = recording();
    if (!rec) return;
    if (moment_.jump_to >= 0) {
        moment_.tick = uint32_t(std::min<int64_t>(moment_.jump_to, moment_.end_tick));
        moment_.jump_to = -1;
    }
    if (moment_.tick != snapshot_tick_) {
        if (!snapshot_) snapshot_.emplace();
        rec->snapshot_at(moment_.tick, *snapshot_);  // reuses the previous snapshot's memory
        snapshot_tick_ = moment_.tick;
    }
}

void App::before_frame() {
    if (fonts_.rebuild_if_needed()) platform_.reload_font_texture();
}

void App::play(double dt) {
    if (!transport_.playing) return;
    if (moment_.tick >= moment_.end_tick) {
        transport_.playing = false;
        return;
    }
    transport_.carry += dt * transport_.speed;
    if (transport_.carry >= 1.0) {
        double whole = std::floor(transport_.carry);
        transport_.carry -= whole;
        moment_.request(int64_t(moment_.tick) + int64_t(whole));
    }
}

void App::handle_keys() {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    auto pressed = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), true); };
    const int64_t t = moment_.tick;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) {
        if (!transport_.playing && moment_.tick >= moment_.end_tick) moment_.request(0);
        transport_.playing = !transport_.playing;
        transport_.carry = 0;
    }
    if (pressed(ImGuiKey_RightArrow)) moment_.request(t + 1), transport_.playing = false;
    if (pressed(ImGuiKey_LeftArrow)) moment_.request(std::max<int64_t>(0, t - 1)), transport_.playing = false;
    if (pressed(ImGuiKey_Home)) moment_.request(0), transport_.playing = false;
    if (pressed(ImGuiKey_End)) moment_.request(moment_.end_tick), transport_.playing = false;
    // Letters: ImGui 1.86 indexes KeysDown by the backend's key codes, which are ASCII for
    // letters in GLFW.
    if (ImGui::IsKeyPressed('T', false)) timeline_.tick_axis = !timeline_.tick_axis;
    if (ImGui::IsKeyPressed('F', false)) timeline_.fit = true;
}

void App::draw_menu_bar() {
    if (!ImGui::BeginMainMenuBar()) return;
    ImGui::PushFont(fonts_.heading());
    ImGui::TextUnformatted("LoopLab");
    ImGui::PopFont();
    if (ImGui::BeginMenu("Lessons")) {
        for (size_t i = 0; i < catalog_.lessons.size(); ++i) {
            const Lesson& l = catalog_.lessons[i];
            if (ImGui::MenuItem(l.title.c_str(), nullptr, lessons_state_.lesson == int(i))) open_lesson(int(i), 0);
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        if (ImGui::MenuItem("Dark theme", nullptr, settings_.dark)) set_theme(true);
        if (ImGui::MenuItem("Light theme", nullptr, !settings_.dark)) set_theme(false);
        ImGui::Separator();
        ImGui::MenuItem("Timeline: one column per tick", "T", &timeline_.tick_axis);
        ImGui::MenuItem("Timeline: wake-up arrows", nullptr, &timeline_.show_flows);
        if (ImGui::MenuItem("Timeline: fit the whole run", "F")) timeline_.fit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        ImGui::TextUnformatted("Space  play / pause\n"
                               "← →    one tick back / forward\n"
                               "Home   start,  End  end of the run\n"
                               "T      switch the timeline axis (time / tick)\n"
                               "F      fit the whole run in the timeline\n"
                               "Timeline: wheel zooms around the mouse, drag pans,\n"
                               "click jumps to that moment, click a lane name to select it.");
        ImGui::EndMenu();
    }
    if (!loaded_.path.empty()) {
        std::string name = std::filesystem::path(loaded_.path).filename().string();
        ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(name.c_str()).x - 16);
        ImGui::TextDisabled("%s", name.c_str());
    }
    ImGui::EndMainMenuBar();
}

namespace {

constexpr ImGuiWindowFlags kPanelFlags =
    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;

// A panel window at a fixed place: the layout is computed each frame from the window size and
// the remembered proportions (settings.ini), so it survives resizing and restarts.
bool begin_panel(const char* title, ImVec2 pos, ImVec2 size, ImGuiWindowFlags extra = 0) {
    ImGui::SetNextWindowPos(pos, ImGuiCond_Always);
    ImGui::SetNextWindowSize(size, ImGuiCond_Always);
    return ImGui::Begin(title, nullptr, kPanelFlags | extra);
}

// A thin draggable strip between panels; changes `ratio` by the drag over `extent` pixels.
void splitter(const char* id, ImVec2 pos, ImVec2 size, bool vertical, float& ratio, float extent, float sign,
              float lo, float hi) {
    ImGui::SetNextWindowPos(pos, ImGuiCond_Always);
    ImGui::SetNextWindowSize(size, ImGuiCond_Always);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, ImVec2(1, 1));
    ImGui::Begin(id, nullptr,
                 kPanelFlags | ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::InvisibleButton("##split", size);
    if (ImGui::IsItemHovered() || ImGui::IsItemActive())
        ImGui::SetMouseCursor(vertical ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
    if (ImGui::IsItemActive()) {
        float d = vertical ? ImGui::GetIO().MouseDelta.x : ImGui::GetIO().MouseDelta.y;
        ratio = std::clamp(ratio + sign * d / extent, lo, hi);
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
}

}  // namespace

void App::draw(double dt) {
    ImGui::NewFrame();
    handle_keys();
    play(dt);
    apply_jump();

    draw_menu_bar();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float gap = 4;
    const ImVec2 o(vp->WorkPos.x, vp->WorkPos.y);
    const float W = vp->WorkSize.x, H = vp->WorkSize.y;
    Settings& s = settings_;
    const float bottom_h = std::round(H * s.bottom_height);
    const float top_h = H - bottom_h - gap;
    const float left_w = std::round(W * s.left_width), right_w = std::round(W * s.right_width);
    const float mid_w = W - left_w - right_w - 2 * gap;
    const float lessons_h = std::round(top_h * s.lessons_height);
    const float insp_h = std::round(top_h * s.inspector_height);
    const float transport_h = std::round(ImGui::GetFrameHeight() * 2 + ImGui::GetStyle().WindowPadding.y * 2 + 6);

    if (begin_panel("Lessons", o, ImVec2(left_w, lessons_h))) draw_lessons_panel(*this);
    ImGui::End();
    if (begin_panel("Lesson", ImVec2(o.x, o.y + lessons_h + gap), ImVec2(left_w, top_h - lessons_h - gap)))
        draw_lesson_text(*this);
    ImGui::End();
    std::string code_title = "Code";
    if (!loaded_.path.empty()) code_title += " — " + std::filesystem::path(loaded_.path).filename().string();
    code_title += "###code";
    if (begin_panel(code_title.c_str(), ImVec2(o.x + left_w + gap, o.y), ImVec2(mid_w, top_h),
                    ImGuiWindowFlags_HorizontalScrollbar))
        draw_code_view(*this);
    ImGui::End();
    const float rx = o.x + left_w + mid_w + 2 * gap;
    if (begin_panel("Inspector", ImVec2(rx, o.y), ImVec2(right_w, insp_h))) draw_inspector(*this);
    ImGui::End();
    if (begin_panel("Console", ImVec2(rx, o.y + insp_h + gap), ImVec2(right_w, top_h - insp_h - gap)))
        draw_console(*this);
    ImGui::End();
    const float by = o.y + top_h + gap;
    if (begin_panel("Transport", ImVec2(o.x, by), ImVec2(W, transport_h), ImGuiWindowFlags_NoTitleBar))
        draw_transport(*this);
    ImGui::End();
    if (begin_panel("Timeline", ImVec2(o.x, by + transport_h + gap), ImVec2(W, bottom_h - transport_h - gap),
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse))
        draw_timeline(*this);
    ImGui::End();

    // Splitters last, so they sit on top of the panels' edges.
    splitter("##split_left", ImVec2(o.x + left_w, o.y), ImVec2(gap, top_h), true, s.left_width, W, 1, 0.12f, 0.45f);
    splitter("##split_right", ImVec2(rx - gap, o.y), ImVec2(gap, top_h), true, s.right_width, W, -1, 0.15f, 0.5f);
    splitter("##split_bottom", ImVec2(o.x, o.y + top_h), ImVec2(W, gap), false, s.bottom_height, H, -1, 0.2f, 0.75f);
    splitter("##split_lessons", ImVec2(o.x, o.y + lessons_h), ImVec2(left_w, gap), false, s.lessons_height, top_h, 1,
             0.1f, 0.85f);
    splitter("##split_insp", ImVec2(rx, o.y + insp_h), ImVec2(right_w, gap), false, s.inspector_height, top_h, 1,
             0.15f, 0.85f);

    // Panels may have asked for a new moment (click on the timeline, a transport button).
    apply_jump();
    ImGui::Render();
}

void App::frame(double dt) {
    before_frame();
    platform_.new_frame();
    draw(dt);
    const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(theme().background);
    const float clear[4] = {bg.x, bg.y, bg.z, 1.0f};
    platform_.render(clear);
}

}  // namespace looplab::gui
