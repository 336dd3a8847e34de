// `looplab bench-ui --tasks N --events M`: the GUI's own cost on a synthetic recording.
// frame_ms: median CPU time of one frame from ImGui::NewFrame to the end of ImGui::Render
// (the app's work: layout, culling, draw lists; not the GPU), over frames that zoom, pan,
// switch axis, hover and play. seek_ms: median time to rebuild the state at a random tick.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <random>
#include <vector>

#include <imgui.h>

#include "gui/app.hpp"

namespace looplab::gui {

namespace {

double cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int run_bench_ui(uint32_t tasks, uint64_t events, uint32_t frames) {
    PlatformOptions po;
    po.offscreen = true;
    Platform platform;
    std::string error;
    if (!platform.open(po, error)) {
        std::cerr << "looplab bench-ui: " << error << "\n";
        return 1;
    }
    const double b0 = cpu_ms();
    auto rec = std::make_shared<model::Recording>(model::make_synthetic_recording(tasks, uint32_t(events), 1));
    const double build_ms = cpu_ms() - b0;
    std::cerr << "synthetic recording: " << rec->tasks.size() << " tasks, " << rec->events.size() << " events, "
              << rec->end_tick << " ticks, built in " << int(build_ms) << " ms\n";

    App app(platform, nullptr, AppOptions{{}, "", po});
    LoadedScenario loaded;
    loaded.path = "synthetic";
    loaded.recording = rec;
    app.set_loaded(std::move(loaded));

    // Seeks: random ticks, each a fresh snapshot from the nearest keyframe.
    std::mt19937_64 rng(7);
    std::vector<double> seeks;
    model::Snapshot snap;
    for (int i = 0; i < 200; ++i) {
        const uint32_t t = uint32_t(rng() % (uint64_t(rec->end_tick) + 1));
        const double s0 = cpu_ms();
        rec->snapshot_at(t, snap);
        seeks.push_back(cpu_ms() - s0);
    }

    // Frames: a script of what a user does with a big recording.
    std::vector<double> times;
    ImGuiIO& io = ImGui::GetIO();
    const float W = float(po.width), H = float(po.height);
    for (uint32_t f = 0; f < frames; ++f) {
        TimelineState& tl = app.timeline();
        const uint32_t phase = (f / 40) % 6;
        if (f % 40 == 0) {
            tl.tick_axis = phase >= 3;
            tl.fit = true;
        }
        // Hover the timeline (tooltips), zoom in with the wheel in phases 1, 2, 4 and 5.
        io.MousePos = ImVec2(W * (0.3f + 0.4f * float(f % 40) / 40.0f), H * 0.8f);
        io.MouseWheel = (phase % 3 != 0 && f % 40 < 10) ? 1.0f : 0.0f;
        app.jump(int64_t(uint64_t(f) * rec->end_tick / std::max<uint32_t>(1, frames)));
        app.before_frame();
        platform.new_frame();
        const double t0 = cpu_ms();
        app.draw(1.0 / 60);  // NewFrame ... Render
        times.push_back(cpu_ms() - t0);
        const float clear[4] = {0, 0, 0, 1};
        platform.render(clear);
    }
    std::printf("ui frames=%u frame_ms=%.2f seek_ms=%.3f\n", frames, median(times), median(seeks));
    std::fprintf(stderr, "frame_ms max=%.2f; seek_ms max=%.3f; last frame: %u lanes, %u bars, %u folded bars\n",
                 *std::max_element(times.begin(), times.end()), *std::max_element(seeks.begin(), seeks.end()),
                 app.timeline().lanes_drawn, app.timeline().bars_drawn, app.timeline().folded_bars);
    return 0;
}

}  // namespace looplab::gui
