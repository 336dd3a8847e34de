#pragma once
// Colours: ImGui's style for a dark and a light theme, the colours the panels draw with, and
// one palette for tasks. A task keeps its colour in every panel (timeline lane, code marker,
// inspector row, console tag). The palette starts with Okabe & Ito's eight colours, chosen to
// stay distinct for the common forms of colour blindness; beyond them the timeline never relies
// on colour alone: a task's state is also drawn as a shape (solid bar = running, outlined =
// ready, thin line = sleeping, dotted line = waiting) and every lane carries the task's name.
#include <cstdint>

#include <imgui.h>

namespace looplab::gui {

enum class ThemeKind { dark, light };

struct Theme {
    ThemeKind kind = ThemeKind::dark;
    ImU32 background;     // behind the panels
    ImU32 text;
    ImU32 text_muted;     // axis labels, line numbers
    ImU32 lane_bg;        // timeline lane background, alternating with lane_bg_alt
    ImU32 lane_bg_alt;
    ImU32 grid;           // axis ticks and grid lines
    ImU32 cursor;         // the current moment, in every panel
    ImU32 selection;      // the selected task's outline
    ImU32 code_current;   // background of the running task's line
    ImU32 code_bg;
    ImU32 error;          // stderr, tracebacks, failed tasks
    ImU32 warning;
    ImU32 flow;           // wake-up arrows
    ImU32 loop_idle;      // the loop lane when nothing runs (clock jumps)
};

// Applies the ImGui style for `kind` and makes it current.
void apply_theme(ThemeKind kind, float scale);
const Theme& theme();

// The colour of task colour index `i` (stable per task: the model assigns it by creation
// order). `alpha` in 0..1.
ImU32 task_color(uint32_t i, float alpha = 1.0f);
// Black or white, whichever reads better on `background`.
ImU32 text_on(ImU32 background);
constexpr int kPaletteSize = 12;

}  // namespace looplab::gui
