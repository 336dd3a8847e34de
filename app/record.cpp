// Runs a scenario with tracing on and builds its model::Recording (app/record.hpp).
#include "record.hpp"

#include <fstream>
#include <sstream>

#include "scenario_run.hpp"

namespace looplab::app {

namespace {

// The scenario line an error report points at: the last `File "<path>", line N` naming the
// scenario (a traceback's innermost frame in it, or a SyntaxError's line).
uint32_t error_line_in(const std::string& text, const std::string& path) {
    uint32_t line = 0;
    const std::string key = "File \"" + path + "\", line ";
    for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + 1)) {
        size_t p = at + key.size();
        uint32_t n = 0;
        while (p < text.size() && text[p] >= '0' && text[p] <= '9') n = n * 10 + uint32_t(text[p++] - '0');
        if (n) line = n;
    }
    return line;
}

}  // namespace

RecordResult record_source(const std::string& path, const std::string& source, const RecordOptions& options) {
    RecordResult result;
    std::ostringstream out, err;
    Runtime rt;
    rt.limits().until = options.until;
    rt.limits().max_steps = options.max_steps;
    rt.set_output(out, err);
    Tracer& tracer = rt.enable_tracing();
    ScenarioOutcome o = run_scenario_source(rt, source, path, options.seed);
    result.exit_code = o.exit_code;
    result.error_text = std::move(o.error_text);
    result.error_line = error_line_in(result.error_text, path);
    result.stdout_text = out.str();
    result.stderr_text = err.str();
    result.recording = model::build_recording(tracer, path, source, options.keyframe_every);
    return result;
}

RecordResult record_file(const std::string& path, const RecordOptions& options) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream text;
    if (!f || !(text << f.rdbuf())) {
        RecordResult r;
        r.exit_code = 2;
        r.error_text = "looplab: can't open file '" + path + "': [Errno 2] No such file or directory\n";
        Tracer empty;  // an empty but valid recording: one tick, nothing in it
        r.recording = model::build_recording(empty, path, {}, options.keyframe_every);
        return r;
    }
    return record_source(path, text.str(), options);
}

}  // namespace looplab::app
