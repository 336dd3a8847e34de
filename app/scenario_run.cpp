#include "scenario_run.hpp"

#include <exception>

#include "looplab/exceptions.hpp"
#include "looplab/py/abstract.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/interp.hpp"

namespace looplab::app {

ScenarioOutcome run_scenario_source(Runtime& rt, const std::string& source, const std::string& path, int64_t seed) {
    ScenarioOutcome r;
    auto report = [&](std::string text) {
        rt.out().flush();  // the program's output comes first, as when both go to a terminal
        rt.write_err(text);
        r.error_text = std::move(text);
    };
    py::Interp in(rt);
    py::seed_random(in, seed);
    bool ended = false;
    Ref<py::ExceptionObject> last_value;  // kept until shutdown, as CPython's sys.last_value
    try {
        in.exec_main(source, path);
    } catch (const RunEnded& e) {
        ended = true;
        report(e.report() + '\n');
        r.exit_code = e.exit_code();
    } catch (const py::PyErrorBase& e) {
        last_value = e.exc;
        const auto& x = py::exc_types();
        if (e.exc->type->is_subtype(x.SystemExit)) {
            auto& args = e.exc->args.as<py::Tuple>()->items;
            if (args.empty() || args[0].is_none()) r.exit_code = 0;
            else if (args[0].is_intlike()) r.exit_code = int(args[0].as_int());
            else {
                report(py::str(in, args[0]) + '\n');
                r.exit_code = 1;
            }
        } else if (e.exc->type->is_subtype(x.SyntaxError) && !in.syntax_error_text_.empty()) {
            report(in.syntax_error_text_);
            r.exit_code = 1;
        } else {
            report(in.format_exception(e.exc));
            r.exit_code = 1;
        }
    } catch (const std::exception& e) {
        report(std::string("looplab: internal error: ") + e.what() + '\n');
        r.exit_code = 1;
    }
    rt.out().flush();
    // A run LoopLab ended itself (deadlock, limit, runaway) stops like the reference
    // runner: no interpreter-shutdown messages.
    if (!ended) in.shutdown(std::move(last_value));
    return r;
}

}  // namespace looplab::app
