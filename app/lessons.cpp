// The lesson format's parser (lessons/README.md). Line by line, one pass, no exceptions:
// each mistake is recorded with its line and the lesson is dropped, so a teacher sees every
// mistake of a file at once and the other lessons keep working.
#include "lessons.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace looplab::lessons {

std::string LoadError::str() const {
    std::string s = file;
    if (line > 0) s += ":" + std::to_string(line);
    return s + ": " + message;
}

const char* compare_op_text(CompareOp op) {
    switch (op) {
        case CompareOp::eq: return "==";
        case CompareOp::ne: return "!=";
        case CompareOp::lt: return "<";
        case CompareOp::le: return "<=";
        case CompareOp::gt: return ">";
        case CompareOp::ge: return ">=";
    }
    return "?";
}

bool compare(double got, CompareOp op, double want) {
    // Virtual times are sums of the scenario's own numbers: allow float noise, nothing more.
    const double eps = 1e-9 * std::max(1.0, std::fabs(want));
    const bool equal = std::fabs(got - want) <= eps;
    switch (op) {
        case CompareOp::eq: return equal;
        case CompareOp::ne: return !equal;
        case CompareOp::lt: return got < want && !equal;
        case CompareOp::le: return got < want || equal;
        case CompareOp::gt: return got > want && !equal;
        case CompareOp::ge: return got > want || equal;
    }
    return false;
}

const TextSection* Lesson::section(const std::string& name) const {
    for (auto& s : sections)
        if (s.name == name) return &s;
    return nullptr;
}

size_t LessonSet::lesson_count() const {
    size_t n = 0;
    for (auto& c : chapters) n += c.lessons.size();
    return n;
}

const Lesson* LessonSet::find(const std::string& name) const {
    // "2" and "02" both name 02-tasks: the number before the first '-', leading zeros ignored.
    auto number_of = [](const std::string& id) -> long {
        const std::string digits = id.substr(0, id.find('-'));
        if (digits.empty() || !std::all_of(digits.begin(), digits.end(), ::isdigit)) return -1;
        return std::strtol(digits.c_str(), nullptr, 10);
    };
    for (auto& c : chapters)
        for (auto& l : c.lessons)
            if (l.id == name) return &l;
    const bool is_number = !name.empty() && std::all_of(name.begin(), name.end(), ::isdigit);
    if (!is_number) return nullptr;
    const long want = std::strtol(name.c_str(), nullptr, 10);
    for (auto& c : chapters)
        for (auto& l : c.lessons)
            if (number_of(l.id) == want) return &l;
    return nullptr;
}

namespace {

const char* const kTextSections[] = {"Lesson", "On the timeline", "Predict", "Answer", "Try this"};
const char* const kStates[] = {"running", "ready", "sleeping", "waiting", "done", "cancelled", "failed", "alive"};
const char* const kKinds[] = {"Lock", "Semaphore", "BoundedSemaphore", "Event", "Condition",
                              "Queue", "PriorityQueue", "LifoQueue"};

template <size_t N>
bool one_of(const std::string& s, const char* const (&list)[N]) {
    for (auto* x : list)
        if (s == x) return true;
    return false;
}

template <size_t N>
std::string list_text(const char* const (&list)[N]) {
    std::string out;
    for (size_t i = 0; i < N; ++i) out += (i ? ", " : "") + std::string(list[i]);
    return out;
}

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return "";
    size_t e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

bool parse_number(const std::string& s, double& out) {
    if (s.empty()) return false;
    char* end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return *end == '\0' && std::isfinite(out);
}

bool parse_count(const std::string& s, uint32_t& out) {
    if (s.empty() || !std::all_of(s.begin(), s.end(), ::isdigit) || s.size() > 9) return false;
    out = uint32_t(std::strtoul(s.c_str(), nullptr, 10));
    return true;
}

struct Token {
    std::string text;
    bool quoted = false;
};

// Whitespace-separated words; "double quotes" keep a task name with spaces in one word.
bool tokenize(const std::string& s, std::vector<Token>& out, std::string& msg) {
    size_t i = 0;
    while (i < s.size()) {
        if (s[i] == ' ' || s[i] == '\t') {
            ++i;
        } else if (s[i] == '"') {
            size_t close = s.find('"', i + 1);
            if (close == std::string::npos) return msg = "a quoted name has no closing \"", false;
            out.push_back({s.substr(i + 1, close - i - 1), true});
            i = close + 1;
        } else {
            size_t e = s.find_first_of(" \t\"", i);
            if (e == std::string::npos) e = s.size();
            out.push_back({s.substr(i, e - i), false});
            i = e;
        }
    }
    return true;
}

bool parse_op(const std::string& s, CompareOp& op) {
    static const std::pair<const char*, CompareOp> ops[] = {{"==", CompareOp::eq}, {"!=", CompareOp::ne},
                                                            {"<", CompareOp::lt},  {"<=", CompareOp::le},
                                                            {">", CompareOp::gt},  {">=", CompareOp::ge}};
    for (auto& [text, o] : ops)
        if (s == text) return op = o, true;
    return false;
}

}  // namespace

