// The lesson format's parser (app/lessons.cpp): the shipped lessons load completely, and
// every kind of mistake in a lesson file gives a message with its file and line, never a
// crash or an exception.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "lessons.hpp"

namespace fs = std::filesystem;
using namespace looplab::lessons;

namespace {

// A scratch lesson directory holding a.py and b.py, removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("looplab_lessons_test_" + std::to_string(std::random_device{}()));
        fs::create_directories(path);
        std::ofstream(path / "a.py") << "print('a')\n";
        std::ofstream(path / "b.py") << "print('b')\n";
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

const std::string kGood =
    "# Title\n"
    "chapter: One\n"
    "summary: short\n"
    "\n"
    "## Lesson\n"
    "Some text.\n"
    "\n"
    "Second paragraph.\n"
    "## Predict\n"
    "Q?\n"
    "## Answer\n"
    "A.\n"
    "## Scenario a.py: The A scenario\n"
    "exit: 0\n"
    "elapsed: 1.5\n"
    "stdout:\n"
    "| a\n"
    "|\n"
    "|   indented\n"
    "fact: max tasks sleeping == 3\n"
    "# a comment\n"
    "fact: \"delay 3 sec\" at t=1 is waiting on Lock\n"
    "## Scenario b.py\n"
    "args: --until 10 --seed 2\n"
    "stderr-last: ValueError: x\n";

struct Parsed {
    bool ok;
    Lesson lesson;
    std::vector<LoadError> errors;
};

Parsed parse(const std::string& text, const TempDir& dir) {
    Parsed p;
    p.ok = parse_lesson(text, "x/lesson.txt", dir.path.string(), "07-x", p.lesson, p.errors);
    return p;
}

// Replaces the first occurrence of `from` in kGood.
std::string good_with(const std::string& from, const std::string& to) {
    std::string s = kGood;
    size_t i = s.find(from);
    REQUIRE(i != std::string::npos);
    return s.replace(i, from.size(), to);
}

}  // namespace

TEST_CASE("A well-formed lesson file parses into its parts") {
    TempDir dir;
    Parsed p = parse(kGood, dir);
    REQUIRE(p.errors.empty());
    REQUIRE(p.ok);
    const Lesson& l = p.lesson;
    CHECK(l.title == "Title");
    CHECK(l.chapter == "One");
    CHECK(l.summary == "short");
    REQUIRE(l.sections.size() == 3);
    CHECK(l.sections[0].name == "Lesson");
    CHECK(l.sections[0].text == "Some text.\n\nSecond paragraph.\n");
    CHECK(l.sections[0].line == 5);
    REQUIRE(l.section("Answer"));
    CHECK(l.section("Answer")->text == "A.\n");
    CHECK(l.section("Try this") == nullptr);
    REQUIRE(l.scenarios.size() == 2);

    const Scenario& a = l.scenarios[0];
    CHECK(a.file == "a.py");
    CHECK(a.title == "The A scenario");
    CHECK(a.line == 13);
    REQUIRE(a.checks.size() == 5);
    CHECK(a.checks[0].kind == Check::Kind::exit_code);
    CHECK(a.checks[1].elapsed == 1.5);
    CHECK(a.checks[2].kind == Check::Kind::stdout_text);
    CHECK(a.checks[2].text == "a\n\n  indented\n");
    CHECK(a.checks[2].line == 16);
    CHECK(a.checks[3].fact.kind == Fact::Kind::max_tasks_in_state);
    CHECK(a.checks[4].fact.task == "delay 3 sec");
    CHECK(a.checks[4].fact.primitive == "Lock");
    CHECK(a.checks[4].line == 22);

    const Scenario& b = l.scenarios[1];
    CHECK(b.title == "b.py");
    CHECK(b.args == std::vector<std::string>{"--until", "10", "--seed", "2"});
    REQUIRE(b.checks.size() == 1);
    CHECK(b.checks[0].text == "ValueError: x");
}

