#pragma once
// What the GUI remembers between runs, in $XDG_CONFIG_HOME/looplab/settings.ini (else
// ~/.config/looplab/settings.ini) as `key = value` lines; ImGui's own imgui.ini (window
// state) sits next to it. Unknown keys and bad values are ignored, so an old or hand-edited
// file never stops LoopLab from starting.
#include <string>

namespace looplab::gui {

struct Settings {
    bool dark = true;
    bool tick_axis = false;       // timeline axis: virtual time (false) or one column per tick
    float speed = 4.0f;           // playback: ticks per second
    float font_size = 16.0f;      // logical pixels, times the monitor's content scale
    bool show_flows = true;       // wake-up arrows on the timeline
    std::string last_lesson;      // lesson id, reopened on start
    std::string last_scenario;    // file path within it
    int window_width = 1600;
    int window_height = 1000;
    // Layout: fractions of the window.
    float left_width = 0.25f;     // lessons + lesson text column
    float right_width = 0.30f;    // inspector + console column
    float bottom_height = 0.40f;  // transport + timeline
    float lessons_height = 0.30f; // lessons browser within the left column
    float inspector_height = 0.55f;
};

// The directory settings live in (created on save); empty if no home directory is known.
std::string config_dir();
Settings load_settings(const std::string& path);
// Atomic: writes a temporary file and renames it, so a crash never leaves half a file.
bool save_settings(const Settings& s, const std::string& path);

}  // namespace looplab::gui
