#pragma once
// `looplab lessons` (list chapters, lessons and scenarios) and `looplab check [LESSON...]`
// (run every lesson's checks headless) — SPEC 5 and 7; the lesson format is lessons/README.md.
namespace looplab::app {
int lessons_command(int argc, char** argv);  // argv[1] == "lessons"
int check_command(int argc, char** argv);    // argv[1] == "check"
}  // namespace looplab::app
