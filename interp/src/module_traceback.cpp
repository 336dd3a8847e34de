// The `traceback` module (CPython Lib/traceback.py) for error-reporting scenarios:
// print_exc/format_exc (the exception being handled), print_exception/format_exception and
// format_exception_only, in CPython's text (Interp::format_exception), from the exception's
// traceback or the tb passed as (type, value, tb), and format_tb/print_tb over a traceback
// object. `limit=` is accepted and ignored by the exception functions; extract_tb,
// print_stack, walk_tb and the other FrameSummary/stack functions are absent.
#include <algorithm>

#include "looplab/py/traceback_object.hpp"
#include "looplab/py/vm.hpp"
#include "stdlib_modules.hpp"

namespace looplab::py::stdlib {

namespace {

// The exception the calling Python code is handling (sys.exc_info()[1]), or None.
Value handled(Interp& in) {
    const Value e = in.vm().handled_exception();
    return e.is_undefined() ? Value::none() : e;
}

// tb: the traceback given as print_exception(type, value, tb)'s third argument, which
// replaces the exception's own for its first part (traceback.py _parse_value_tb);
// undefined when not given.
std::string text_of(Interp& in, const Value& exc, bool chain, const Value& tb = Value()) {
    if (!exc.is_object() || exc.type()->kind != Kind::exception) return "NoneType: None\n";
    auto* e = exc.as<ExceptionObject>();
    Ref<ExceptionObject> keep(e);
    std::vector<TracebackEntry> own;
    if (!tb.is_undefined()) {
        std::vector<TracebackEntry> given = traceback_entries(tb);
        own = std::move(e->traceback);
        e->traceback = std::move(given);
    }
    Value cause = e->cause, context = e->context;
    if (!chain) {
        // chain=False: this exception alone, as traceback.py prints it.
        e->cause = Value();
        e->context = Value();
    }
    std::string s;
    try {
        s = in.format_exception(keep);
    } catch (...) {
        e->cause = cause;
        e->context = context;
        if (!tb.is_undefined()) e->traceback = std::move(own);
        throw;
    }
    e->cause = cause;
    e->context = context;
    if (!tb.is_undefined()) e->traceback = std::move(own);
    return s;
}

// traceback.format_exception's list: the header, one string per frame (its File line and
// source line), then the exception lines.
Value chunks(const std::string& text) {
    std::vector<Value> out;
    std::string cur;
    size_t s = 0;
    while (s < text.size()) {
        size_t nl = text.find('\n', s);
        std::string line = text.substr(s, nl == std::string::npos ? std::string::npos : nl - s + 1);
        s = nl == std::string::npos ? text.size() : nl + 1;
        bool continuation = line.rfind("    ", 0) == 0 && !cur.empty() && cur.rfind("  File ", 0) == 0;
        if (continuation) {
            cur += line;
            continue;
        }
        if (!cur.empty()) out.push_back(make_str(cur));
        cur = line;
    }
    if (!cur.empty()) out.push_back(make_str(cur));
    return make_list(std::move(out));
}

bool chain_arg(Interp& in, const CallArgs& a) {
    Value c = a.kw("chain");
    return c.is_undefined() || truthy(in, c);
}
// format_exception(exc) or format_exception(type, value, tb): the exception value.
Value exc_arg(const CallArgs& a, const char* fname) {
    if (a.nargs == 0) raise_type_error(std::string(fname) + "() missing 1 required positional argument: 'exc'");
    if (a.nargs >= 2) return a[1];
    Value v = a.kw("value");
    return v.is_undefined() ? a[0] : v;
}
// The explicit tb of (type, value, tb), or undefined.
Value tb_arg(const CallArgs& a) { return a.nargs >= 3 ? a[2] : a.kw("tb"); }
void write_to(Interp& in, const Value& file, const std::string& text) {
    Value f = file;
    if (f.is_undefined() || f.is_none()) f = in.import_module("sys").as<Module>()->dict->get_str("stderr");
    call(in, getattr(in, f, intern("write")), std::vector<Value>{make_str(text)});
}

Value tb_format_exc(Interp& in, const CallArgs& a) { return make_str(text_of(in, handled(in), chain_arg(in, a))); }
Value tb_print_exc(Interp& in, const CallArgs& a) {
    write_to(in, a.kw("file"), text_of(in, handled(in), chain_arg(in, a)));
    return Value::none();
}
Value tb_format_exception(Interp& in, const CallArgs& a) {
    return chunks(text_of(in, exc_arg(a, "format_exception"), chain_arg(in, a), tb_arg(a)));
}
Value tb_print_exception(Interp& in, const CallArgs& a) {
    write_to(in, a.kw("file"), text_of(in, exc_arg(a, "print_exception"), chain_arg(in, a), tb_arg(a)));
    return Value::none();
}
// format_exception_only(exc): the last lines of the traceback (notes included).
Value tb_format_exception_only(Interp& in, const CallArgs& a) {
    Value exc = exc_arg(a, "format_exception_only");
    if (!exc.is_object() || exc.type()->kind != Kind::exception) return make_list({make_str("NoneType: None\n")});
    auto* e = exc.as<ExceptionObject>();
    Value cause = e->cause, context = e->context;
    std::vector<TracebackEntry> tb = std::move(e->traceback);
    e->cause = Value();
    e->context = Value();
    e->traceback.clear();
    std::string s = in.format_exception(Ref<ExceptionObject>(e));
    e->cause = cause;
    e->context = context;
    e->traceback = std::move(tb);
    return chunks(s);
}

// format_tb(tb, limit=None): one string per frame, outermost first; a positive limit keeps
// the first frames, a negative one the last (traceback.py StackSummary._extract_from_extended_frame_gen
// and extract_tb's limit rules).
Value formatted_tb(Interp& in, const CallArgs& a, const char* fname) {
    if (a.nargs == 0 && a.kw("tb").is_undefined())
        raise_type_error(std::string(fname) + "() missing 1 required positional argument: 'tb'");
    std::vector<TracebackEntry> entries = traceback_entries(a.nargs ? a[0] : a.kw("tb"));
    std::reverse(entries.begin(), entries.end());  // outermost first
    Value limit = a.nargs > 1 ? a[1] : a.kw("limit");
    size_t from = 0, to = entries.size();
    if (!limit.is_undefined() && !limit.is_none()) {
        int64_t n = to_int(in, limit, "limit");
        if (n >= 0) to = std::min<size_t>(to, size_t(n));
        else from = to - std::min<size_t>(to, size_t(-n));
    }
    std::vector<Value> out;
    for (size_t i = from; i < to; ++i) out.push_back(make_str(format_traceback_entry(in, entries[i])));
    return make_list(std::move(out));
}
Value tb_format_tb(Interp& in, const CallArgs& a) { return formatted_tb(in, a, "format_tb"); }
Value tb_print_tb(Interp& in, const CallArgs& a) {
    Value lines = formatted_tb(in, a, "print_tb");
    std::string text;
    for (auto& s : lines.as<List>()->items) text += s.as<Str>()->s;
    write_to(in, a.nargs > 2 ? a[2] : a.kw("file"), text);
    return Value::none();
}

}  // namespace

void init_traceback(Interp& in, Module& m) {
    (void)in;
    def(m, "format_exc", tb_format_exc);
    def(m, "print_exc", tb_print_exc);
    def(m, "format_exception", tb_format_exception);
    def(m, "print_exception", tb_print_exception);
    def(m, "format_exception_only", tb_format_exception_only);
    def(m, "format_tb", tb_format_tb);
    def(m, "print_tb", tb_print_tb);
}

}  // namespace looplab::py::stdlib
