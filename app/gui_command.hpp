#pragma once
// The `looplab` commands that open the GUI or use it offscreen:
//   looplab [FILE.py]                                        the window
//   looplab screenshot FILE.py --at TICK --out OUT.png [--size WxH]
//   looplab bench-ui [--tasks N] [--events M] [--frames F]
// They join the GUI library (app/gui/) to the recorder (record.cpp) and the lessons parser.
#include <string>

#include "gui/app.hpp"

namespace looplab::app {

// The lessons (lessons/README.md format, parsed by lessons.cpp) as the GUI lists them.
gui::LessonCatalog load_catalog(const char* argv0);
// Runs and records a scenario for the GUI (lesson scenarios get their `args:`). Never throws.
gui::LoadedScenario load_scenario(const std::string& path);

int gui_command(int argc, char** argv);         // argv[1] is FILE.py or absent
int screenshot_command(int argc, char** argv);  // argv[1] == "screenshot"
int bench_ui_command(int argc, char** argv);    // argv[1] == "bench-ui"

}  // namespace looplab::app
