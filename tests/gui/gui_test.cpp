// The GUI driven as a user would, on an offscreen framebuffer (run under xvfb-run by ctest):
// keys and mouse go into ImGui's io between frames (ImGui 1.86 has no input queue), then the
// test looks at the app's state and at the pixels the frame produced.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include <imgui.h>

#include "gui/app.hpp"
#include "gui/screenshot.hpp"
#include "gui/settings.hpp"
#include "gui/theme.hpp"
#include "gui_command.hpp"

using namespace looplab;
using namespace looplab::gui;

namespace {

// One window for the whole process: Xvfb resets itself when its last client disconnects and
// then refuses the next one for a moment, so sections share the platform, not the App.
Platform& shared_platform(const PlatformOptions& po) {
    static Platform platform;
    if (!platform.window()) {
        std::string error;
        if (!platform.open(po, error)) FAIL(error);
    }
    return platform;
}

struct Harness {
    Platform& platform;
    std::unique_ptr<App> app;

    explicit Harness(const PlatformOptions& po = options()) : platform(shared_platform(po)) {
        setenv("LOOPLAB_LESSONS", LOOPLAB_SOURCE_DIR "/lessons", 1);
        app = std::make_unique<App>(platform, app::load_scenario, AppOptions{app::load_catalog("gui_test"), "", po});
    }
    static PlatformOptions options() {
        PlatformOptions po;
        po.width = 1600;
        po.height = 1000;
        po.offscreen = true;
        return po;
    }
    void frames(int n = 1, double dt = 1.0 / 60) {
        for (int i = 0; i < n; ++i) app->frame(dt);
    }
    void key(int imgui_key) { press(ImGui::GetIO().KeyMap[imgui_key]); }
    void press(int native_key) {
        ImGui::GetIO().KeysDown[native_key] = true;
        frames();
        ImGui::GetIO().KeysDown[native_key] = false;
        frames();
    }
    void click(float x, float y) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x, y);
        frames();
        io.MouseDown[0] = true;
        frames();
        io.MouseDown[0] = false;
        frames();
        io.MousePos = ImVec2(-1, -1);
    }
    int lesson(const std::string& prefix) const {
        const auto& ls = app->catalog().lessons;
        for (size_t i = 0; i < ls.size(); ++i)
            if (ls[i].id.rfind(prefix, 0) == 0) return int(i);
        return -1;
    }
};

// Colours match within a small tolerance (blending, sRGB rounding).
bool near(const uint8_t* px, ImU32 c, int tol = 12) {
    const int r = int((c >> IM_COL32_R_SHIFT) & 0xFF), g = int((c >> IM_COL32_G_SHIFT) & 0xFF),
              b = int((c >> IM_COL32_B_SHIFT) & 0xFF);
    return std::abs(px[0] - r) <= tol && std::abs(px[1] - g) <= tol && std::abs(px[2] - b) <= tol;
}

std::string hex(const uint8_t* px) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%02X%02X%02X", px[0], px[1], px[2]);
    return buf;
}

std::string hex(ImU32 c) {
    const uint8_t px[3] = {uint8_t(c >> IM_COL32_R_SHIFT), uint8_t(c >> IM_COL32_G_SHIFT), uint8_t(c >> IM_COL32_B_SHIFT)};
    return hex(px);
}

}  // namespace

