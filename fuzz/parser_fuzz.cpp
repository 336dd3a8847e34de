// libFuzzer target for the scenario parser (fuzz/README.md): any byte string must either parse
// or raise ParseError, never crash, hang, overflow the stack or leak; the printed form of every
// error and the dump of every tree must be computable too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "looplab/py/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view src(reinterpret_cast<const char*>(data), size);
    try {
        auto m = looplab::py::parse(src, "fuzz.py");
        volatile size_t n = looplab::py::ast::dump(*m, true).size();
        (void)n;
    } catch (const looplab::py::ParseError& e) {
        volatile size_t n = looplab::py::format_syntax_error(e.info, "fuzz.py").size();
        (void)n;
    }
    return 0;
}
