#include "scenario.hpp"

#include <algorithm>
#include <charconv>
#include <cstdarg>
#include <cstdlib>
#include <cstring>

namespace looplab::scenarios {

namespace {
std::vector<Scenario>& registry() {
    static std::vector<Scenario> r;
    return r;
}
}  // namespace

Registrar::Registrar(const char* name, const char* summary, void (*main)()) {
    registry().push_back(Scenario{name, summary, main});
}

const std::vector<Scenario>& all() {
    auto& r = registry();
    std::sort(r.begin(), r.end(), [](const Scenario& a, const Scenario& b) { return std::strcmp(a.name, b.name) < 0; });
    return r;
}

const Scenario* find(std::string_view name) {
    for (auto& s : registry())
        if (name == s.name) return &s;
    return nullptr;
}

std::string format(const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char buf[1024];
    int n = std::vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0) return {};
    if (size_t(n) < sizeof buf) return std::string(buf, size_t(n));
    std::string big(size_t(n) + 1, '\0');
    va_start(ap, fmt);
    std::vsnprintf(big.data(), big.size(), fmt, ap);
    va_end(ap);
    big.resize(size_t(n));
    return big;
}

std::string py_float(double x) {
    // CPython float_repr_style 'short': shortest round-trip digits, fixed notation when
    // -4 <= exponent < 16, otherwise scientific with a signed two-digit exponent.
    if (x != x) return "nan";
    if (x == __builtin_inf()) return "inf";
    if (x == -__builtin_inf()) return "-inf";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
    std::string s(buf, res.ptr);
    bool neg = s[0] == '-';
    if (neg) s.erase(0, 1);
    size_t e = s.find('e');
    int exp = std::atoi(s.c_str() + e + 1);
    std::string digits;
    for (size_t i = 0; i < e; ++i)
        if (s[i] != '.') digits += s[i];
    std::string out;
    if (exp >= -4 && exp < 16) {
        if (exp >= 0) {
            if (digits.size() <= size_t(exp) + 1) {
                out = digits + std::string(size_t(exp) + 1 - digits.size(), '0') + ".0";
            } else {
                out = digits.substr(0, size_t(exp) + 1) + "." + digits.substr(size_t(exp) + 1);
            }
        } else {
            out = "0." + std::string(size_t(-exp - 1), '0') + digits;
        }
    } else {
        out = digits.substr(0, 1);
        if (digits.size() > 1) out += "." + digits.substr(1);
        char eb[16];
        std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        out += eb;
    }
    return neg ? "-" + out : out;
}

}  // namespace looplab::scenarios
