// The `--events` (JSON Lines) and `--trace` (Chrome Trace Event Format) exports: valid JSON
// (checked by a small strict parser below), every event present with its ids resolved to
// names, and the Chrome layout of docs/chrome-trace.md: tracks, slices, matched flows and
// the synthetic width of zero-time steps.
#include <catch2/catch.hpp>

#include <cctype>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <variant>

#include "looplab/event_loop.hpp"
#include "looplab/exceptions.hpp"
#include "looplab/lock.hpp"
#include "looplab/runners.hpp"
#include "looplab/sleep.hpp"
#include "looplab/trace_export.hpp"
#include "test_support.hpp"

using namespace looplab;
using looplab::testing::Run;

namespace {

// --- a strict JSON parser (RFC 8259), enough to check the exports ------------------------------

struct Json;
using Object = std::vector<std::pair<std::string, Json>>;
using Array = std::vector<Json>;
struct Json {
    std::variant<std::nullptr_t, bool, double, std::string, Array, Object> v;
    bool is_null() const { return std::holds_alternative<std::nullptr_t>(v); }
    const std::string& str() const { return std::get<std::string>(v); }
    double num() const { return std::get<double>(v); }
    const Array& arr() const { return std::get<Array>(v); }
    const Object& obj() const { return std::get<Object>(v); }
    bool has(const std::string& k) const {
        for (auto& [key, val] : obj())
            if (key == k) return true;
        return false;
    }
    const Json& operator[](const std::string& k) const {
        for (auto& [key, val] : obj())
            if (key == k) return val;
        throw std::runtime_error("no key " + k);
    }
};

class Parser {
public:
    explicit Parser(std::string_view s) : s_(s) {}
    Json parse_document() {
        Json j = value();
        ws();
        if (i_ != s_.size()) fail("trailing text");
        return j;
    }

private:
    [[noreturn]] void fail(const std::string& why) { throw std::runtime_error(why + " at " + std::to_string(i_)); }
    void ws() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_;
    }
    bool eat(char c) {
        ws();
        if (i_ < s_.size() && s_[i_] == c) return ++i_, true;
        return false;
    }
    void expect(char c) {
        if (!eat(c)) fail(std::string("expected ") + c);
    }
    void literal(std::string_view w) {
        if (s_.substr(i_, w.size()) != w) fail("bad literal");
        i_ += w.size();
    }
    Json value() {
        ws();
        if (i_ >= s_.size()) fail("unexpected end");
        char c = s_[i_];
        if (c == '{') {
            ++i_;
            Object o;
            if (eat('}')) return Json{o};
            do {
                ws();
                std::string k = string();
                expect(':');
                o.emplace_back(std::move(k), value());
            } while (eat(','));
            expect('}');
            return Json{std::move(o)};
        }
        if (c == '[') {
            ++i_;
            Array a;
            if (eat(']')) return Json{a};
            do a.push_back(value());
            while (eat(','));
            expect(']');
            return Json{std::move(a)};
        }
        if (c == '"') return Json{string()};
        if (c == 't') return literal("true"), Json{true};
        if (c == 'f') return literal("false"), Json{false};
        if (c == 'n') return literal("null"), Json{nullptr};
        return Json{number()};
    }
    double number() {
        size_t start = i_;
        if (i_ < s_.size() && s_[i_] == '-') ++i_;
        if (i_ >= s_.size() || !isdigit(static_cast<unsigned char>(s_[i_]))) fail("bad number");
        if (s_[i_] == '0' && i_ + 1 < s_.size() && isdigit(static_cast<unsigned char>(s_[i_ + 1]))) fail("leading zero");
        while (i_ < s_.size() && (isdigit(static_cast<unsigned char>(s_[i_])) || std::string_view(".eE+-").find(s_[i_]) != std::string_view::npos)) ++i_;
        return std::stod(std::string(s_.substr(start, i_ - start)));
    }
    std::string string() {
        if (s_[i_] != '"') fail("expected string");
        ++i_;
        std::string out;
        while (true) {
            if (i_ >= s_.size()) fail("unterminated string");
            unsigned char c = static_cast<unsigned char>(s_[i_++]);
            if (c == '"') return out;
            if (c < 0x20) fail("raw control character in string");
            if (c == '\\') {
                char e = s_[i_++];
                switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'n': out += '\n'; break;
                case 't': out += '\t'; break;
                case 'r': out += '\r'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'u': {
                    unsigned cp = unsigned(std::stoul(std::string(s_.substr(i_, 4)), nullptr, 16));
                    i_ += 4;
                    utf8(out, cp);
                    break;
                }
                default: fail("bad escape");
                }
            } else if (c >= 0x80) {
                // Must be well-formed UTF-8.
                int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 ? 1 : -1;
                if (n < 0 || c > 0xF4) fail("invalid UTF-8 lead byte");
                out += char(c);
                for (int k = 0; k < n; ++k) {
                    if (i_ >= s_.size() || (static_cast<unsigned char>(s_[i_]) & 0xC0) != 0x80) fail("invalid UTF-8");
                    out += s_[i_++];
                }
            } else {
                out += char(c);
            }
        }
    }
    static void utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) out += char(cp);
        else if (cp < 0x800) out += char(0xC0 | (cp >> 6)), out += char(0x80 | (cp & 0x3F));
        else out += char(0xE0 | (cp >> 12)), out += char(0x80 | ((cp >> 6) & 0x3F)), out += char(0x80 | (cp & 0x3F));
    }
    std::string_view s_;
    size_t i_ = 0;
};

