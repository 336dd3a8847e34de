// `looplab lessons` and `looplab check`: the lessons headless. Each scenario runs once through
// app/record (the interpreter with tracing on → a model::Recording plus its output), then every
// check of the scenario is judged on that one run. A failure names the lesson file and the line
// of the check, as a compiler names a source line, so an editor can jump there.
#include "check_command.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "lesson_facts.hpp"
#include "lessons.hpp"
#include "record.hpp"

namespace fs = std::filesystem;

namespace looplab::app {

namespace {

using lessons::Check;
using lessons::Lesson;
using lessons::LessonSet;
using lessons::Scenario;

const char* kLessonsUsage =
    "usage: looplab lessons [--dir DIR]\n"
    "\n"
    "Lists the lessons: chapters, then each lesson with its scenarios. Lessons are read at run\n"
    "time from DIR (default: $LOOPLAB_LESSONS, else the lessons/ directory of this LoopLab);\n"
    "lessons/README.md describes the format.\n";

const char* kCheckUsage =
    "usage: looplab check [--dir DIR] [--verbose] [LESSON...]\n"
    "\n"
    "Runs every scenario of the named lessons (all lessons if none is named) headless and\n"
    "judges its checks: exit code, expected stdout, elapsed virtual time, facts about the trace.\n"
    "A LESSON is its directory name (02-tasks) or its number (2).\n"
    "\n"
    "  --dir DIR    read lessons from DIR (default: $LOOPLAB_LESSONS, else LoopLab's lessons/)\n"
    "  --verbose    also list every check that passed\n"
    "\n"
    "Exit codes: 0 every check passed, 1 a check failed or a lesson file has a mistake,\n"
    "2 usage error (unknown option, no such lesson).\n";

// A path relative to the working directory when it is below it: shorter messages that an
// editor still opens.
std::string shown(const std::string& path) {
    std::error_code ec;
    fs::path cwd = fs::current_path(ec);
    fs::path abs = fs::absolute(path, ec).lexically_normal();
    if (ec) return path;
    fs::path rel = abs.lexically_relative(cwd);
    if (!rel.empty() && *rel.begin() != "..") return rel.string();
    return abs.string();
}

std::string time_text(double t) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.9g", t);
    return buf;
}

std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> out;
    size_t b = 0;
    while (b < s.size()) {
        size_t e = s.find('\n', b);
        if (e == std::string::npos) e = s.size();
        out.push_back(s.substr(b, e - b));
        b = e + 1;
    }
    return out;
}

// What differs between two outputs, in a few lines: the first line that differs.
std::string stdout_difference(const std::string& want, const std::string& got) {
    const auto w = split_lines(want), g = split_lines(got);
    size_t i = 0;
    while (i < w.size() && i < g.size() && w[i] == g[i]) ++i;
    std::ostringstream out;
    if (i < w.size() && i < g.size()) {
        out << "output line " << i + 1 << " differs" << "\n      expected: " << w[i] << "\n      got:      " << g[i];
    } else if (i < w.size()) {
        out << "the output ends after " << g.size() << " lines; expected " << w.size() << ", next expected: " << w[i];
    } else if (i < g.size()) {
        out << "the output has " << g.size() - w.size() << " more lines than expected, first extra: " << g[i];
    } else {
        out << "the output differs only in its final newline";
    }
    return out.str();
}

std::string check_name(const Check& c) {
    switch (c.kind) {
        case Check::Kind::exit_code: return "exit " + std::to_string(c.exit_code);
        case Check::Kind::elapsed: return "elapsed " + time_text(c.elapsed);
        case Check::Kind::stdout_text: return "stdout";
        case Check::Kind::stderr_last: return "stderr-last";
        case Check::Kind::fact: return "fact: " + c.fact.text;
    }
    return "?";
}

