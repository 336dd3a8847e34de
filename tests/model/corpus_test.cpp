// The model over every scenario of the interpreter's differential corpus
// (tests/interp/scenarios: tutorials and edge cases, including failing and deadlocking
// ones): invariants that must hold for any run, checked at every tick.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "model_test_support.hpp"

using namespace looplab;
using namespace looplab::model;

#ifndef LOOPLAB_CORPUS_DIR
#error "LOOPLAB_CORPUS_DIR must name tests/interp/scenarios"
#endif

namespace {

std::vector<std::string> corpus() {
    std::vector<std::string> files;
    for (auto& e : std::filesystem::directory_iterator(LOOPLAB_CORPUS_DIR))
        if (e.path().extension() == ".py" && e.path().filename().string().find('_') != std::string::npos &&
            e.path().filename() != "check_corpus.py")
            files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

// The two runs compared are separate runs: objects' addresses in item reprs differ.
Snapshot without_addresses(Snapshot s) {
    static const std::regex hex("0x[0-9a-f]+");
    for (PrimitiveView& p : s.primitives)
        for (std::string& item : p.items) item = std::regex_replace(item, hex, "0x?");
    return s;
}

void check_invariants(const std::string& file, const Recording& r, const Recording& scratch) {
    INFO(file);
    REQUIRE(r.end_tick == r.last_tick + 1);
    REQUIRE(r.holder.size() == r.last_tick);
    for (const Task& t : r.tasks) {
        REQUIRE_FALSE(t.segments.empty());
        CHECK(t.segments.front().begin_tick == t.created_tick);
        CHECK(t.segments.back().end_tick == r.end_tick + 1);
        for (size_t i = 1; i < t.segments.size(); ++i) {
            CHECK(t.segments[i].begin_tick == t.segments[i - 1].end_tick);
            CHECK(t.segments[i].begin_time >= t.segments[i - 1].begin_time);
        }
        for (size_t i = 1; i < t.lines.size(); ++i) CHECK(t.lines[i].tick > t.lines[i - 1].tick);
    }
    Snapshot s;
    for (uint32_t k = 0; k <= r.end_tick; ++k) {
        r.snapshot_at(k, s);
        // Seeking with keyframes every 3 operations equals replaying from the start.
        Snapshot other = scratch.snapshot_at(k);
        if (!(s == other)) CHECK(without_addresses(s) == without_addresses(other));
        if (k >= 1 && k <= r.last_tick) CHECK(s.tasks[s.holder].state == TaskState::running);
        int running = 0;
        for (const TaskView& v : s.tasks) running += v.state == TaskState::running;
        CHECK(running == (k >= 1 && k <= r.last_tick ? 1 : 0));
        for (const ReadyEntry& e : s.ready)
            if (e.is_task) CHECK(e.task < s.tasks.size());
        for (const PrimitiveView& p : s.primitives) {
            // Nobody finished is still queued on a primitive.
            for (uint32_t w : p.waiters) CHECK(s.tasks[w].state != TaskState::done);
            if (p.kind == PrimitiveKind::queue || p.kind == PrimitiveKind::lifo_queue || p.kind == PrimitiveKind::priority_queue)
                CHECK(p.items.size() == std::min<size_t>(p.size, 100));
        }
    }
}

}  // namespace

TEST_CASE("every scenario of the interpreter's corpus gives a consistent recording") {
    auto files = corpus();
    REQUIRE(files.size() > 100);
    app::RecordOptions fast, slow;
    fast.keyframe_every = 3;
    slow.keyframe_every = 0xFFFFFFFFu;
    fast.max_steps = slow.max_steps = 1500;  // keeps the every-tick check quick
    for (const std::string& f : files) {
        auto a = app::record_file(f, fast);
        auto b = app::record_file(f, slow);
        CHECK(a.exit_code == b.exit_code);
        check_invariants(f, a.recording, b.recording);
    }
}
