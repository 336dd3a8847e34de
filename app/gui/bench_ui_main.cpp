// looplab-bench-ui [TASKS EVENTS [FRAMES]]: `looplab bench-ui` without the rest of looplab.
#include <cstdlib>

#include "gui/app.hpp"

int main(int argc, char** argv) {
    const unsigned long tasks = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 10000;
    const unsigned long events = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 1000000;
    const unsigned long frames = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 240;
    if (!tasks || !events || !frames) return 2;
    return looplab::gui::run_bench_ui(uint32_t(tasks), events, uint32_t(frames));
}
