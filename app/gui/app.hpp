#pragma once
// The GUI application: what is loaded (lesson, scenario, its recording), the current moment,
// the layout of the panels, keyboard shortcuts and playback. Three ways to drive it:
// run_gui (a window), run_screenshot (one offscreen frame to a PNG) and the GUI tests, which
// build an App on an offscreen Platform and script its input frame by frame.
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "gui/fonts.hpp"
#include "gui/lesson_files.hpp"
#include "gui/platform.hpp"
#include "gui/settings.hpp"
#include "gui/view_state.hpp"
#include "looplab/model/recording.hpp"

namespace looplab::gui {

// A scenario run and recorded (by app/record.cpp: the GUI never runs code itself).
struct LoadedScenario {
    std::string path;
    std::string source;
    std::shared_ptr<const model::Recording> recording;  // null only if nothing could run at all
    std::string error;  // why it could not be loaded/run (the console also shows it)
    int error_line = 0; // the scenario's line the error points at (0: none)
};
using ScenarioLoader = std::function<LoadedScenario(const std::string& path)>;

struct AppOptions {
    LessonCatalog lessons;        // what the browser lists
    std::string settings_path;    // empty: settings neither read nor written (tests, screenshots)
    PlatformOptions platform;
};

class App {
public:
    App(Platform& platform, ScenarioLoader loader, AppOptions options);

    // Loading. Failures never throw: the error shows in the console and the code view.
    void open_file(const std::string& path);
    void open_lesson(int lesson, int scenario = 0);
    void set_loaded(LoadedScenario loaded);

    // One frame: fonts (between frames), NewFrame, panels, Render. `dt` in seconds.
    void frame(double dt);
    // The parts of frame() bench-ui times separately.
    void before_frame();
    void draw(double dt);

    void jump(int64_t tick) { moment_.request(tick); }
    void apply_jump();

    // State, for panels and tests.
    Moment& moment() { return moment_; }
    TransportState& transport() { return transport_; }
    TimelineState& timeline() { return timeline_; }
    CodeViewState& code_view() { return code_view_; }
    ConsoleState& console() { return console_; }
    InspectorState& inspector() { return inspector_; }
    LessonsState& lessons_state() { return lessons_state_; }
    const LessonCatalog& catalog() const { return catalog_; }
    const LoadedScenario& loaded() const { return loaded_; }
    const model::Recording* recording() const { return loaded_.recording.get(); }
    const model::Snapshot* snapshot() const { return snapshot_ ? &*snapshot_ : nullptr; }
    Settings& settings() { return settings_; }
    Fonts& fonts() { return fonts_; }
    Platform& platform() { return platform_; }
    void set_theme(bool dark);
    void save();

private:
    void handle_keys();
    void draw_menu_bar();
    void play(double dt);

    Platform& platform_;
    ScenarioLoader loader_;
    AppOptions options_;
    Settings settings_;
    Fonts fonts_;
    LessonCatalog catalog_;
    LoadedScenario loaded_;
    std::optional<model::Snapshot> snapshot_;
    uint32_t snapshot_tick_ = UINT32_MAX;

    Moment moment_;
    TransportState transport_;
    TimelineState timeline_;
    CodeViewState code_view_;
    ConsoleState console_;
    InspectorState inspector_;
    LessonsState lessons_state_;
    std::string imgui_ini_;
};

// `looplab` / `looplab FILE.py`: the window. Returns the process exit code.
int run_gui(const std::string& file, const LessonCatalog& lessons, ScenarioLoader loader);
// `looplab screenshot FILE.py --at TICK --out OUT.png [--size WxH] [--light] [--ticks-axis]`.
struct ScreenshotStyle {
    bool light = false;
    bool tick_axis = false;
};
int run_screenshot(const std::string& file, int64_t tick, const std::string& out, int width, int height,
                   const LessonCatalog& lessons, ScenarioLoader loader, ScreenshotStyle style = {});
// `looplab bench-ui --tasks N --events M`.
int run_bench_ui(uint32_t tasks, uint64_t events, uint32_t frames);

}  // namespace looplab::gui