Json parse(std::string_view s) { return Parser(s).parse_document(); }

std::vector<Json> parse_lines(const std::string& text) {
    std::vector<Json> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(parse(line));
    return out;
}

// --- the program -------------------------------------------------------------------------------

/*  async def worker(lock, label):
        async with lock:
            print(label + " 你好 привіт")
            await asyncio.sleep(1)
    async def sleeper():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("sleeper cancelled")
            raise
    async def main():
        lock = asyncio.Lock()
        a = asyncio.create_task(worker(lock, "a"), name="alpha")
        b = asyncio.create_task(worker(lock, "b"))
        s = asyncio.create_task(sleeper())
        await asyncio.sleep(0)
        s.cancel("enough")
        await a
        await b
        try:
            await s
        except asyncio.CancelledError:
            pass
        print('tab\there "quoted" \x01')                                               */
Coroutine<void> worker(Lock& lock, std::string label) {
    auto guard = co_await lock.scoped();
    print(label + " 你好 привіт");
    co_await sleep(1);
}
Coroutine<void> sleeper() {
    try {
        co_await sleep(10);
    } catch (const CancelledError&) {
        print("sleeper cancelled");
        throw;
    }
}
Coroutine<void> program() {
    Lock lock;
    auto a = create_task(worker(lock, "a"), "alpha");
    auto b = create_task(worker(lock, "b"));
    auto s = create_task(sleeper());
    co_await sleep(0);
    s.cancel("enough");
    co_await a;
    co_await b;
    try {
        co_await s;
    } catch (const CancelledError&) {
    }
    print("tab\there \"quoted\" \x01");
}

size_t count_kind(const Tracer& tr, EventKind k) {
    size_t n = 0;
    for (const auto& e : tr.events()) n += e.kind == k;
    return n;
}

}  // namespace

