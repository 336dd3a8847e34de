#pragma once
// The GUI's state, one plain struct per panel, kept apart from the drawing code: panels read
// and change these, tests inspect them, nothing here knows about ImGui windows.
#include <cstdint>
#include <string>
#include <vector>

#include "gui/timeline_layout.hpp"

namespace looplab::gui {

// The moment every panel shows, and what the user follows. Panels ask for changes through
// `jump_to` (the app clamps it and takes the snapshot once per frame).
struct Moment {
    uint32_t tick = 0;            // the current moment: after the tick-th task step began
    uint32_t end_tick = 0;        // the last moment: after the run (Recording::end_tick)
    int64_t selected_task = -1;   // index into Recording::tasks, -1: none
    bool follow_selected = false; // keep the timeline and code view on the selected task
    int64_t jump_to = -1;         // requested tick for the next frame
    void request(int64_t t) { jump_to = t; }
};

struct TransportState {
    bool playing = false;
    float speed = 4.0f;          // ticks per second
    double carry = 0;            // fractional ticks not yet played
};

struct TimelineState {
    bool tick_axis = false;      // x is virtual time (false) or tick number
    double view_begin = 0;       // visible range on the current axis
    double view_end = 1;
    bool fit = true;             // fit the whole run on the next frame
    float scroll_y = 0;          // lane scroll, in pixels
    char filter[128] = {};       // lane filter: substring of the task name
    bool show_flows = true;
    bool keep_cursor_visible = true;
    // Filled while drawing, read by tests and the bench: how much work the last frame did.
    uint32_t lanes_drawn = 0;
    uint32_t bars_drawn = 0;
    uint32_t folded_bars = 0;
    int64_t hovered_task = -1;
    // Where the last frame put things (screen pixels), for tests that click and read pixels.
    float names_x0 = 0, axis_x0 = 0, axis_x1 = 0, lanes_y0 = 0, lane_h = 0;
    LaneList lanes;              // lanes passing the filter (rebuilt when it changes)
    int64_t scrolled_to_task = -1;  // the selected task's lane was scrolled into view
    bool axis_was_tick = false;  // to convert the view when the axis switches
    uint32_t last_cursor_tick = 0;  // the moment the last frame showed
    float drag_total = 0;        // pixels dragged since the press (a click if small)
};

struct CodeViewState {
    int scroll_to_line = -1;     // scroll there on the next frame (1-based)
    int last_followed_line = -1;
};

struct ConsoleState {
    bool auto_scroll = true;
    size_t last_count = 0;
};

struct InspectorState {
    bool only_alive = false;     // hide done tasks
    char filter[64] = {};
};

struct LessonsState {
    int lesson = -1;             // index into the catalog
    int scenario = -1;           // index into that lesson's scenarios
    int scrolled_to = -1;        // lesson the browser last scrolled to
    bool show_answer = false;    // the Predict section's answer, hidden until asked for
};

}  // namespace looplab::gui
