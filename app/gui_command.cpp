#include "gui_command.hpp"

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "gui/app.hpp"
#include "lessons.hpp"
#include "record.hpp"

namespace looplab::app {

namespace {

const char* kScreenshotUsage =
    "usage: looplab screenshot FILE.py --at TICK --out OUT.png [--size WxH] [--light] [--ticks-axis]\n"
    "\n"
    "Runs FILE.py, shows it in the GUI at tick TICK (0: before the first step) and writes\n"
    "the window as a PNG, offscreen (without a display: xvfb-run -a looplab screenshot ...).\n"
    "  --size WxH     window size in pixels (default 1600x1000)\n"
    "  --light        the light theme (default dark)\n"
    "  --ticks-axis   the timeline on its per-tick axis (default: virtual time)\n";

const char* kBenchUsage =
    "usage: looplab bench-ui [--tasks N] [--events M] [--frames F]\n"
    "\n"
    "Builds a synthetic recording (default 10000 tasks, 1000000 events) and prints\n"
    "`ui frames=<n> frame_ms=<median CPU ms from NewFrame to the end of Render> seek_ms=<median\n"
    "time to rebuild the state at a random tick>`. Needs a display (xvfb-run -a works).\n";

// Run options of a lesson's scenario (`args:` in lesson.txt), by path.
std::map<std::string, RecordOptions> g_lesson_options;

RecordOptions parse_args(const std::vector<std::string>& args) {
    RecordOptions o;
    for (size_t i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == "--until") o.until = std::strtod(args[i + 1].c_str(), nullptr);
        if (args[i] == "--seed") o.seed = std::strtoll(args[i + 1].c_str(), nullptr, 10);
        if (args[i] == "--max-steps") o.max_steps = std::strtoull(args[i + 1].c_str(), nullptr, 10);
    }
    return o;
}

}  // namespace

gui::LessonCatalog load_catalog(const char* argv0) {
    gui::LessonCatalog cat;
    const std::string dir = lessons::find_lessons_dir(argv0);
    if (dir.empty()) {
        cat.problems.push_back("no lessons/ directory found (set LOOPLAB_LESSONS)");
        return cat;
    }
    const lessons::LessonSet set = lessons::load_lessons(dir);
    cat.dir = dir;
    for (const auto& e : set.errors) cat.problems.push_back(e.str());
    for (const auto& ch : set.chapters)
        for (const auto& l : ch.lessons) {
            gui::Lesson g;
            g.id = l.id;
            g.chapter = l.chapter.empty() ? ch.title : l.chapter;
            g.title = l.title;
            g.summary = l.summary;
            for (const auto& s : l.sections) g.sections.push_back({s.name, s.text});
            for (const auto& sc : l.scenarios) {
                g.scenarios.push_back({sc.title.empty() ? sc.file : sc.title, sc.path});
                g_lesson_options[sc.path] = parse_args(sc.args);
            }
            cat.lessons.push_back(std::move(g));
        }
    return cat;
}

gui::LoadedScenario load_scenario(const std::string& path) {
    gui::LoadedScenario out;
    out.path = path;
    auto it = g_lesson_options.find(path);
    RecordResult r = record_file(path, it == g_lesson_options.end() ? RecordOptions{} : it->second);
    out.source = r.recording.source_text;
    if (r.exit_code != 0) out.error = r.error_text.empty() ? r.stderr_text : r.error_text;
    out.error_line = int(r.error_line);
    out.recording = std::make_shared<const model::Recording>(std::move(r.recording));
    return out;
}

namespace {

bool parse_size(const char* s, int& w, int& h) {
    char* end = nullptr;
    long a = std::strtol(s, &end, 10);
    if (!end || (*end != 'x' && *end != 'X')) return false;
    long b = std::strtol(end + 1, &end, 10);
    if (*end || a < 200 || b < 150 || a > 8192 || b > 8192) return false;
    w = int(a), h = int(b);
    return true;
}

int usage(const char* text, const std::string& msg) {
    std::cerr << "looplab: " << msg << "\n\n" << text;
    return 2;
}

}  // namespace

int gui_command(int argc, char** argv) {
    std::string file = argc >= 2 ? argv[1] : "";
    gui::LessonCatalog cat = load_catalog(argv[0]);
    return gui::run_gui(file, cat, load_scenario);
}

int screenshot_command(int argc, char** argv) {
    std::string file, out;
    int64_t tick = -1;
    int w = 1600, h = 1000;
    gui::ScreenshotStyle style;
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            std::cout << kScreenshotUsage;
            return 0;
        }
        const bool has_value = i + 1 < argc;
        if (a == "--at") {
            char* end = nullptr;
            if (!has_value || (tick = std::strtoll(argv[++i], &end, 10), *end) || tick < 0)
                return usage(kScreenshotUsage, "--at needs a tick number (0 or more)");
        } else if (a == "--out") {
            if (!has_value) return usage(kScreenshotUsage, "--out needs a file name");
            out = argv[++i];
        } else if (a == "--size") {
            if (!has_value || !parse_size(argv[++i], w, h)) return usage(kScreenshotUsage, "--size needs WxH, e.g. 1600x1000");
        } else if (a == "--light") {
            style.light = true;
        } else if (a == "--ticks-axis") {
            style.tick_axis = true;
        } else if (!a.empty() && a[0] == '-') {
            return usage(kScreenshotUsage, "unknown option " + a);
        } else if (file.empty()) {
            file = a;
        } else {
            return usage(kScreenshotUsage, "one file at a time");
        }
    }
    if (file.empty()) return usage(kScreenshotUsage, "which scenario file?");
    if (out.empty()) return usage(kScreenshotUsage, "--out OUT.png is required");
    if (tick < 0) return usage(kScreenshotUsage, "--at TICK is required");
    gui::LessonCatalog cat = load_catalog(argv[0]);
    return gui::run_screenshot(file, tick, out, w, h, cat, load_scenario, style);
}

int bench_ui_command(int argc, char** argv) {
    unsigned long long tasks = 10000, events = 1000000, frames = 240;
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            std::cout << kBenchUsage;
            return 0;
        }
        unsigned long long* target = a == "--tasks" ? &tasks : a == "--events" ? &events : a == "--frames" ? &frames : nullptr;
        if (!target) return usage(kBenchUsage, "unknown option " + a);
        char* end = nullptr;
        if (i + 1 >= argc || (*target = std::strtoull(argv[++i], &end, 10), *end) || *target == 0 || *target > 100000000ull)
            return usage(kBenchUsage, a + " needs a positive whole number");
    }
    return gui::run_bench_ui(uint32_t(tasks), events, uint32_t(frames));
}

}  // namespace looplab::app