TEST_CASE("json_quote escapes what JSON requires and keeps UTF-8 text") {
    CHECK(json_quote("plain") == "\"plain\"");
    CHECK(json_quote("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(json_quote("line\nnext\ttab\x01") == "\"line\\nnext\\ttab\\u0001\"");
    CHECK(json_quote("你好 привіт") == "\"你好 привіт\"");
    SECTION("a stray byte becomes U+FFFD so the output always parses") {
        CHECK(json_quote("a\xff" "b") == "\"a\\ufffdb\"");
        CHECK(json_quote("\xe4\xbd") == "\"\\ufffd\\ufffd\"");  // truncated 3-byte sequence
        CHECK(json_quote("\xc0\xaf") == "\"\\ufffd\\ufffd\"");  // overlong '/'
    }
    SECTION("a lone surrogate (as a Python str may hold) is kept as an escape") {
        CHECK(json_quote("\xed\xa0\x80") == "\"\\ud800\"");
    }
}

TEST_CASE("The events export writes every trace event as one JSON object per line") {
    Run run;
    looplab::run(program());
    const Tracer& tr = *run.rt.tracer();
    std::ostringstream out;
    write_events_jsonl(tr, out);
    std::vector<Json> lines = parse_lines(out.str());
    REQUIRE(lines.size() == tr.events().size());

    SECTION("the common fields are there, in order of the run") {
        double seq = -1, t = 0;
        for (size_t i = 0; i < lines.size(); ++i) {
            const Json& j = lines[i];
            for (const char* k : {"seq", "t", "tick", "loop", "thread", "process", "kind", "holder", "holder_id"}) CHECK(j.has(k));
            CHECK(j["seq"].num() == seq + 1);
            seq = j["seq"].num();
            CHECK(j["t"].num() >= t);
            t = j["t"].num();
            CHECK(j["kind"].str() == event_kind_name(tr.events()[i].kind));
        }
    }
    SECTION("ids are resolved to names") {
        std::set<std::string> created, prints, on;
        std::vector<std::string> ops;
        for (const Json& j : lines) {
            const std::string& k = j["kind"].str();
            if (k == "task_created") created.insert(j["task"].str());
            if (k == "print") prints.insert(j["text"].str());
            if (k == "step_end" && j["reason"].str() == "awaiting_future") on.insert(j["on"].str());
            if (k == "primitive_op") ops.push_back(j["task"].str() + " " + j["op"].str() + " " + j["primitive"].str());
            if (k == "task_renamed") {
                CHECK(j["old_name"].str() == "Task-2");
                CHECK(j["task"].str() == "alpha");
            }
            if (k == "cancel_requested") {
                CHECK(j["target"].str() == "Task-4");
                CHECK(j["by"].str() == "Task-1");
                CHECK(j["message"].str() == "enough");
            }
            if (k == "step_begin" && j["cause"].str() == "wakeup") CHECK(!j["waker"].str().empty());
        }
        CHECK(created == std::set<std::string>{"Task-1", "Task-2", "Task-3", "Task-4", "Task-5", "Task-6"});
        CHECK(prints == std::set<std::string>{"a 你好 привіт", "b 你好 привіт", "sleeper cancelled", "tab\there \"quoted\" \x01"});
        // What a step waits on: the sleep, the lock's waiter, another task.
        CHECK(on.count("sleep"));
        CHECK(on.count("Lock.acquire (Lock 1)"));
        CHECK(on.count("alpha"));
        CHECK(ops == std::vector<std::string>{"alpha lock_acquire Lock 1", "Task-3 lock_wait Lock 1", "alpha lock_release Lock 1",
                                              "Task-3 lock_acquired Lock 1", "Task-3 lock_release Lock 1"});
    }
    SECTION("a wake-up names its waker and the task it wakes") {
        size_t wakeups = 0;
        for (const Json& j : lines) {
            if (j["kind"].str() != "handle_scheduled" || j["handle"].str() != "task_wakeup") continue;
            ++wakeups;
            CHECK(!j["task"].str().empty());
            CHECK(!j["waker"].str().empty());
        }
        CHECK(wakeups > 0);
    }
}

TEST_CASE("The trace export writes Chrome Trace Event Format that Perfetto can open") {
    Run run;
    looplab::run(program());
    const Tracer& tr = *run.rt.tracer();
    std::ostringstream out;
    write_chrome_trace(tr, out);
    Json doc = parse(out.str());
    const Array& evs = doc["traceEvents"].arr();
    size_t steps = count_kind(tr, EventKind::step_begin);

    std::map<uint64_t, std::string> thread_names;  // tid -> name
    std::vector<const Json*> holder_steps, task_steps, prints, flows_s, flows_f, waits;
    double last_ts = -1;
    for (const Json& e : evs) {
        const std::string& ph = e["ph"].str();
        if (ph == "M") {
            if (e["name"].str() == "thread_name") thread_names[uint64_t(e["tid"].num())] = e["args"]["name"].str();
            continue;
        }
        CHECK(e["pid"].num() >= 1);  // Perfetto treats pid 0 as the kernel's swapper
        CHECK(e["tid"].num() >= 1);
        CHECK(e["ts"].num() >= last_ts);  // sorted by time
        last_ts = e["ts"].num();
        if (ph == "X" && e["cat"].str() == "holder") holder_steps.push_back(&e);
        if (ph == "X" && e["cat"].str() == "step") task_steps.push_back(&e);
        if (ph == "X" && e["cat"].str() == "state" && e["name"].str().rfind("waiting", 0) == 0) waits.push_back(&e);
        if (ph == "i" && e["cat"].str() == "print") prints.push_back(&e);
        if (ph == "s") flows_s.push_back(&e);
        if (ph == "f") flows_f.push_back(&e);
    }

    SECTION("one track per task, named after it, and the loop holder's track") {
        CHECK(thread_names[1] == "MainThread (loop holder)");
        CHECK(thread_names[100001] == "Task-1");
        CHECK(thread_names[100002] == "alpha (Task-2)");
        CHECK(thread_names[100006] == "Task-6");
        CHECK(thread_names.size() == 7);
    }
    SECTION("every step is a slice on the holder track and on its task's track") {
        CHECK(holder_steps.size() == steps);
        CHECK(task_steps.size() == steps);
        for (const Json* h : holder_steps) CHECK((*h)["tid"].num() == 1);
        // Zero-time steps are 1 µs wide; each starts after the previous one ends.
        double end = 0;
        for (const Json* h : holder_steps) {
            CHECK((*h)["dur"].num() == 1.0);
            CHECK((*h)["ts"].num() >= end);
            end = (*h)["ts"].num() + (*h)["dur"].num();
            CHECK((*h)["args"]["t"].num() * 1e6 <= (*h)["ts"].num());  // never drawn before its virtual time
        }
        // What holds the loop first once the clock has jumped to t=1 (the sleep's timer
        // callback) is drawn at exactly 1 s: the display clock catches up with virtual time.
        const Json* first = nullptr;
        for (const Json& e : evs)
            if (!first && e["ph"].str() == "X" && e["tid"].num() == 1 && e["args"]["t"].num() == 1.0) first = &e;
        REQUIRE(first);
        CHECK((*first)["ts"].num() == 1000000.0);
        CHECK((*first)["name"].str() == "timer callback");
    }
    SECTION("prints are instants carrying their text, on the printing task's track") {
        REQUIRE(prints.size() == 4);
        CHECK((*prints[0])["args"]["text"].str() == "a 你好 привіт");
        CHECK((*prints[0])["tid"].num() == 100002);
        CHECK((*prints[3])["args"]["text"].str() == "tab\there \"quoted\" \x01");
        CHECK((*prints[3])["args"]["task"].str() == "Task-1");
    }
    SECTION("flows are matched pairs, each end inside a slice of its own track") {
        REQUIRE(!flows_s.empty());
        CHECK(flows_s.size() == flows_f.size());
        std::map<double, const Json*> starts;
        for (const Json* s : flows_s) starts[(*s)["id"].num()] = s;
        auto inside_a_slice = [&](const Json& f) {
            for (const Json& e : evs)
                if (e["ph"].str() == "X" && e["tid"].num() == f["tid"].num() && e["ts"].num() < f["ts"].num() &&
                    f["ts"].num() < e["ts"].num() + e["dur"].num())
                    return true;
            return false;
        };
        for (const Json* f : flows_f) {
            REQUIRE(starts.count((*f)["id"].num()));
            const Json& s = *starts[(*f)["id"].num()];
            CHECK((*f)["bp"].str() == "e");
            CHECK(s["ts"].num() < (*f)["ts"].num());
            CHECK(s["name"].str() == (*f)["name"].str());
            CHECK(inside_a_slice(s));
            CHECK(inside_a_slice(*f));
        }
        // One "create" flow per task, the rest are wake-ups.
        size_t creates = 0;
        for (const Json* s : flows_s) creates += (*s)["name"].str() == "create";
        CHECK(creates == 6);
    }
    SECTION("a task waiting on a sleep shows the wait as a slice") {
        bool sleep_wait = false;
        for (const Json* w : waits) sleep_wait |= (*w)["name"].str() == "waiting: sleep";
        CHECK(sleep_wait);
    }
}

namespace {
// time.sleep(2) in a coroutine: the clock moves while the task holds the loop.
Coroutine<void> blocks_the_loop() {
    print("before");
    Runtime::current().advance_clock_to(virtual_time() + 2);
    print("after");
    co_return;
}
}  // namespace

TEST_CASE("a step that blocks the loop is drawn as long as the block") {
    Run run;
    looplab::run(blocks_the_loop());
    std::ostringstream out;
    write_chrome_trace(*run.rt.tracer(), out);
    Json doc = parse(out.str());
    const Json* step = nullptr;
    std::vector<double> prints;
    for (const Json& e : doc["traceEvents"].arr()) {
        if (e["ph"].str() == "X" && e["cat"].str() == "holder" && !step) step = &e;
        if (e["ph"].str() == "i" && e["cat"].str() == "print") prints.push_back(e["ts"].num());
    }
    REQUIRE(step);
    CHECK((*step)["args"]["t"].num() == 0);
    CHECK((*step)["args"]["t_end"].num() == 2);
    // It starts after the 1 µs of `main program` that created the task, and ends just after
    // virtual time 2 s, where its second print is drawn.
    double ts = (*step)["ts"].num(), end = ts + (*step)["dur"].num();
    CHECK(ts == 1.0);
    CHECK(end > 2000000.0);
    CHECK(end < 2000001.0);
    REQUIRE(prints.size() == 2);
    CHECK(prints[0] < 2.0);
    CHECK(prints[1] > 2000000.0);
    CHECK(prints[1] < end);
}

TEST_CASE("an empty trace still gives valid, empty exports") {
    Tracer tr;
    std::ostringstream events, trace;
    write_events_jsonl(tr, events);
    write_chrome_trace(tr, trace);
    CHECK(events.str().empty());
    Json doc = parse(trace.str());
    CHECK(doc["traceEvents"].arr().empty());
}
