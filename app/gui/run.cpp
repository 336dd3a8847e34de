// The GUI's entry points for the `looplab` commands: the window, and one offscreen frame to
// a PNG.
#include <chrono>
#include <filesystem>
#include <iostream>

#include <imgui.h>

#include "gui/app.hpp"
#include "gui/screenshot.hpp"
#include "gui/settings.hpp"

namespace looplab::gui {

namespace {

// Opens a lesson's first scenario or `file` (a FILE.py given on the command line wins).
void open_initial(App& app, const std::string& file) {
    if (!file.empty()) {
        app.open_file(file);
        // If the file belongs to a lesson, show that lesson's text too.
        namespace fs = std::filesystem;
        std::error_code ec;
        const fs::path want = fs::weakly_canonical(file, ec);
        const auto& lessons = app.catalog().lessons;
        for (size_t i = 0; i < lessons.size(); ++i)
            for (size_t k = 0; k < lessons[i].scenarios.size(); ++k)
                if (fs::weakly_canonical(lessons[i].scenarios[k].path, ec) == want) {
                    app.lessons_state().lesson = int(i);
                    app.lessons_state().scenario = int(k);
                }
        return;
    }
    const auto& lessons = app.catalog().lessons;
    int start = 0;
    for (size_t i = 0; i < lessons.size(); ++i)
        if (lessons[i].id == app.settings().last_lesson) start = int(i);
    if (!lessons.empty()) app.open_lesson(start, 0);
}

}  // namespace

int run_gui(const std::string& file, const LessonCatalog& lessons, ScenarioLoader loader) {
    const std::string dir = config_dir();
    const std::string settings_path = dir.empty() ? "" : dir + "/settings.ini";
    const Settings initial = settings_path.empty() ? Settings{} : load_settings(settings_path);
    PlatformOptions po;
    po.width = initial.window_width;
    po.height = initial.window_height;
    Platform platform;
    std::string error;
    if (!platform.open(po, error)) {
        std::cerr << "looplab: " << error << "\n";
        return 1;
    }
    App app(platform, std::move(loader), AppOptions{lessons, settings_path, po});
    open_initial(app, file);
    auto last = std::chrono::steady_clock::now();
    while (!platform.should_close()) {
        // Idle when nothing moves: wait for input instead of drawing 60 frames a second.
        if (!app.transport().playing) platform.wait_events(0.5);
        const auto now = std::chrono::steady_clock::now();
        const double dt = std::chrono::duration<double>(now - last).count();
        last = now;
        app.frame(dt);
        platform.present();
    }
    int w = 0, h = 0;
    glfw_window_size(platform, w, h);
    if (w > 0 && h > 0) app.settings().window_width = w, app.settings().window_height = h;
    app.save();
    return 0;
}

int run_screenshot(const std::string& file, int64_t tick, const std::string& out, int width, int height,
                   const LessonCatalog& lessons, ScenarioLoader loader, ScreenshotStyle style) {
    PlatformOptions po;
    po.width = width;
    po.height = height;
    po.offscreen = true;
    Platform platform;
    std::string error;
    if (!platform.open(po, error)) {
        std::cerr << "looplab screenshot: " << error << "\n";
        return 1;
    }
    App app(platform, std::move(loader), AppOptions{lessons, "", po});
    open_initial(app, file);
    if (!app.recording() && !app.loaded().error.empty()) std::cerr << app.loaded().error << "\n";
    if (style.light) app.set_theme(false);
    app.timeline().tick_axis = style.tick_axis;
    app.timeline().axis_was_tick = style.tick_axis;
    app.jump(tick < 0 ? 0 : tick);
    // A few frames: ImGui sizes windows and tables from the previous frame's contents.
    for (int i = 0; i < 4; ++i) app.frame(0.0);
    if (!write_png(platform.read_pixels(), out, error)) {
        std::cerr << "looplab screenshot: " << error << "\n";
        return 1;
    }
    return 0;
}

}  // namespace looplab::gui
