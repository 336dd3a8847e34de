// The interpreter object: modules and imports (CPython Python/import.c in miniature),
// running __main__, tracebacks (Lib/traceback.py's format) and warnings.
#include "looplab/py/interp.hpp"

#include <cstring>

#include "looplab/py/abstract.hpp"
#include "looplab/py/compiler.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/library_frames.hpp"
#include "looplab/py/traceback_object.hpp"
#include "looplab/py/vm.hpp"
#include "looplab/runtime.hpp"

namespace looplab::py {

namespace {
Interp* g_current = nullptr;

// Modules a later LoopLab will simulate (SPEC 3: threads, processes, frameworks).
const char* const kNotYet[] = {"threading", "concurrent", "concurrent.futures", "multiprocessing", "fastapi",
                               "aiomultiprocess", "tqdm", "tqdm.asyncio", "tenacity", "uvloop", "queue",
                               "subprocess", "socket", "signal", "selectors", "uvicorn", "starlette", "httpx",
                               "aiofiles"};
}  // namespace

Interp& Interp::current() { return *g_current; }
Interp* Interp::current_or_null() noexcept { return g_current; }

Interp::Interp(Runtime& rt, InterpOptions opts) : rt_(&rt), opts_(opts), vm_(std::make_unique<VM>(*this)) {
    previous_ = g_current;
    g_current = this;
    recursion_limit = opts.recursion_limit;
    types();
    exc_types();
#define N(x) names.x = intern(#x);
    N(__init__) N(__new__) N(__repr__) N(__str__) N(__name__) N(__qualname__) N(__module__) N(__doc__)
    N(__dict__) N(__class__) N(__call__) N(__iter__) N(__next__) N(__len__) N(__getitem__) N(__setitem__)
    N(__contains__) N(__enter__) N(__exit__) N(__aenter__) N(__aexit__) N(__aiter__) N(__anext__)
    N(__await__) N(__eq__) N(__hash__) N(__bool__) N(__main__) N(__builtins__) N(__file__)
    N(__annotations__) N(__post_init__)
#undef N
    builtins_ = new Dict();
    builtins_->add_ref();
    sys_modules_ = new Dict();
    sys_modules_->add_ref();
    install_builtins(*this, *builtins_);
    install_iteration_builtins(*this, *builtins_);
    install_core_builtins(*this, *builtins_);
    register_standard_modules(*this);
    auto* main = new Module("__main__");
    main_ = Value(main);
    main->dict->set_str("__builtins__", Value(builtins_));
    sys_modules_->set_str("__main__", main_);
}

Interp::~Interp() {
    // Break the main module's reference cycles (functions <-> globals) before leaving.
    if (Module* m = main_module()) m->dict->clear();
    if (sys_modules_) {
        for (auto& e : sys_modules_->entries())
            if (e.value.is_object() && e.value.type()->kind == Kind::module) e.value.as<Module>()->dict->clear();
        sys_modules_->release();
    }
    if (builtins_) {
        builtins_->clear();
        builtins_->release();
    }
    g_current = previous_;
}

void Interp::register_module(std::string name, ModuleInit init) { module_inits_[std::move(name)] = init; }

Value Interp::import_module(std::string_view name) {
    Value m = sys_modules_->get_str(name);
    if (!m.is_undefined()) return m;
    auto it = module_inits_.find(name);
    if (it != module_inits_.end()) {
        // Parent packages first (`import asyncio.exceptions` imports asyncio).
        size_t dot = name.rfind('.');
        Value parent;
        if (dot != std::string_view::npos) parent = import_module(name.substr(0, dot));
        auto* mod = new Module(std::string(name));
        Value mv(mod);
        sys_modules_->set_str(name, mv);
        it->second(*this, *mod);
        if (!parent.is_undefined()) parent.as<Module>()->dict->set_str(name.substr(dot + 1), mv);
        return mv;
    }
    for (const char* n : kNotYet)
        if (name == n || (name.substr(0, name.find('.')) == n))
            raise(exc_types().ModuleNotFoundError,
                  "LoopLab does not support the '" + std::string(name) +
                      "' module yet: threads, processes and web frameworks come in a later version (SPEC 3)");
    raise(exc_types().ModuleNotFoundError, "No module named '" + std::string(name) + "'");
}

void Interp::exec_main(std::string_view source, std::string filename) {
    auto& lines = sources_[filename];
    lines.clear();
    size_t start = 0;
    while (start <= source.size()) {
        size_t end = source.find('\n', start);
        if (end == std::string_view::npos) {
            if (start < source.size()) lines.emplace_back(source.substr(start));
            break;
        }
        lines.emplace_back(source.substr(start, end - start));
        start = end + 1;
    }
    Ref<Code> code;
    try {
        code = compile_source(source, filename);
    } catch (const ParseError& e) {
        auto& info = e.info;
        Type* t = exception_type_by_name(info.kind);
        if (!t) t = exc_types().SyntaxError;
        auto ex = new_exception(t, info.message);
        syntax_error_text_ = format_syntax_error(info, filename);
        throw_exception(ex);
    }
    Module* m = main_module();
    m->dict->set_str("__file__", make_str(filename));
    Ref<Frame> frame(new Frame(code, m->dict, Value(m->dict)));
    vm().instructions = 0;
    vm().run(frame);
}

std::string_view Interp::source_line(const std::string& filename, int line) const {
    auto it = sources_.find(filename);
    if (it == sources_.end()) return library_source_line(filename, line);
    if (line < 1 || size_t(line) > it->second.size()) return {};
    return it->second[size_t(line - 1)];
}

void Interp::write_stdout(std::string_view s) { rt_->write_out(s); }
void Interp::write_stderr(std::string_view s) { rt_->write_err(s); }

// ---- tracebacks ----------------------------------------------------------------------
namespace {

std::string strip(std::string_view s) {
    size_t a = s.find_first_not_of(" \t\f");
    if (a == std::string_view::npos) return {};
    size_t b = s.find_last_not_of(" \t\f\r");
    return std::string(s.substr(a, b - a + 1));
}

std::string exception_only(Interp& in, const ExceptionObject& e) {
    std::string name = e.type->qualname.empty() ? e.type->name : e.type->qualname;
    if (e.type->module != "builtins" && e.type->module != "__main__") name = e.type->module + "." + name;
    std::string msg;
    try {
        msg = str(in, Value(const_cast<ExceptionObject*>(&e)));
    } catch (...) {
        msg = "<exception str() failed>";
    }
    std::string out = msg.empty() ? name : name + ": " + msg;
    out += "\n";
    for (auto& n : e.notes) out += n + "\n";
    return out;
}

void format_frames(Interp& in, const ExceptionObject& e, std::string& out, const std::string& indent) {
    for (size_t i = e.traceback.size(); i-- > 0;) {
        // Each line of the frame gets the indent (exception groups' margins).
        std::string text = format_traceback_entry(in, e.traceback[i]);
        for (size_t s = 0; s < text.size();) {
            size_t nl = text.find('\n', s);
            out += indent + text.substr(s, nl - s + 1);
            s = nl + 1;
        }
    }
}

bool is_group(const ExceptionObject& e) { return e.type->is_subtype(exc_types().BaseExceptionGroup); }

void format_one(Interp& in, const ExceptionObject& e, std::string& out, int depth, std::vector<const ExceptionObject*>& seen);

void format_chain(Interp& in, const ExceptionObject& e, std::string& out, int depth, std::vector<const ExceptionObject*>& seen) {
    seen.push_back(&e);
    std::string margin = depth ? std::string(size_t(depth - 1) * 2 + 4, ' ') + "| " : "";
    if (depth) margin = std::string(size_t(depth) * 2 + 2, ' ').substr(0, size_t(depth) * 2 + 2);
    auto prefix = [&](const std::string& text) {
        if (!depth) return text;
        std::string r;
        size_t s = 0;
        while (s < text.size()) {
            size_t nl = text.find('\n', s);
            std::string line = text.substr(s, nl - s);
            r += std::string(size_t(depth) * 2, ' ') + "| " + line + "\n";
            if (nl == std::string::npos) break;
            s = nl + 1;
        }
        return r;
    };
    if (e.cause.is_object()) {
        auto* c = e.cause.as<ExceptionObject>();
        if (std::find(seen.begin(), seen.end(), c) == seen.end()) {
            format_chain(in, *c, out, depth, seen);
            out += prefix("\nThe above exception was the direct cause of the following exception:\n\n");
        }
    } else if (e.context.is_object() && !e.suppress_context) {
        auto* c = e.context.as<ExceptionObject>();
        if (std::find(seen.begin(), seen.end(), c) == seen.end()) {
            format_chain(in, *c, out, depth, seen);
            out += prefix("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    format_one(in, e, out, depth, seen);
}

void format_one(Interp& in, const ExceptionObject& e, std::string& out, int depth, std::vector<const ExceptionObject*>& seen) {
    std::string body;
    if (is_group(e)) {
        // traceback.py's exception group layout ("+ Exception Group Traceback").
        std::string head = std::string(size_t(depth) * 2, ' ');
        std::string text;
        if (!e.traceback.empty()) {
            text += "Exception Group Traceback (most recent call last):\n";
            format_frames(in, e, text, "");
        }
        text += exception_only(in, e);
        size_t s = 0;
        bool first = true;
        while (s < text.size()) {
            size_t nl = text.find('\n', s);
            std::string line = text.substr(s, nl - s);
            out += head + (first ? "  + " : "  | ") + line + "\n";
            first = false;
            if (nl == std::string::npos) break;
            s = nl + 1;
        }
        auto& items = e.args.as<Tuple>()->items;
        std::vector<Value> members = items.size() > 1 ? to_vector(in, items[1]) : std::vector<Value>{};
        for (size_t i = 0; i < members.size() && i < 15; ++i) {
            std::string title = " " + std::to_string(i + 1) + " ";
            // traceback.py / pythonrun.c: f"+---------------- {i + 1} ----------------"
            std::string bar = "+" + std::string(16, '-') + title + std::string(16, '-');
            out += head + (i == 0 ? "  +-" : "    ") + bar + "\n";
            std::string sub;
            std::vector<const ExceptionObject*> seen2 = seen;
            format_chain(in, *members[i].as<ExceptionObject>(), sub, 0, seen2);
            size_t p = 0;
            while (p < sub.size()) {
                size_t nl = sub.find('\n', p);
                out += head + "    | " + sub.substr(p, nl - p) + "\n";
                if (nl == std::string::npos) break;
                p = nl + 1;
            }
        }
        out += head + "    +------------------------------------\n";
        return;
    }
    if (!e.traceback.empty()) {
        body += "Traceback (most recent call last):\n";
        format_frames(in, e, body, "");
    }
    body += exception_only(in, e);
    if (depth == 0) {
        out += body;
        return;
    }
    size_t s = 0;
    while (s < body.size()) {
        size_t nl = body.find('\n', s);
        out += std::string(size_t(depth) * 2, ' ') + "| " + body.substr(s, nl - s) + "\n";
        if (nl == std::string::npos) break;
        s = nl + 1;
    }
}

}  // namespace

std::string Interp::format_exception(const Ref<ExceptionObject>& exc) {
    std::string out;
    std::vector<const ExceptionObject*> seen;
    format_chain(*this, *exc, out, 0, seen);
    return out;
}

void Interp::print_exception(const Ref<ExceptionObject>& exc) { write_stderr(format_exception(exc)); }

void Interp::warn(Type* category, std::string message, int stacklevel) {
    (void)stacklevel;
    Frame* f = vm().current_frame();
    std::string file = f ? f->code->filename : "sys";
    int line = f ? f->line() : 1;
    std::string out = file + ":" + std::to_string(line) + ": " + category->name + ": " + message + "\n";
    std::string src = f ? strip(source_line(file, line)) : "";
    if (!src.empty()) out += "  " + src + "\n";
    write_stderr(out);
}

void Interp::enter_call() {
    if (++depth > recursion_limit) {
        --depth;
        raise(exc_types().RecursionError, "maximum recursion depth exceeded");
    }
}

}  // namespace looplab::py

#include "asyncio_bridge.hpp"
#include "looplab/event_loop.hpp"
#include "vm_ops.hpp"

namespace looplab::py {

void Interp::shutdown(Ref<ExceptionObject> last_value) {
    // CPython at exit: pending tasks are destroyed ("Task was destroyed but it is pending!"),
    // the main module's objects go. Done while the interpreter still exists, so every message
    // that needs Python (reprs, tracebacks) can be produced.
    for (EventLoop* loop : rt_->loops()) {
        for (TaskBase* t : loop->pending_tasks()) {
            if (t->done()) continue;
            write_stderr("Task was destroyed but it is pending!\ntask: " + t->repr() + "\n");
        }
    }
    // The exception that ended the program goes only now, with the frames its traceback
    // holds (their locals: tasks whose exception nobody retrieved report it then). In
    // CPython it outlives the traceback print (Python/pythonrun.c keeps it as
    // sys.last_value) and, when it left asyncio.run(), even the clearing of sys: Runner.run's
    // frame holds the main task, which holds the exception, whose traceback holds that frame,
    // so only the final gc.collect() of Py_FinalizeEx frees it -- after the pending tasks,
    // which were created earlier and so come first in the collector's list.
    ReleaseInCollectorOrder collector_order;
    last_value = nullptr;
    if (Module* m = main_module()) m->dict->clear();
    // A task that never took its first step (made on a loop that never ran again) still
    // holds its coroutine in the created state: when the collector frees it, CPython's
    // _PyGen_Finalize warns that it was never awaited -- from no frame, so "sys:1".
    for (EventLoop* loop : rt_->loops()) {
        for (TaskBase* t : loop->pending_tasks()) {
            auto* ft = dynamic_cast<FrameTask*>(t);
            if (!ft || ft->coro().type()->kind != Kind::coroutine) continue;
            auto* co = ft->coro().as<CoroutineObject>();
            if (!co->started) warn_never_awaited(co->qualname, 0);
        }
    }
    for (EventLoop* loop : rt_->loops()) {
        loop->set_exception_handler([](EventLoop& l, const ExceptionContext& ctx) {
            std::string out = ctx.message + "\n";
            if (ctx.exception) out += looplab::format_exception_only(ctx.exception) + "\n";
            l.runtime().write_err(out);
        });
    }
}

}  // namespace looplab::py
