#pragma once
// Lessons: the data in lessons/ (one directory per lesson: lesson.txt plus its scenario .py
// files), parsed into chapters → lessons → scenarios, text sections and checks. The format is
// lessons/README.md; this parser is its one implementation, shared by `looplab lessons`,
// `looplab check` and the GUI's lessons browser. It only reads text: running scenarios and
// judging checks is check_command.cpp's job, so the GUI can load lessons without running any.
//
// Bad input never throws: every mistake becomes a LoadError with the file and line, the
// lesson it is in is left out, and the other lessons still load.
#include <cstdint>
#include <string>
#include <vector>

namespace looplab::lessons {

// A mistake in a lesson file (or a missing file), where it is.
struct LoadError {
    std::string file;  // path as found under the lessons directory
    int line = 0;      // 1-based; 0 when the problem is the file as a whole
    std::string message;
    std::string str() const;  // "FILE:LINE: message" (the format compilers use)
};

// Comparison in a numeric fact: `==`, `!=`, `<`, `<=`, `>`, `>=`.
enum class CompareOp { eq, ne, lt, le, gt, ge };
const char* compare_op_text(CompareOp op);
bool compare(double got, CompareOp op, double want);

// Where a fact looks: the whole run, a virtual time or a tick.
struct Moment {
    enum class Kind { whole_run, time, tick } kind = Kind::whole_run;
    double time = 0;    // Kind::time: the state once every step that began at or before it ran
    uint32_t tick = 0;  // Kind::tick: the state right after the step of that tick
};

// A fact about the trace (lessons/README.md, "Facts", lists the vocabulary). Parsed when the
// lesson loads, so a typo is a LoadError with its line, not a failure at check time.
struct Fact {
    enum class Kind {
        tasks_in_state,      // tasks STATE at t=T | at tick N           (count)  op value
        max_tasks_in_state,  // max tasks STATE                          (peak)   op value
        task_state,          // TASK at t=T | at tick N is STATE [KIND]
        task_end,            // TASK ends done|cancelled|failed
        steps,               // steps TASK                                op value
        ticks,               // ticks                                     op value
        longest_step,        // longest step                              op value (seconds)
        max_waiters,         // max waiters KIND                          op value
        max_holders,         // max holders KIND (Lock, Semaphore, BoundedSemaphore)  op value
        max_items,           // max items KIND (Queue, PriorityQueue, LifoQueue)     op value
    };
    Kind kind = Kind::ticks;
    std::string state;      // running, ready, sleeping, waiting, done, cancelled, failed, alive
    std::string task;       // a task name as the trace shows it (Task-2, "delay 3 sec")
    std::string primitive;  // Lock, Semaphore, BoundedSemaphore, Event, Condition, Queue, ...
    Moment at;
    CompareOp op = CompareOp::eq;
    double value = 0;
    std::string text;  // the fact as written, for messages
};

// One thing `looplab check` verifies about a scenario's run.
struct Check {
    enum class Kind { exit_code, elapsed, stdout_text, stderr_last, fact };
    Kind kind = Kind::exit_code;
    int line = 0;          // line of the check in lesson.txt
    int exit_code = 0;     // Kind::exit_code
    double elapsed = 0;    // Kind::elapsed: virtual clock when the run ended
    std::string text;      // stdout_text: the exact expected stdout; stderr_last: last line
    Fact fact;             // Kind::fact
};

struct Scenario {
    std::string file;                // name as written, relative to the lesson directory
    std::string path;                // lesson directory / file
    std::string title;               // shown in the browser; the file name if not given
    int line = 0;                    // its `## Scenario` line in lesson.txt
    std::vector<std::string> args;   // `args:` run options (--until S, --seed N, --max-steps N)
    std::vector<Check> checks;       // in file order
};

// A text section for the learner. Names and their order are fixed (README.md): the GUI shows
// them as they are; `answer` is meant to stay hidden until the learner asks for it.
struct TextSection {
    std::string name;  // as written: "Lesson", "On the timeline", "Predict", "Answer", "Try this"
    std::string text;  // paragraphs separated by blank lines, `- ` bullets, `code`
    int line = 0;
};

struct Lesson {
    std::string id;       // directory name, e.g. "02-tasks"
    std::string dir;      // the lesson's directory
    std::string file;     // its lesson.txt
    std::string title;
    std::string chapter;  // chapter title
    std::string summary;  // one line for the browser (may be empty)
    std::vector<TextSection> sections;
    std::vector<Scenario> scenarios;

    const TextSection* section(const std::string& name) const;  // null if absent
};

struct Chapter {
    std::string title;
    std::vector<Lesson> lessons;  // in directory-name order
};

struct LessonSet {
    std::string dir;
    std::vector<Chapter> chapters;   // in the order their first lesson appears
    std::vector<LoadError> errors;   // empty when everything loaded

    size_t lesson_count() const;
    // By id ("02-tasks") or by number ("02", "2"); null if none.
    const Lesson* find(const std::string& name) const;
};

// Every lesson under `dir` (each subdirectory holding a lesson.txt), sorted by directory name.
LessonSet load_lessons(const std::string& dir);

// One lesson file's text (what load_lessons does per directory; tests call it directly).
// `dir` and `id` say where it lives; scenario files are looked for in `dir`.
// Returns false, with errors appended, when the lesson has a mistake.
bool parse_lesson(const std::string& text, const std::string& file, const std::string& dir,
                  const std::string& id, Lesson& out, std::vector<LoadError>& errors);

// A fact line's text after `fact:` (exposed for tests). On failure returns false and sets msg.
bool parse_fact(const std::string& text, Fact& out, std::string& msg);

// Where the lessons are: $LOOPLAB_LESSONS if set, else lessons/ next to the executable or one
// directory up from it (build dirs live in the source tree), else ./lessons, else the source
// tree's lessons/ this binary was built from. Empty if none exists.
std::string find_lessons_dir(const char* argv0);

}  // namespace looplab::lessons
