#include "gui/text_format.hpp"

#include <cmath>
#include <cstdio>

namespace looplab::gui {

std::string format_seconds(double v, double step) {
    int decimals = 0;
    if (step > 0 && step < 1) decimals = std::min(9, int(std::ceil(-std::log10(step) - 1e-9)));
    if (std::fabs(v) < step * 1e-6) v = 0;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string format_clock(double t) {
    char buf[48];
    if (t != 0 && std::fabs(t) < 0.001)
        std::snprintf(buf, sizeof buf, "%.0f µs", t * 1e6);
    else
        std::snprintf(buf, sizeof buf, "%s s", format_time(t).c_str());
    return buf;
}

}  // namespace looplab::gui
