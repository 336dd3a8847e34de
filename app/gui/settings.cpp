#include "gui/settings.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace looplab::gui {

std::string config_dir() {
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return std::string(x) + "/looplab";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.config/looplab";
    return "";
}

namespace {

std::string trim(const std::string& s) {
    size_t a = s.find_first_not_of(" \t\r"), b = s.find_last_not_of(" \t\r");
    return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

void read_float(const std::string& v, float& out, float lo, float hi) {
    char* end = nullptr;
    float f = std::strtof(v.c_str(), &end);
    if (end && !*end && f >= lo && f <= hi) out = f;
}

void read_int(const std::string& v, int& out, int lo, int hi) {
    char* end = nullptr;
    long n = std::strtol(v.c_str(), &end, 10);
    if (end && !*end && n >= lo && n <= hi) out = int(n);
}

void read_bool(const std::string& v, bool& out) {
    if (v == "true" || v == "1") out = true;
    if (v == "false" || v == "0") out = false;
}

}  // namespace

Settings load_settings(const std::string& path) {
    Settings s;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        size_t eq = line.find('=');
        if (line.empty() || line[0] == '#' || eq == std::string::npos) continue;
        std::string k = trim(line.substr(0, eq)), v = trim(line.substr(eq + 1));
        if (k == "theme") s.dark = v != "light";
        else if (k == "axis") s.tick_axis = v == "tick";
        else if (k == "speed") read_float(v, s.speed, 0.25f, 1000.0f);
        else if (k == "font_size") read_float(v, s.font_size, 10.0f, 32.0f);
        else if (k == "show_flows") read_bool(v, s.show_flows);
        else if (k == "last_lesson") s.last_lesson = v;
        else if (k == "last_scenario") s.last_scenario = v;
        else if (k == "window_width") read_int(v, s.window_width, 400, 10000);
        else if (k == "window_height") read_int(v, s.window_height, 300, 10000);
        else if (k == "left_width") read_float(v, s.left_width, 0.1f, 0.5f);
        else if (k == "right_width") read_float(v, s.right_width, 0.1f, 0.5f);
        else if (k == "bottom_height") read_float(v, s.bottom_height, 0.15f, 0.8f);
        else if (k == "lessons_height") read_float(v, s.lessons_height, 0.1f, 0.9f);
        else if (k == "inspector_height") read_float(v, s.inspector_height, 0.1f, 0.9f);
    }
    return s;
}

bool save_settings(const Settings& s, const std::string& path) {
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    std::ostringstream o;
    o << "# LoopLab settings (rewritten on exit)\n"
      << "theme = " << (s.dark ? "dark" : "light") << "\n"
      << "axis = " << (s.tick_axis ? "tick" : "time") << "\n"
      << "speed = " << s.speed << "\n"
      << "font_size = " << s.font_size << "\n"
      << "show_flows = " << (s.show_flows ? "true" : "false") << "\n"
      << "last_lesson = " << s.last_lesson << "\n"
      << "last_scenario = " << s.last_scenario << "\n"
      << "window_width = " << s.window_width << "\n"
      << "window_height = " << s.window_height << "\n"
      << "left_width = " << s.left_width << "\n"
      << "right_width = " << s.right_width << "\n"
      << "bottom_height = " << s.bottom_height << "\n"
      << "lessons_height = " << s.lessons_height << "\n"
      << "inspector_height = " << s.inspector_height << "\n";
    std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        if (!(out << o.str())) return false;
    }
    return std::rename(tmp.c_str(), path.c_str()) == 0;
}

}  // namespace looplab::gui