bool parse_fact(const std::string& text, Fact& f, std::string& msg) {
    f = Fact{};
    f.text = trim(text);
    std::vector<Token> t;
    if (!tokenize(f.text, t, msg)) return false;
    if (t.empty()) return msg = "empty fact", false;
    size_t i = 0;
    auto word = [&](const char* w) { return i < t.size() && !t[i].quoted && t[i].text == w; };
    auto need_state = [&](std::string& out) {
        if (i >= t.size() || !one_of(t[i].text, kStates))
            return msg = "expected a task state (" + list_text(kStates) + ")" +
                         (i < t.size() ? ", got '" + t[i].text + "'" : ""),
                   false;
        out = t[i++].text;
        return true;
    };
    auto need_kind = [&](std::string& out) {
        if (i >= t.size() || !one_of(t[i].text, kKinds))
            return msg = "expected a primitive (" + list_text(kKinds) + ")" +
                         (i < t.size() ? ", got '" + t[i].text + "'" : ""),
                   false;
        out = t[i++].text;
        return true;
    };
    // `at t=T` or `at tick N`.
    auto need_moment = [&]() {
        if (!word("at")) return msg = "expected 'at t=SECONDS' or 'at tick N'", false;
        ++i;
        if (i < t.size() && t[i].text.rfind("t=", 0) == 0) {
            f.at.kind = Moment::Kind::time;
            if (!parse_number(t[i].text.substr(2), f.at.time) || f.at.time < 0)
                return msg = "'" + t[i].text + "' is not a time: write t=1.5", false;
            ++i;
            return true;
        }
        if (word("tick")) {
            ++i;
            f.at.kind = Moment::Kind::tick;
            if (i >= t.size() || !parse_count(t[i].text, f.at.tick))
                return msg = "expected a tick number after 'at tick'", false;
            ++i;
            return true;
        }
        return msg = "expected 't=SECONDS' or 'tick N' after 'at'", false;
    };
    // `OP NUMBER` and nothing after it.
    auto need_comparison = [&]() {
        if (i >= t.size() || !parse_op(t[i].text, f.op))
            return msg = "expected a comparison (==, !=, <, <=, >, >=)" +
                         (i < t.size() ? std::string(", got '") + t[i].text + "'" : std::string()),
                   false;
        ++i;
        if (i >= t.size() || !parse_number(t[i].text, f.value))
            return msg = std::string("expected a number after ") + compare_op_text(f.op), false;
        ++i;
        return true;
    };
    auto need_task = [&](std::string& out) {
        if (i >= t.size()) return msg = "expected a task name", false;
        out = t[i++].text;
        return !out.empty() || (msg = "a task name cannot be empty", false);
    };

    bool ok = false;
    if (word("tasks")) {
        ++i;
        f.kind = Fact::Kind::tasks_in_state;
        ok = need_state(f.state) && need_moment() && need_comparison();
    } else if (word("max")) {
        ++i;
        if (word("tasks")) {
            ++i;
            f.kind = Fact::Kind::max_tasks_in_state;
            ok = need_state(f.state) && need_comparison();
        } else if (word("waiters") || word("holders") || word("items")) {
            const std::string what = t[i++].text;
            f.kind = what == "waiters" ? Fact::Kind::max_waiters
                     : what == "holders" ? Fact::Kind::max_holders
                                         : Fact::Kind::max_items;
            ok = need_kind(f.primitive);
            const bool queue = f.primitive.find("Queue") != std::string::npos;
            if (ok && f.kind == Fact::Kind::max_items && !queue)
                ok = false, msg = "'max items' counts a queue's items: Queue, PriorityQueue or LifoQueue";
            if (ok && f.kind == Fact::Kind::max_holders && (queue || f.primitive == "Event" || f.primitive == "Condition"))
                ok = false, msg = "'max holders' applies to Lock, Semaphore and BoundedSemaphore (a Condition's lock is a Lock)";
            ok = ok && need_comparison();
        } else {
            msg = "after 'max' expected 'tasks', 'waiters', 'holders' or 'items'";
        }
    } else if (word("steps")) {
        ++i;
        f.kind = Fact::Kind::steps;
        ok = need_task(f.task) && need_comparison();
    } else if (word("ticks")) {
        ++i;
        f.kind = Fact::Kind::ticks;
        ok = need_comparison();
    } else if (word("longest")) {
        ++i;
        f.kind = Fact::Kind::longest_step;
        if (!word("step")) msg = "expected 'longest step'";
        else ++i, ok = need_comparison();
    } else {
        // TASK at ... is STATE [on KIND]  |  TASK ends STATE
        ok = need_task(f.task);
        if (ok && word("ends")) {
            ++i;
            f.kind = Fact::Kind::task_end;
            ok = need_state(f.state);
            if (ok && f.state != "done" && f.state != "cancelled" && f.state != "failed")
                ok = false, msg = "a task ends done, cancelled or failed";
        } else if (ok && word("at")) {
            f.kind = Fact::Kind::task_state;
            ok = need_moment();
            if (ok && !word("is")) ok = false, msg = "expected 'is STATE' after the moment";
            if (ok) ++i, ok = need_state(f.state);
            if (ok && word("on")) {
                ++i;
                if (f.state != "waiting") ok = false, msg = "only a waiting task waits 'on' something";
                else ok = need_kind(f.primitive);
            }
        } else if (ok) {
            ok = false;
            msg = "unknown fact: expected 'tasks', 'max', 'steps', 'ticks', 'longest step', "
                  "'TASK at ... is STATE' or 'TASK ends STATE' (lessons/README.md lists them)";
        }
    }
    if (ok && i < t.size()) ok = false, msg = "unexpected '" + t[i].text + "' at the end of the fact";
    return ok;
}

