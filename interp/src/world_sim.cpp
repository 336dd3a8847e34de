// The `sim` module (SPEC 3; docs/world.md "sim"; reference tools/world/sim.py): CPU work
// that freezes the calling thread, the network's latency and status tables, and what the
// simulated servers answer. Also the one "block the thread" (looplab_cpython.clock.block)
// that sim.cpu and requests.get share.
#include <cmath>

#include "looplab/exceptions.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/runtime.hpp"
#include "looplab/trace.hpp"
#include "world_modules.hpp"

namespace looplab::py::world {

// clock.block: target = now + s computed exactly so; past --until the run stops there, as
// the loop does when its next timer is beyond the limit. No loop iteration runs: timers
// that fell due meanwhile are found overdue by the next _run_once. The clock jump is the
// trace's record of the block.
void block(Interp& in, double seconds) {
    Runtime& rt = in.runtime();
    double target = rt.clock() + seconds;
    double until = rt.limits().until;
    if (target > until) {
        rt.advance_clock_to(until);
        throw RunEnded(0, "looplab: stopped at t=" + format_time(until) + " (time limit)");
    }
    rt.advance_clock_to(target);
}

namespace {

std::string quoted_type(const Value& v) { return "'" + type_name(v) + "'"; }

}  // namespace

Value check_seconds(Interp& in, const char* func, const char* name, const Value& v) {
    if (!v.is_intlike() && !v.is_float())
        raise_type_error(std::string(func) + "(): " + name + " must be an int or float, not " + quoted_type(v));
    if (v.is_float() && !std::isfinite(v.as_float()))
        raise_value_error(std::string(func) + "(): " + name + " must be finite, got " + repr(in, v));
    if (number(v) < 0) raise_value_error(std::string(func) + "(): " + name + " must be >= 0, got " + repr(in, v));
    return v;
}

namespace {

const Value& check_prefix(const char* func, const Value& v) {
    if (!is_str(v)) raise_type_error(std::string(func) + "(): url_prefix must be a str, not " + quoted_type(v));
    return v;
}

Dict& module_dict(Interp& in) { return *in.import_module("sim").as<Module>()->dict; }

// sim._lookup: the value of the longest prefix of url (plain str.startswith), else the
// default. Tables and defaults are read from the module now, as the Python functions read
// their globals.
Value lookup(Interp& in, const char* table, const char* default_name, const std::string& url) {
    Dict& m = module_dict(in);
    Value t = m.get_str(table);
    Value best_key, best_value;
    if (t.is_object() && t.type()->kind == Kind::dict) {
        for (auto& e : t.as<Dict>()->entries()) {
            if (e.key.is_undefined()) continue;
            if (!is_str(e.key))
                raise_type_error("startswith first arg must be str or a tuple of str, not " + type_name(e.key));
            const std::string& prefix = e.key.as<Str>()->s;
            // Both are prefixes of url, so the longer in bytes is the longer in characters.
            if (url.compare(0, prefix.size(), prefix) == 0 && prefix.size() <= url.size() &&
                (best_key.is_undefined() || prefix.size() > best_key.as<Str>()->s.size())) {
                best_key = e.key;
                best_value = e.value;
            }
        }
    }
    if (!best_key.is_undefined()) return best_value;
    Value d = m.get_str(default_name);
    return d.is_undefined() ? Value::none() : d;
}

// ---- the module's functions ---------------------------------------------------------------
const Params kCpu{"cpu", {"seconds"}, 1, 1, false};
const Params kSetLatency{"set_latency", {"url_prefix", "seconds"}, 2, 2, false};
const Params kSetStatus{"set_status", {"url_prefix", "code"}, 2, 2, false};

Value sim_cpu(Interp& in, const CallArgs& a) {
    Value v[1];
    bind_call(kCpu, a, v);
    block(in, number(check_seconds(in, "sim.cpu", "seconds", v[0])));
    return Value::none();
}

Value sim_set_latency(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_call(kSetLatency, a, v);
    // The reference's `_latencies[_prefix(...)] = _seconds(...)` evaluates the value (the
    // seconds check) before the subscript (the prefix check): Python assigns right side first.
    Value seconds = check_seconds(in, "sim.set_latency", "seconds", v[1]);
    Value prefix = check_prefix("sim.set_latency", v[0]);
    Value t = module_dict(in).get_str("_latencies");
    if (t.is_object() && t.type()->kind == Kind::dict) t.as<Dict>()->set(in, prefix, seconds);
    return Value::none();
}

Value sim_set_status(Interp& in, const CallArgs& a) {
    Value v[2];
    bind_call(kSetStatus, a, v);
    Value prefix = check_prefix("sim.set_status", v[0]);
    const Value& code = v[1];
    if (!code.is_int()) raise_type_error("sim.set_status(): code must be an int, not " + quoted_type(code));
    if (code.as_int() < 100 || code.as_int() > 599)
        raise_value_error("sim.set_status(): code must be between 100 and 599, got " + repr(in, code));
    Value t = module_dict(in).get_str("_statuses");
    if (t.is_object() && t.type()->kind == Kind::dict) t.as<Dict>()->set(in, prefix, code);
    return Value::none();
}

// http.HTTPStatus phrases of CPython 3.11 (sim._REASONS).
struct Reason {
    int code;
    const char* phrase;
};
constexpr Reason kReasons[] = {
    {100, "Continue"},
    {101, "Switching Protocols"},
    {102, "Processing"},
    {103, "Early Hints"},
    {200, "OK"},
    {201, "Created"},
    {202, "Accepted"},
    {203, "Non-Authoritative Information"},
    {204, "No Content"},
    {205, "Reset Content"},
    {206, "Partial Content"},
    {207, "Multi-Status"},
    {208, "Already Reported"},
    {226, "IM Used"},
    {300, "Multiple Choices"},
    {301, "Moved Permanently"},
    {302, "Found"},
    {303, "See Other"},
    {304, "Not Modified"},
    {305, "Use Proxy"},
    {307, "Temporary Redirect"},
    {308, "Permanent Redirect"},
    {400, "Bad Request"},
    {401, "Unauthorized"},
    {402, "Payment Required"},
    {403, "Forbidden"},
    {404, "Not Found"},
    {405, "Method Not Allowed"},
    {406, "Not Acceptable"},
    {407, "Proxy Authentication Required"},
    {408, "Request Timeout"},
    {409, "Conflict"},
    {410, "Gone"},
    {411, "Length Required"},
    {412, "Precondition Failed"},
    {413, "Request Entity Too Large"},
    {414, "Request-URI Too Long"},
    {415, "Unsupported Media Type"},
    {416, "Requested Range Not Satisfiable"},
    {417, "Expectation Failed"},
    {418, "I'm a Teapot"},
    {421, "Misdirected Request"},
    {422, "Unprocessable Entity"},
    {423, "Locked"},
    {424, "Failed Dependency"},
    {425, "Too Early"},
    {426, "Upgrade Required"},
    {428, "Precondition Required"},
    {429, "Too Many Requests"},
    {431, "Request Header Fields Too Large"},
    {451, "Unavailable For Legal Reasons"},
    {500, "Internal Server Error"},
    {501, "Not Implemented"},
    {502, "Bad Gateway"},
    {503, "Service Unavailable"},
    {504, "Gateway Timeout"},
    {505, "HTTP Version Not Supported"},
    {506, "Variant Also Negotiates"},
    {507, "Insufficient Storage"},
    {508, "Loop Detected"},
    {510, "Not Extended"},
    {511, "Network Authentication Required"},
};

}  // namespace

Value latency_for(Interp& in, const std::string& url) { return lookup(in, "_latencies", "DEFAULT_LATENCY", url); }
Value status_for(Interp& in, const std::string& url) { return lookup(in, "_statuses", "DEFAULT_STATUS", url); }

const char* reason_phrase(int64_t code) {
    for (const Reason& r : kReasons)
        if (r.code == code) return r.phrase;
    return "";
}

std::optional<UrlParts> split_url(Interp& in, const std::string& url) {
    // The scheme test lowers the URL; no character outside ASCII lowers to one of
    // "https:/", so comparing the first bytes ASCII-lowered is the same test.
    auto starts = [&](const char* prefix) {
        size_t n = std::char_traits<char>::length(prefix);
        if (url.size() < n) return false;
        for (size_t i = 0; i < n; ++i) {
            char c = url[i];
            if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
            if (c != prefix[i]) return false;
        }
        return true;
    };
    UrlParts p;
    std::string rest;
    if (starts("http://")) {
        p.scheme = "http";
        p.port = "80";
        rest = url.substr(7);
    } else if (starts("https://")) {
        p.scheme = "https";
        p.port = "443";
        rest = url.substr(8);
    } else {
        return std::nullopt;
    }
    rest = rest.substr(0, rest.find_first_of("/?#"));
    size_t colon = rest.find(':');
    std::string host = rest.substr(0, colon);
    if (host.empty()) return std::nullopt;
    if (colon != std::string::npos) {
        std::string port = rest.substr(colon + 1);
        if (port.empty() || port.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
        size_t nz = port.find_first_not_of('0');  // int(port): no leading zeros
        p.port = nz == std::string::npos ? "0" : port.substr(nz);
    }
    // host.lower(): str's own (Unicode) lower.
    Value lower = getattr(in, make_str(host), intern("lower"));
    p.host = str(in, call(in, lower, std::vector<Value>{}));
    return p;
}

void init_sim_module(Interp& in, Module& m) {
    Dict& d = *m.dict;
    d.set_str("CORES", Value::integer(4));  // SPEC 3: os.cpu_count() returns it
    d.set_str("DEFAULT_LATENCY", Value::floating(0.1));
    d.set_str("DEFAULT_STATUS", Value::integer(200));
    d.set_str("_latencies", Value(new Dict()));
    d.set_str("_statuses", Value(new Dict()));
    d.set_str("cpu", make_function("cpu", "cpu", sim_cpu));
    d.set_str("set_latency", make_function("set_latency", "set_latency", sim_set_latency));
    d.set_str("set_status", make_function("set_status", "set_status", sim_set_status));
    d.set_str("_BODY", make_str(kBody));
    Value reasons(new Dict());
    for (const Reason& r : kReasons) reasons.as<Dict>()->set(in, Value::integer(r.code), make_str(r.phrase));
    d.set_str("_REASONS", reasons);
}

}  // namespace looplab::py::world