// Runs one scenario and judges its checks; prints failures (and passes when verbose).
// Returns the number of failed checks.
int check_scenario(const Lesson& lesson, const Scenario& s, bool verbose, int& passed) {
    RecordOptions opts;
    for (size_t i = 0; i + 1 < s.args.size(); i += 2) {
        const double v = std::strtod(s.args[i + 1].c_str(), nullptr);
        if (s.args[i] == "--until") opts.until = v;
        else if (s.args[i] == "--seed") opts.seed = int64_t(v);
        else if (s.args[i] == "--max-steps") opts.max_steps = uint64_t(v);
    }
    const RecordResult run = record_file(s.path, opts);
    const std::string where = shown(lesson.file);
    std::vector<std::string> failures, passes;
    auto judge = [&](int line, const std::string& what, bool ok, const std::string& detail) {
        std::string msg = where + ":" + std::to_string(line) + ": " + what;
        if (ok) passes.push_back(msg);
        else failures.push_back(msg + (detail.empty() ? "" : ": " + detail));
    };
    bool exit_checked = false;
    for (const Check& c : s.checks) {
        switch (c.kind) {
            case Check::Kind::exit_code:
                exit_checked = true;
                judge(c.line, check_name(c), run.exit_code == c.exit_code, "got exit " + std::to_string(run.exit_code));
                break;
            case Check::Kind::elapsed: {
                const double got = run.recording.end_time;
                judge(c.line, check_name(c), lessons::compare(got, lessons::CompareOp::eq, c.elapsed),
                      "the run ended at t=" + time_text(got));
                break;
            }
            case Check::Kind::stdout_text:
                judge(c.line, check_name(c), run.stdout_text == c.text, stdout_difference(c.text, run.stdout_text));
                break;
            case Check::Kind::stderr_last: {
                std::string last;
                for (auto& l : split_lines(run.stderr_text))
                    if (!l.empty()) last = l;
                judge(c.line, check_name(c), last == c.text, "got '" + last + "'");
                break;
            }
            case Check::Kind::fact: {
                const lessons::FactResult r = lessons::eval_fact(c.fact, run.recording);
                judge(c.line, check_name(c), r.ok, "got " + r.got);
                break;
            }
        }
    }
    // A scenario that fails unexpectedly is a failure even if nobody wrote `exit:`.
    if (!exit_checked)
        judge(s.line, "exit 0 (implied)", run.exit_code == 0,
              "got exit " + std::to_string(run.exit_code) +
                  (run.error_text.empty() ? "" : "\n      " + run.error_text.substr(0, run.error_text.find_last_not_of('\n') + 1)));
    const bool ok = failures.empty();
    std::cout << (ok ? "  ok    " : "  FAIL  ") << lesson.id << "/" << s.file << "  (" << s.checks.size() << " checks)\n";
    if (verbose)
        for (auto& p : passes) std::cout << "        passed  " << p << '\n';
    for (auto& f : failures) std::cout << "        " << f << '\n';
    passed += int(passes.size());
    return int(failures.size());
}

bool parse_dir_option(int argc, char** argv, int& i, std::string& dir) {
    if (std::string(argv[i]) != "--dir") return false;
    if (i + 1 >= argc) return false;
    dir = argv[++i];
    return true;
}

LessonSet load(const std::string& dir_option, const char* argv0, bool& found) {
    std::string dir = dir_option.empty() ? lessons::find_lessons_dir(argv0) : dir_option;
    found = !dir.empty();
    return found ? lessons::load_lessons(dir) : LessonSet{};
}

void print_errors(const LessonSet& set) {
    for (auto& e : set.errors) std::cerr << shown(e.file) << (e.line > 0 ? ":" + std::to_string(e.line) : "") << ": error: " << e.message << '\n';
}

}  // namespace