namespace {

struct Parser {
    const std::string& file;
    const std::string& dir;
    Lesson& lesson;
    std::vector<LoadError>& errors;
    bool failed = false;

    void error(int line, std::string msg) {
        errors.push_back({file, line, std::move(msg)});
        failed = true;
    }

    // `key: value` → true with both set.
    static bool split_key(const std::string& line, std::string& key, std::string& value) {
        size_t colon = line.find(':');
        if (colon == std::string::npos) return false;
        key = trim(line.substr(0, colon));
        if (key.empty() || key.find_first_of(" \t") != std::string::npos) return false;
        value = trim(line.substr(colon + 1));
        return true;
    }

    void scenario_header(const std::string& rest, int n) {
        std::string name = rest, title;
        size_t colon = rest.find(':');
        if (colon != std::string::npos) name = trim(rest.substr(0, colon)), title = trim(rest.substr(colon + 1));
        Scenario s;
        s.file = name;
        s.title = title.empty() ? name : title;
        s.line = n;
        s.path = (fs::path(dir) / name).string();
        if (name.size() < 4 || name.substr(name.size() - 3) != ".py")
            return error(n, "a scenario is a .py file: '## Scenario NAME.py: Title'");
        if (name.find('/') != std::string::npos || name.find('\\') != std::string::npos)
            return error(n, "scenario files live in the lesson's own directory: give the file name only");
        for (auto& other : lesson.scenarios)
            if (other.file == name) return error(n, "scenario " + name + " appears twice");
        std::error_code ec;
        if (!fs::is_regular_file(s.path, ec)) return error(n, "scenario file " + name + " not found in " + dir);
        lesson.scenarios.push_back(std::move(s));
    }