TEST_CASE("Windows line endings and a byte order mark are accepted") {
    TempDir dir;
    std::string text = "\xEF\xBB\xBF";
    for (char c : kGood) text += c == '\n' ? std::string("\r\n") : std::string(1, c);
    Parsed p = parse(text, dir);
    CHECK(p.ok);
    CHECK(p.lesson.title == "Title");
    CHECK(p.lesson.scenarios[0].checks[2].text == "a\n\n  indented\n");
}

TEST_CASE("Each mistake in a lesson file is reported at its line") {
    TempDir dir;
    struct Case {
        std::string text;
        int line;
        std::string message;  // a fragment of the message
    };
    const std::vector<Case> cases = {
        {"", 0, "empty lesson file"},
        {"chapter: x\n", 1, "starts with its title"},
        {"#\n", 1, "starts with its title"},
        {good_with("chapter: One\n", ""), 1, "needs 'chapter: TITLE'"},
        {good_with("summary: short", "colour: red"), 3, "unknown key 'colour'"},
        {good_with("summary: short", "just words"), 3, "expected 'chapter: ...'"},
        {good_with("## Predict", "## Predictions"), 9, "unknown section 'Predictions'"},
        {good_with("## Answer", "## Predict"), 11, "appears twice (first at line 9)"},
        {good_with("## Lesson\n", "## Try this\n"), 0, "no '## Lesson' section"},
        {good_with("## Scenario a.py: The A scenario", "## Scenario missing.py"), 13, "missing.py not found"},
        {good_with("## Scenario a.py: The A scenario", "## Scenario a.txt"), 13, "a scenario is a .py file"},
        {good_with("## Scenario a.py: The A scenario", "## Scenario ../a.py"), 13, "file name only"},
        {good_with("## Scenario b.py", "## Scenario a.py"), 23, "a.py appears twice"},
        {good_with("exit: 0", "exit: zero"), 14, "exit: expected an exit code"},
        {good_with("exit: 0", "exit: 300"), 14, "exit: expected an exit code"},
        {good_with("elapsed: 1.5", "elapsed: soon"), 15, "elapsed: expected virtual seconds"},
        {good_with("elapsed: 1.5", "elapsed: -1"), 15, "elapsed: expected virtual seconds"},
        {good_with("elapsed: 1.5", "elapsed: 2\nelapsed: 3"), 16, "'elapsed' is already given for a.py at line 15"},
        {good_with("stdout:\n", "stdout: a\n"), 16, "the expected lines follow"},
        {good_with("exit: 0\n", "| stray\n"), 14, "belongs right after 'stdout:'"},
        {good_with("exit: 0\n", "expect 0\n"), 14, "expected 'key: value'"},
        {good_with("exit: 0\n", "timeout: 3\n"), 14, "unknown key 'timeout'"},
        {good_with("args: --until 10 --seed 2", "args: --ticks x"), 24, "only --until S"},
        {good_with("args: --until 10 --seed 2", "args: --until"), 24, "--until needs a number"},
        {good_with("fact: max tasks sleeping == 3", "fact: max tasks snoozing == 3"), 20, "expected a task state"},
        {good_with("fact: max tasks sleeping == 3", "fact: max tasks sleeping 3"), 20, "expected a comparison"},
        {good_with("fact: max tasks sleeping == 3", "fact: max tasks sleeping == three"), 20, "expected a number after =="},
        {good_with("fact: max tasks sleeping == 3", "fact: tasks sleeping == 3"), 20, "expected 'at t=SECONDS'"},
        {good_with("fact: max tasks sleeping == 3", "fact: tasks sleeping at t=x == 3"), 20, "is not a time"},
        {good_with("fact: max tasks sleeping == 3", "fact: tasks sleeping at tick -1 == 3"), 20, "tick number"},
        {good_with("fact: max tasks sleeping == 3", "fact: Task-2 at t=1 is sleeping on Lock"), 20, "only a waiting task"},
        {good_with("fact: max tasks sleeping == 3", "fact: Task-2 at t=1 is waiting on Mutex"), 20, "expected a primitive"},
        {good_with("fact: max tasks sleeping == 3", "fact: Task-2 ends sleeping"), 20, "ends done, cancelled or failed"},
        {good_with("fact: max tasks sleeping == 3", "fact: Task-2 sleeps"), 20, "unknown fact"},
        {good_with("fact: max tasks sleeping == 3", "fact: \"Task 2 at t=1 is done"), 20, "no closing"},
        {good_with("fact: max tasks sleeping == 3", "fact: max items Lock == 1"), 20, "counts a queue's items"},
        {good_with("fact: max tasks sleeping == 3", "fact: max holders Event == 1"), 20, "'max holders' applies to"},
        {good_with("fact: max tasks sleeping == 3", "fact: ticks == 3 please"), 20, "unexpected 'please'"},
        {good_with("fact: max tasks sleeping == 3", "fact:"), 20, "empty fact"},
        {good_with("## Scenario b.py\n", "## Scenario b.py\n## Lesson\n"), 24, "appears twice"},
        {good_with("args: --until 10 --seed 2\n", "args: --until 10\n## Try this\nx\n"), 25, "text sections come before the scenarios"},
        {"# T\nchapter: c\n## Lesson\ntext\n", 0, "no '## Scenario FILE.py' section"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        Parsed p = parse(c.text, dir);
        CHECK_FALSE(p.ok);
        REQUIRE_FALSE(p.errors.empty());
        const LoadError& e = p.errors.front();
        CHECK(e.file == "x/lesson.txt");
        CHECK(e.line == c.line);
        CHECK_THAT(e.message, Catch::Contains(c.message));
        CHECK_THAT(e.str(), Catch::StartsWith(c.line > 0 ? "x/lesson.txt:" + std::to_string(c.line) + ": " : "x/lesson.txt: "));
    }
}

TEST_CASE("Every fact form of the README parses") {
    const std::vector<std::string> good = {
        "tasks sleeping at t=1 == 3",      "tasks alive at tick 12 >= 2",   "max tasks waiting <= 4",
        "Task-3 at t=1 is waiting on Lock", "Task-3 at tick 5 is running",  "\"delay 3 sec\" ends done",
        "Task-2 ends cancelled",            "steps Task-1 == 4",            "steps \"a b\" != 1",
        "ticks > 10",                       "longest step == 4.675",        "max waiters Semaphore == 990",
        "max holders BoundedSemaphore < 2", "max items LifoQueue == 5",     "\"tasks\" at t=0 is ready",
    };
    for (auto& text : good) {
        INFO(text);
        Fact f;
        std::string msg;
        CHECK(parse_fact(text, f, msg));
        CHECK(msg.empty());
        CHECK(f.text == text);
    }
    Fact f;
    std::string msg;
    REQUIRE(parse_fact("tasks sleeping at t=0.5 >= 3", f, msg));
    CHECK(f.kind == Fact::Kind::tasks_in_state);
    CHECK(f.at.kind == Moment::Kind::time);
    CHECK(f.at.time == 0.5);
    CHECK(f.op == CompareOp::ge);
    CHECK(f.value == 3);
    REQUIRE(parse_fact("\"tasks\" at tick 7 is ready", f, msg));
    CHECK(f.kind == Fact::Kind::task_state);
    CHECK(f.task == "tasks");
    CHECK(f.at.tick == 7);
}

TEST_CASE("Numbers compare with a tolerance for float noise only") {
    CHECK(compare(0.1 + 0.2, CompareOp::eq, 0.3));
    CHECK_FALSE(compare(3.001, CompareOp::eq, 3));
    CHECK(compare(3, CompareOp::le, 3));
    CHECK_FALSE(compare(3, CompareOp::lt, 3));
    CHECK(compare(4, CompareOp::gt, 3));
    CHECK(compare(2, CompareOp::ne, 3));
}

TEST_CASE("A broken lesson is left out and the others still load") {
    TempDir root;
    fs::create_directories(root.path / "01-good");
    fs::create_directories(root.path / "02-bad");
    fs::create_directories(root.path / "03-not-a-lesson");  // no lesson.txt: ignored
    std::ofstream(root.path / "01-good" / "lesson.txt") << "# Good\nchapter: C\n## Lesson\nx\n## Scenario a.py\nexit: 0\n";
    std::ofstream(root.path / "01-good" / "a.py") << "print(1)\n";
    std::ofstream(root.path / "02-bad" / "lesson.txt") << "# Bad\nchapter: C\n## Lesson\nx\n## Scenario a.py\nexit: 0\n";
    LessonSet set = load_lessons(root.path.string());
    REQUIRE(set.chapters.size() == 1);
    REQUIRE(set.chapters[0].lessons.size() == 1);
    CHECK(set.chapters[0].lessons[0].id == "01-good");
    REQUIRE(set.errors.size() == 1);
    CHECK(set.errors[0].file == (root.path / "02-bad" / "lesson.txt").string());
    CHECK(set.errors[0].line == 5);
    CHECK(set.find("01-good") != nullptr);
    CHECK(set.find("1") != nullptr);
    CHECK(set.find("01") != nullptr);
    CHECK(set.find("2") == nullptr);
    CHECK(set.find("good") == nullptr);

    LessonSet none = load_lessons((root.path / "nowhere").string());
    REQUIRE(none.errors.size() == 1);
    CHECK_THAT(none.errors[0].message, Catch::Contains("no such lessons directory"));
}

TEST_CASE("Random garbage in a lesson file never crashes the parser") {
    TempDir dir;
    const std::vector<std::string> pieces = {
        "# T\n", "chapter: c\n", "## Lesson\n", "## Scenario a.py\n", "## Scenario\n", "##\n", "stdout:\n",
        "| x\n", "|\n", "fact: ", "tasks ", "max ", "at ", "t=", "tick ", "is ", "on ", "Lock ", "== ", "\"",
        "1\n", "exit: ", "elapsed: ", "args: --until ", "\n", ":", "\r\n", "\xEF\xBB\xBF", "\xff\xfe", "\t", " ",
    };
    std::mt19937 rng(12345);
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const int n = int(rng() % 40);
        for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
        Lesson l;
        std::vector<LoadError> errors;
        const bool ok = parse_lesson(text, "f", dir.path.string(), "id", l, errors);
        CHECK((ok == errors.empty()));
        for (auto& e : errors) CHECK_FALSE(e.message.empty());
    }
}

TEST_CASE("The shipped lessons load and each has everything a lesson needs") {
    LessonSet set = load_lessons(LOOPLAB_LESSONS_DIR);
    for (auto& e : set.errors) FAIL(e.str());
    REQUIRE(set.lesson_count() >= 11);  // the eleven of issue 4, and any a teacher adds
    for (auto& ch : set.chapters)
        for (auto& l : ch.lessons) {
            INFO(l.id);
            for (const char* name : {"Lesson", "On the timeline", "Predict", "Answer", "Try this"})
                CHECK(l.section(name) != nullptr);
            CHECK_FALSE(l.summary.empty());
            CHECK(l.scenarios.size() >= 1);
            CHECK(l.scenarios.size() <= 3);
            for (auto& s : l.scenarios) {
                INFO(s.file);
                bool exit = false, elapsed = false, out = false, fact = false;
                for (auto& c : s.checks) {
                    exit |= c.kind == Check::Kind::exit_code;
                    elapsed |= c.kind == Check::Kind::elapsed;
                    out |= c.kind == Check::Kind::stdout_text;
                    fact |= c.kind == Check::Kind::fact;
                }
                CHECK(exit);
                CHECK(elapsed);
                CHECK(out);
                CHECK(fact);
            }
        }
}
