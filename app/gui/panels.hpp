#pragma once
// The panels' entry points: one file per panel, one function each. A panel draws the inside
// of its window (the app places the windows) from the App's state and the model; the state it
// keeps lives in view_state.hpp.
namespace looplab::gui {

class App;

void draw_lessons_panel(App& app);
void draw_lesson_text(App& app);
void draw_code_view(App& app);
void draw_timeline(App& app);
void draw_transport(App& app);
void draw_inspector(App& app);
void draw_console(App& app);

}  // namespace looplab::gui