    // One line inside a `## Scenario` section. `stdout` is true while `|` lines may follow.
    void scenario_line(const std::string& line, int n, bool& in_stdout) {
        Scenario& s = lesson.scenarios.back();
        if (!line.empty() && line[0] == '|') {
            if (!in_stdout) return error(n, "a '|' line belongs right after 'stdout:'");
            std::string content = line.substr(1);
            if (!content.empty() && content[0] == ' ') content.erase(0, 1);
            s.checks.back().text += content + "\n";
            return;
        }
        in_stdout = false;
        const std::string t = trim(line);
        if (t.empty() || t[0] == '#') return;
        std::string key, value;
        if (!split_key(t, key, value))
            return error(n, "expected 'key: value' (args, exit, elapsed, stdout, stderr-last, fact), got '" + t + "'");
        Check c;
        c.line = n;
        if (key == "args") {
            std::istringstream in(value);
            std::vector<std::string> args;
            for (std::string a; in >> a;) args.push_back(a);
            for (size_t i = 0; i < args.size(); i += 2) {
                const std::string& a = args[i];
                if (a != "--until" && a != "--seed" && a != "--max-steps")
                    return error(n, "args: only --until S, --seed N and --max-steps N are allowed, got '" + a + "'");
                double v = 0;
                if (i + 1 >= args.size() || !parse_number(args[i + 1], v))
                    return error(n, "args: " + a + " needs a number");
            }
            s.args = std::move(args);
            return;
        }
        if (key == "exit") {
            uint32_t code = 0;
            if (!parse_count(value, code) || code > 255) return error(n, "exit: expected an exit code 0-255, got '" + value + "'");
            c.kind = Check::Kind::exit_code;
            c.exit_code = int(code);
        } else if (key == "elapsed") {
            if (!parse_number(value, c.elapsed) || c.elapsed < 0)
                return error(n, "elapsed: expected virtual seconds (e.g. 3 or 1.5), got '" + value + "'");
            c.kind = Check::Kind::elapsed;
        } else if (key == "stdout") {
            if (!value.empty()) return error(n, "stdout: the expected lines follow, one per line, each starting with '|'");
            c.kind = Check::Kind::stdout_text;
            in_stdout = true;
        } else if (key == "stderr-last") {
            c.kind = Check::Kind::stderr_last;
            c.text = value;
        } else if (key == "fact") {
            std::string msg;
            if (!parse_fact(value, c.fact, msg)) return error(n, "fact: " + msg);
            c.kind = Check::Kind::fact;
        } else {
            return error(n, "unknown key '" + key + "' in a scenario (args, exit, elapsed, stdout, stderr-last, fact)");
        }
        for (auto& other : s.checks)
            if (other.kind == c.kind && c.kind != Check::Kind::fact)
                return error(n, "'" + key + "' is already given for " + s.file + " at line " + std::to_string(other.line));
        s.checks.push_back(std::move(c));
    }

    void run(const std::string& text) {
        std::vector<std::string> lines;
        {
            std::istringstream in(text);
            for (std::string l; std::getline(in, l);) {
                if (!l.empty() && l.back() == '\r') l.pop_back();
                lines.push_back(std::move(l));
            }
            if (!lines.empty() && lines[0].rfind("\xEF\xBB\xBF", 0) == 0) lines[0].erase(0, 3);
        }
        enum class Where { header, text, scenario } where = Where::header;
        bool seen_title = false, in_stdout = false;
        for (size_t idx = 0; idx < lines.size(); ++idx) {
            const std::string& line = lines[idx];
            const int n = int(idx) + 1;
            if (line.rfind("## ", 0) == 0 || line == "##") {
                in_stdout = false;
                const std::string name = trim(line.substr(2));
                if (name.rfind("Scenario ", 0) == 0 || name == "Scenario") {
                    where = Where::scenario;
                    const size_t before = lesson.scenarios.size();
                    scenario_header(trim(name.substr(8)), n);
                    if (lesson.scenarios.size() == before) {
                        // Skip the broken scenario's lines so they do not produce follow-on errors.
                        while (idx + 1 < lines.size() && lines[idx + 1].rfind("## ", 0) != 0) ++idx;
                    }
                    continue;
                }
                if (!one_of(name, kTextSections)) {
                    error(n, "unknown section '" + name + "': sections are " + list_text(kTextSections) +
                                 " and 'Scenario FILE.py'");
                    while (idx + 1 < lines.size() && lines[idx + 1].rfind("## ", 0) != 0) ++idx;
                    continue;
                }
                if (const TextSection* prev = lesson.section(name)) {
                    error(n, "section '" + name + "' appears twice (first at line " + std::to_string(prev->line) + ")");
                    while (idx + 1 < lines.size() && lines[idx + 1].rfind("## ", 0) != 0) ++idx;
                    continue;
                }
                if (!lesson.scenarios.empty())
                    error(n, "text sections come before the scenarios ('" + name + "' follows a '## Scenario')");
                lesson.sections.push_back({name, "", n});
                where = Where::text;
                continue;
            }
            switch (where) {
                case Where::header: {
                    const std::string t = trim(line);
                    if (t.empty()) break;
                    if (!seen_title) {
                        if (t.rfind("# ", 0) != 0 || trim(t.substr(2)).empty()) {
                            error(n, "a lesson file starts with its title: '# Title'");
                            return;
                        }
                        lesson.title = trim(t.substr(2));
                        seen_title = true;
                        break;
                    }
                    std::string key, value;
                    if (!split_key(t, key, value)) {
                        error(n, "expected 'chapter: ...' or 'summary: ...' before the first '## ' section, got '" + t + "'");
                    } else if (key == "chapter") {
                        if (value.empty()) error(n, "chapter: needs a title");
                        lesson.chapter = value;
                    } else if (key == "summary") {
                        lesson.summary = value;
                    } else {
                        error(n, "unknown key '" + key + "' (the header has 'chapter:' and 'summary:')");
                    }
                    break;
                }
                case Where::text:
                    lesson.sections.back().text += line + "\n";
                    break;
                case Where::scenario:
                    scenario_line(line, n, in_stdout);
                    break;
            }
        }
        // Text sections keep their inner blank lines, not the ones around them.
        for (auto& s : lesson.sections) {
            size_t b = s.text.find_first_not_of("\n");
            size_t e = s.text.find_last_not_of("\n \t");
            s.text = b == std::string::npos ? "" : s.text.substr(b, e - b + 1) + "\n";
        }
        if (!seen_title) return error(0, "empty lesson file: it needs at least '# Title', 'chapter:', '## Lesson' and a '## Scenario'");
        if (lesson.chapter.empty()) error(1, "the header needs 'chapter: TITLE' (the chapter this lesson belongs to)");
        if (!lesson.section("Lesson")) error(0, "no '## Lesson' section: the lesson has no text");
        if (lesson.scenarios.empty() && !failed) error(0, "no '## Scenario FILE.py' section: the lesson has nothing to run");
    }
};

}  // namespace

