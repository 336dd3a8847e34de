// Traceback and frame objects (CPython Python/traceback.c PyTraceBack_Here and tb_getsetters,
// Objects/frameobject.c frame_getsetlist). The interpreter records an exception's frames in
// ExceptionObject::traceback, innermost first; the Python-visible `traceback` objects are
// built from it on demand and cached on the exception, so that `e.__traceback__` is the same
// object each time and keeps its identity while the exception propagates.
#include "looplab/py/traceback_object.hpp"

#include <algorithm>

#include "looplab/py/abstract.hpp"
#include "looplab/py/code.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/py/traceback_carets.hpp"
#include "looplab/py/vm.hpp"

namespace looplab::py {

namespace {

struct TracebackObject : Instance {
    TracebackObject(Type* t, TracebackEntry en, Value nx) : Instance(t), entry(std::move(en)), next(std::move(nx)) {}
    TracebackEntry entry;
    Value next;         // tb_next (undefined = None): the frame one call deeper
    Value frame_proxy;  // tb_frame, made on first use
};

// A frame as Python sees it (tb_frame): the interpreter's Frame is not itself a frame object.
struct FrameObject : Instance {
    FrameObject(Type* t, Ref<Object> f) : Instance(t), frame(std::move(f)) {}
    Ref<Object> frame;
    Frame* get() const { return static_cast<Frame*>(frame.get()); }
};

Type* g_traceback_type = nullptr;
Type* g_frame_type = nullptr;

template <class T>
T* self_as(const CallArgs& a, const char* what) {
    auto* p = a.nargs ? dynamic_cast<T*>(a[0].obj()) : nullptr;
    if (!p) raise_type_error(std::string("descriptor requires a '") + what + "' object");
    return p;
}

Value getter(const char* name, NativeFn fn) { return Value(new Property(make_native(name, fn), Value())); }

Type* new_builtin_type(const char* name) {
    Type* t = new Type(name, Kind::object, types().object);
    t->add_ref();  // immortal, as the built-in types
    t->type = types().type;
    t->dict->type = types().dict;
    t->module = "builtins";
    return t;
}

Value tb_frame(Interp&, const CallArgs& a) {
    auto* tb = self_as<TracebackObject>(a, "traceback");
    if (tb->frame_proxy.is_undefined()) tb->frame_proxy = Value(new FrameObject(g_frame_type, tb->entry.frame));
    return tb->frame_proxy;
}
Value tb_lineno(Interp&, const CallArgs& a) { return Value::integer(self_as<TracebackObject>(a, "traceback")->entry.line); }
Value tb_next(Interp&, const CallArgs& a) {
    auto* tb = self_as<TracebackObject>(a, "traceback");
    return tb->next.is_undefined() ? Value::none() : tb->next;
}
// tb_lasti is a bytecode offset in CPython; LoopLab's instructions are not CPython's, so the
// value only stands for "an instruction of that line" (-1 would mean "none").
Value tb_lasti(Interp&, const CallArgs& a) {
    Frame* f = static_cast<Frame*>(self_as<TracebackObject>(a, "traceback")->entry.frame.get());
    return Value::integer(f ? int64_t(f->pc ? f->pc - 1 : 0) * 2 : -1);
}

Value f_code(Interp&, const CallArgs& a) { return Value(self_as<FrameObject>(a, "frame")->get()->code.get()); }
Value f_lineno(Interp&, const CallArgs& a) { return Value::integer(self_as<FrameObject>(a, "frame")->get()->line()); }
Value f_globals(Interp&, const CallArgs& a) { return Value(self_as<FrameObject>(a, "frame")->get()->globals); }
Value f_locals(Interp&, const CallArgs& a) { return frame_locals_of(self_as<FrameObject>(a, "frame")->get()); }
// f_back: the caller's frame. LoopLab's frames do not keep their callers once unwound.
Value f_back(Interp&, const CallArgs& a) {
    (void)self_as<FrameObject>(a, "frame");
    return Value::none();
}
// frameobject.c frame_repr: <frame at 0x…, file '…', line N, code NAME>
Value frame_repr(Interp& in, const CallArgs& a) {
    Frame* f = self_as<FrameObject>(a, "frame")->get();
    return make_str("<frame at " + address_of(a[0]) + ", file " + repr(in, make_str(f->code->filename)) + ", line " +
                    std::to_string(f->line()) + ", code " + f->code->name + ">");
}

void make_types() {
    if (g_traceback_type) return;
    g_traceback_type = new_builtin_type("traceback");
    Dict& t = *g_traceback_type->dict;
    t.set_str("tb_frame", getter("tb_frame", tb_frame));
    t.set_str("tb_lineno", getter("tb_lineno", tb_lineno));
    t.set_str("tb_next", getter("tb_next", tb_next));
    t.set_str("tb_lasti", getter("tb_lasti", tb_lasti));
    g_frame_type = new_builtin_type("frame");
    Dict& f = *g_frame_type->dict;
    f.set_str("f_code", getter("f_code", f_code));
    f.set_str("f_lineno", getter("f_lineno", f_lineno));
    f.set_str("f_globals", getter("f_globals", f_globals));
    f.set_str("f_locals", getter("f_locals", f_locals));
    f.set_str("f_back", getter("f_back", f_back));
    g_frame_type->add_method("__repr__", frame_repr);
}

}  // namespace

std::string format_traceback_entry(Interp& in, const TracebackEntry& tb) {
    std::string out = "  File \"" + tb.code->filename + "\", line " + std::to_string(tb.line) + ", in " + tb.code->name + "\n";
    std::string_view raw = in.source_line(tb.code->filename, tb.line);
    // linecache's line .strip()ped (Interp::source_line keeps a "\r" of CRLF files).
    size_t a = raw.find_first_not_of(" \t\f\r");
    if (a == std::string_view::npos) return out;
    size_t b = raw.find_last_not_of(" \t\f\r");
    out += "    " + std::string(raw.substr(a, b - a + 1)) + "\n";
    // 3.11's ~~~^^^ line (PEP 657) under the failing part of the line.
    out += caret_line(raw, tb.line, tb.span);
    return out;
}

Value exception_traceback(ExceptionObject& e) {
    make_types();
    // The cached chain stands for the first tb_head_size entries if they are still there.
    size_t have = e.tb_head_size;
    if (have == 0 || have > e.traceback.size() || !e.tb_head.is_object() ||
        static_cast<TracebackObject*>(e.tb_head.obj())->entry.frame.get() != e.traceback[have - 1].frame.get())
        have = 0;
    Value head = have ? e.tb_head : Value();
    for (size_t i = have; i < e.traceback.size(); ++i) head = Value(new TracebackObject(g_traceback_type, e.traceback[i], head));
    e.tb_head = head;
    e.tb_head_size = e.traceback.size();
    return head.is_undefined() ? Value::none() : head;
}

std::vector<TracebackEntry> traceback_entries(const Value& tb) {
    std::vector<TracebackEntry> entries;
    if (tb.is_none()) return entries;
    auto* t = tb.is_object() ? dynamic_cast<TracebackObject*>(tb.obj()) : nullptr;
    if (!t) raise_type_error("__traceback__ must be a traceback or None");
    for (Value v = tb; v.is_object(); v = static_cast<TracebackObject*>(v.obj())->next)
        entries.push_back(static_cast<TracebackObject*>(v.obj())->entry);
    // Innermost first, as the interpreter appends them while unwinding.
    std::reverse(entries.begin(), entries.end());
    return entries;
}

void set_exception_traceback(ExceptionObject& e, const Value& tb) {
    make_types();
    e.traceback = traceback_entries(tb);
    e.tb_head = tb.is_none() ? Value() : tb;
    e.tb_head_size = e.traceback.size();
}

}  // namespace looplab::py
