#pragma once
// Small helpers so the C++ scenarios print exactly what their Python twins print.
#include <string>
#include <vector>

namespace looplab::scenarios {

// str(True) / str(False).
inline const char* py_bool(bool b) { return b ? "True" : "False"; }

// repr() of a plain str (no quotes or backslashes inside, as in the scenarios).
inline std::string py_repr(const std::string& s) { return "'" + s + "'"; }

// "[a, b, c]" from already formatted items: print(list).
inline std::string py_list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
    return out + "]";
}

// ", ".join(items)
inline std::string py_join(const std::vector<std::string>& items, const char* sep = ", ") {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
    return out;
}

}  // namespace looplab::scenarios