bool parse_lesson(const std::string& text, const std::string& file, const std::string& dir,
                  const std::string& id, Lesson& out, std::vector<LoadError>& errors) {
    out = Lesson{};
    out.id = id;
    out.dir = dir;
    out.file = file;
    Parser p{file, dir, out, errors};
    p.run(text);
    return !p.failed;
}

LessonSet load_lessons(const std::string& dir) {
    LessonSet set;
    set.dir = dir;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        set.errors.push_back({dir, 0, "no such lessons directory"});
        return set;
    }
    std::vector<fs::path> dirs;
    for (auto& e : fs::directory_iterator(dir, ec))
        if (e.is_directory(ec) && fs::exists(e.path() / "lesson.txt", ec)) dirs.push_back(e.path());
    std::sort(dirs.begin(), dirs.end());
    for (auto& d : dirs) {
        const std::string file = (d / "lesson.txt").string();
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            set.errors.push_back({file, 0, "cannot read the file"});
            continue;
        }
        std::ostringstream ss;
        ss << in.rdbuf();
        Lesson lesson;
        if (!parse_lesson(ss.str(), file, d.string(), d.filename().string(), lesson, set.errors)) continue;
        auto it = std::find_if(set.chapters.begin(), set.chapters.end(),
                               [&](const Chapter& c) { return c.title == lesson.chapter; });
        if (it == set.chapters.end()) it = set.chapters.insert(set.chapters.end(), Chapter{lesson.chapter, {}});
        it->lessons.push_back(std::move(lesson));
    }
    if (dirs.empty()) set.errors.push_back({dir, 0, "no lessons here (a lesson is a directory with a lesson.txt)"});
    return set;
}

std::string find_lessons_dir(const char* argv0) {
    std::error_code ec;
    auto ok = [&](const fs::path& p) { return fs::is_directory(p, ec) && !fs::is_empty(p, ec); };
    if (const char* env = std::getenv("LOOPLAB_LESSONS"); env && *env) return env;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec && argv0) exe = fs::absolute(argv0, ec);
    if (!exe.empty()) {
        for (const fs::path& p : {exe.parent_path() / "lessons", exe.parent_path().parent_path() / "lessons"})
            if (ok(p)) return p.lexically_normal().string();
    }
    if (ok("lessons")) return fs::absolute("lessons", ec).lexically_normal().string();
#ifdef LOOPLAB_SOURCE_LESSONS_DIR
    if (ok(LOOPLAB_SOURCE_LESSONS_DIR)) return LOOPLAB_SOURCE_LESSONS_DIR;
#endif
    return "";
}

}  // namespace looplab::lessons
