#pragma once
// What the lessons browser and the lesson text show. The GUI does not parse lessons/: the one
// parser of the format (app/lessons.cpp, lessons/README.md) is shared with `looplab lessons`
// and `looplab check`; app/gui_command.cpp copies its result into these plain structs, so the
// GUI library depends on the model only.
#include <string>
#include <vector>

namespace looplab::gui {

struct LessonScenario {
    std::string name;   // shown in the browser
    std::string path;   // the .py file
};

struct LessonSection {
    std::string name;   // "Lesson", "On the timeline", "Predict", "Answer", "Try this"
    std::string text;   // paragraphs separated by blank lines, `- ` bullets, `code`
};

struct Lesson {
    std::string id;         // directory name, "02-tasks"
    std::string chapter;    // group in the browser
    std::string title;
    std::string summary;
    std::vector<LessonSection> sections;
    std::vector<LessonScenario> scenarios;
};

struct LessonCatalog {
    std::string dir;
    std::vector<Lesson> lessons;        // in browser order, chapters contiguous
    std::vector<std::string> problems;  // "lessons/03-x/lesson.txt:4: ..." (those lessons are left out)
};

}  // namespace looplab::gui