TEST_CASE("lesson 2 walkthrough") {
    Harness h;
    App& app = *h.app;
    const int l2 = h.lesson("02");
    REQUIRE(l2 >= 0);

    SECTION("opening lesson 2 shows its first scenario at tick 0, then play, step back, select, switch axis") {
        app.open_lesson(l2, 0);
        h.frames(2);
        const model::Recording* rec = app.recording();
        REQUIRE(rec != nullptr);
        REQUIRE(app.loaded().error.empty());
        REQUIRE(app.moment().tick == 0);
        REQUIRE(rec->end_tick > 6);
        REQUIRE(app.lessons_state().lesson == l2);

        // Play to the end: space, then frames of half a second at 4 ticks/s.
        h.key(ImGuiKey_Space);
        REQUIRE(app.transport().playing);
        for (int i = 0; i < 400 && app.transport().playing; ++i) h.frames(1, 0.5);
        REQUIRE_FALSE(app.transport().playing);
        REQUIRE(app.moment().tick == rec->end_tick);
        REQUIRE(app.snapshot()->console_end == rec->console.size());
        REQUIRE(rec->console.back().text == "elapsed time: 3.0 seconds");

        // Five ticks back with the left arrow: the state comes back from the recording.
        for (int i = 0; i < 5; ++i) h.key(ImGuiKey_LeftArrow);
        REQUIRE(app.moment().tick == rec->end_tick - 5);
        REQUIRE(app.snapshot()->tick == rec->end_tick - 5);
        REQUIRE(app.snapshot()->console_end < rec->console.size());

        // Select Task-2 by clicking its lane name on the timeline.
        const TimelineState& tl = app.timeline();
        uint32_t task2 = model::kNone;
        for (uint32_t i = 0; i < rec->tasks.size(); ++i)
            if (rec->tasks[i].name == "Task-2") task2 = i;
        REQUIRE(task2 != model::kNone);
        const int row = tl.lanes.row_of_task[task2];
        REQUIRE(row > 0);
        const float y = tl.lanes_y0 + (row + 0.5f) * tl.lane_h - tl.scroll_y;
        h.click(tl.names_x0 + 40, y);
        REQUIRE(app.moment().selected_task == int64_t(task2));

        // Its lane shows its colour swatch at the left edge.
        Image img = h.platform.read_pixels();
        const uint8_t* swatch = img.at(int(tl.names_x0 + 6), int(y));
        INFO("swatch " << hex(swatch) << " expected " << hex(task_color(rec->tasks[task2].colour)));
        REQUIRE(near(swatch, task_color(rec->tasks[task2].colour)));

        // Switch to the tick axis with T: the loop lane shows the current step's holder in
        // its colour, in the column of the current tick.
        REQUIRE_FALSE(tl.tick_axis);
        h.press('T');
        REQUIRE(tl.tick_axis);
        h.key(ImGuiKey_Home);
        h.key(ImGuiKey_RightArrow);
        h.key(ImGuiKey_RightArrow);
        REQUIRE(app.moment().tick == 2);
        h.frames(2);
        img = h.platform.read_pixels();
        const uint32_t holder = rec->holder[1].task;  // tick 2's step
        REQUIRE(holder != model::kNone);
        const float x = tl.axis_x0 + float((2.3 - tl.view_begin) / (tl.view_end - tl.view_begin)) * (tl.axis_x1 - tl.axis_x0);
        const float ly = tl.lanes_y0 + 0.5f * tl.lane_h - tl.scroll_y + 4;  // row 0, below the text
        const uint8_t* bar = img.at(int(x), int(ly));
        std::string err;
        write_png(img, (std::filesystem::temp_directory_path() / "looplab_gui_test_tick_axis.png").string(), err);
        INFO("holder bar " << hex(bar) << " expected " << hex(task_color(rec->tasks[holder].colour)));
        REQUIRE(near(bar, task_color(rec->tasks[holder].colour)));
    }

    SECTION("the next-print and end keys move to recorded moments only") {
        app.open_lesson(l2, 0);
        h.frames(2);
        h.key(ImGuiKey_End);
        REQUIRE(app.moment().tick == app.recording()->end_tick);
        h.key(ImGuiKey_RightArrow);  // already at the end: stays
        REQUIRE(app.moment().tick == app.recording()->end_tick);
        h.key(ImGuiKey_Home);
        REQUIRE(app.moment().tick == 0);
        REQUIRE(app.snapshot()->console_end == 0);
    }
}

TEST_CASE("timeline and layout input") {
    Harness h;
    App& app = *h.app;
    app.open_lesson(h.lesson("02"), 0);
    h.frames(3);
    const model::Recording* rec = app.recording();
    REQUIRE(rec != nullptr);
    const TimelineState& tl = app.timeline();
    ImGuiIO& io = ImGui::GetIO();
    uint32_t task2 = 0;
    for (uint32_t i = 0; i < rec->tasks.size(); ++i)
        if (rec->tasks[i].name == "Task-2") task2 = i;
    const float y = tl.lanes_y0 + (tl.lanes.row_of_task[task2] + 0.5f) * tl.lane_h - tl.scroll_y;
    const float x = (tl.axis_x0 + tl.axis_x1) * 0.5f;

    SECTION("hovering a lane names its task; the wheel zooms around the mouse; a drag pans without jumping") {
        io.MousePos = ImVec2(x, y);
        h.frames(2);
        REQUIRE(tl.hovered_task == int64_t(task2));
        const double span = tl.view_end - tl.view_begin;
        const double under = tl.view_begin + (x - tl.axis_x0) / (tl.axis_x1 - tl.axis_x0) * span;
        io.MouseWheel = 2;
        h.frames();
        io.MouseWheel = 0;
        h.frames();
        const double span2 = tl.view_end - tl.view_begin;
        REQUIRE(span2 < span * 0.7);
        const double under2 = tl.view_begin + (x - tl.axis_x0) / (tl.axis_x1 - tl.axis_x0) * span2;
        REQUIRE(under2 == Approx(under).margin(span2 * 0.01));

        const double begin = tl.view_begin;
        const uint32_t tick = app.moment().tick;
        io.MouseDown[0] = true;
        h.frames();
        for (int i = 1; i <= 10; ++i) {
            io.MousePos = ImVec2(x - 20.0f * float(i), y);
            h.frames();
        }
        io.MouseDown[0] = false;
        h.frames();
        REQUIRE(tl.view_begin > begin);           // dragged left: later times come into view
        REQUIRE(app.moment().tick == tick);       // a drag is not a click
    }
    SECTION("a click on a lane jumps to that moment and selects the lane's task") {
        h.click(x, y);
        REQUIRE(app.moment().selected_task == int64_t(task2));
        REQUIRE(app.moment().tick > 0);
    }
    SECTION("dragging the gap between the lessons column and the code widens the column") {
        const float before = app.settings().left_width;
        const float gx = std::round(1600 * before) + 2;
        io.MousePos = ImVec2(gx, 300);
        h.frames();
        io.MouseDown[0] = true;
        h.frames();
        for (int i = 1; i <= 5; ++i) {
            io.MousePos = ImVec2(gx + 16.0f * float(i), 300);
            h.frames();
        }
        io.MouseDown[0] = false;
        h.frames();
        REQUIRE(app.settings().left_width > before + 0.03f);
    }
}