int lessons_command(int argc, char** argv) {
    std::string dir;
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--help" || a == "-h") return std::cout << kLessonsUsage, 0;
        if (a == "--dir") {
            if (!parse_dir_option(argc, argv, i, dir)) return std::cerr << "looplab lessons: --dir needs a directory\n\n" << kLessonsUsage, 2;
            continue;
        }
        std::cerr << "looplab lessons: unexpected argument '" << a << "'\n\n" << kLessonsUsage;
        return 2;
    }
    bool found = false;
    LessonSet set = load(dir, argv[0], found);
    if (!found) return std::cerr << "looplab lessons: no lessons directory found (set LOOPLAB_LESSONS or use --dir)\n", 2;
    std::cout << "Lessons in " << shown(set.dir) << "\n";
    // Columns: lesson ids and scenario file names padded to the longest of each.
    size_t id_width = 0, file_width = 0;
    for (auto& ch : set.chapters)
        for (auto& l : ch.lessons) {
            id_width = std::max(id_width, l.id.size());
            for (auto& s : l.scenarios) file_width = std::max(file_width, s.file.size());
        }
    auto pad = [](const std::string& s, size_t w) { return s + std::string(w > s.size() ? w - s.size() : 0, ' '); };
    for (auto& ch : set.chapters) {
        std::cout << "\n" << ch.title << "\n";
        for (auto& l : ch.lessons) {
            std::cout << "  " << pad(l.id, id_width) << "  " << l.title << "\n";
            for (auto& s : l.scenarios)
                std::cout << "    " << std::string(id_width, ' ') << pad(s.file, file_width)
                          << (s.title != s.file ? "  " + s.title : "") << "\n";
        }
    }
    print_errors(set);
    return set.errors.empty() ? 0 : 1;
}

int check_command(int argc, char** argv) {
    std::string dir;
    bool verbose = false;
    std::vector<std::string> names;
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--help" || a == "-h") return std::cout << kCheckUsage, 0;
        if (a == "--verbose" || a == "-v") {
            verbose = true;
        } else if (a == "--dir") {
            if (!parse_dir_option(argc, argv, i, dir)) return std::cerr << "looplab check: --dir needs a directory\n\n" << kCheckUsage, 2;
        } else if (a.size() > 1 && a[0] == '-') {
            std::cerr << "looplab check: unknown option " << a << "\n\n" << kCheckUsage;
            return 2;
        } else {
            names.push_back(a);
        }
    }
    bool found = false;
    LessonSet set = load(dir, argv[0], found);
    if (!found) return std::cerr << "looplab check: no lessons directory found (set LOOPLAB_LESSONS or use --dir)\n", 2;

    std::vector<const Lesson*> chosen;
    if (names.empty()) {
        for (auto& ch : set.chapters)
            for (auto& l : ch.lessons) chosen.push_back(&l);
    } else {
        for (auto& n : names) {
            const Lesson* l = set.find(n);
            if (!l) {
                print_errors(set);  // the lesson may be there but broken
                std::cerr << "looplab check: no lesson '" << n << "' in " << shown(set.dir)
                          << " (`looplab lessons` lists them)\n";
                return set.errors.empty() ? 2 : 1;
            }
            chosen.push_back(l);
        }
    }
    int failed = 0, passed = 0, scenarios = 0;
    for (const Lesson* l : chosen) {
        std::cout << l->id << ": " << l->title << "\n";
        for (auto& s : l->scenarios) {
            failed += check_scenario(*l, s, verbose, passed);
            ++scenarios;
        }
    }
    // Mistakes in lesson files fail `check` of all lessons; of named ones only if they are asked for.
    if (names.empty()) print_errors(set);
    const bool load_failed = names.empty() && !set.errors.empty();
    std::cout << (failed || load_failed ? "FAILED" : "passed") << ": " << chosen.size() << " lessons, " << scenarios
              << " scenarios, " << passed << " checks passed, " << failed << " failed";
    if (load_failed) std::cout << ", " << set.errors.size() << " lesson-file errors";
    std::cout << '\n';
    return failed || load_failed ? 1 : 0;
}

}  // namespace looplab::app
