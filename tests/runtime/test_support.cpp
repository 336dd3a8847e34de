#include "test_support.hpp"

#include "looplab/trace.hpp"

namespace looplab::testing {

std::vector<std::string> Run::lines() const {
    std::vector<std::string> v;
    std::istringstream in(out.str());
    for (std::string line; std::getline(in, line);) v.push_back(line);
    return v;
}

std::string Run::ticks() const { return format_ticks(*rt.tracer()); }

std::string at(const std::string& text) { return "t=" + format_time(Runtime::current().clock()) + " " + text; }

}  // namespace looplab::testing