TEST_CASE("failing scenarios") {
    Harness h;
    App& app = *h.app;
    const std::string dir = std::filesystem::temp_directory_path() / "looplab_gui_test";
    std::filesystem::create_directories(dir);
    auto write = [&](const std::string& name, const std::string& text) {
        std::ofstream(dir + "/" + name) << text;
        return dir + "/" + name;
    };

    SECTION("a syntax error shows in the code view and the console, with its line, without crashing") {
        app.open_file(write("syntax.py", "import asyncio\n\nasync def main(:\n    pass\n"));
        h.frames(3);
        REQUIRE_FALSE(app.loaded().error.empty());
        REQUIRE(app.loaded().error_line == 3);
        REQUIRE(app.loaded().error.find("SyntaxError") != std::string::npos);
    }
    SECTION("an exception in a task and a deadlock both end the run with the error shown") {
        app.open_file(write("boom.py", "import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n"
                                       "    raise ValueError('boom')\n\nasyncio.run(main())\n"));
        h.frames(2);
        REQUIRE(app.recording() != nullptr);
        REQUIRE(app.loaded().error.find("ValueError: boom") != std::string::npos);
        h.key(ImGuiKey_End);
        REQUIRE(app.moment().tick == app.recording()->end_tick);

        app.open_file(write("deadlock.py", "import asyncio\n\nasync def main():\n    e = asyncio.Event()\n"
                                           "    await e.wait()\n\nasyncio.run(main())\n"));
        h.frames(2);
        REQUIRE_FALSE(app.loaded().error.empty());
        h.key(ImGuiKey_End);
        h.frames(2);
    }
    SECTION("a file that does not exist is an error message, not a crash") {
        app.open_file(dir + "/missing.py");
        h.frames(2);
        REQUIRE_FALSE(app.loaded().error.empty());
    }
}

TEST_CASE("theme and settings") {
    Harness h;
    App& app = *h.app;
    SECTION("the light theme paints the panels light and the dark theme dark") {
        app.set_theme(false);
        h.frames(2);
        Image img = h.platform.read_pixels();
        const uint8_t* p = img.at(800, 300);  // inside the code view
        REQUIRE(int(p[0]) + p[1] + p[2] > 3 * 180);
        app.set_theme(true);
        h.frames(2);
        img = h.platform.read_pixels();
        p = img.at(800, 300);
        REQUIRE(int(p[0]) + p[1] + p[2] < 3 * 80);
    }
    SECTION("settings survive a save and a load; bad values are ignored") {
        const std::string path = std::filesystem::temp_directory_path() / "looplab_gui_settings.ini";
        Settings s;
        s.dark = false;
        s.tick_axis = true;
        s.speed = 12.5f;
        s.last_lesson = "03-cancellation";
        REQUIRE(save_settings(s, path));
        Settings r = load_settings(path);
        REQUIRE_FALSE(r.dark);
        REQUIRE(r.tick_axis);
        REQUIRE(r.speed == Approx(12.5f));
        REQUIRE(r.last_lesson == "03-cancellation");
        std::ofstream(path) << "speed = fast\nfont_size = 900\nwhatever = 1\n";
        r = load_settings(path);
        REQUIRE(r.speed == Approx(Settings{}.speed));
        REQUIRE(r.font_size == Approx(Settings{}.font_size));
    }
    SECTION("Chinese and Ukrainian text adds its glyphs to the font atlas") {
        app.fonts().need_glyphs("你好, привіт");
        h.frames(2);
        REQUIRE(app.fonts().extra_glyphs() >= 2);
        REQUIRE(ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(0x4F60) != nullptr);
        REQUIRE(ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(0x0456) != nullptr);
    }
}
