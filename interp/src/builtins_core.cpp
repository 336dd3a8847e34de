// The builtins that are about classes and exceptions: object, type, super, property,
// staticmethod, classmethod, the exception classes; the except* split; the
// never-awaited warning.
#include "looplab/py/abstract.hpp"
#include "looplab/py/code.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/py/vm.hpp"
#include "vm_ops.hpp"

namespace looplab::py {

namespace {

Value builtin_super(Interp& in, const CallArgs& a) {
    if (a.nargs == 2) {
        if (!a[0].is_object() || a[0].type()->kind != Kind::type) raise_type_error("super() argument 1 must be a type");
        return Value(new Super(a[0].as<Type>(), a[1]));
    }
    if (a.nargs != 0) raise_type_error("super() takes 0 or 2 arguments");
    // Zero-argument form: the __class__ cell and the first argument of the calling frame.
    Frame* f = in.vm().current_frame();
    if (!f) raise(exc_types().RuntimeError, "super(): no arguments");
    const Code& c = *f->code;
    int idx = -1;
    for (size_t i = 0; i < c.freevars.size(); ++i)
        if (c.freevars[i] == "__class__") idx = int(c.cellvars.size() + i);
    if (idx < 0) raise(exc_types().RuntimeError, "super(): __class__ cell not found");
    Value cls = f->fast[c.nlocals() + size_t(idx)].as<Cell>()->value;
    if (c.argcount == 0 && !c.varargs) raise(exc_types().RuntimeError, "super(): no arguments");
    Value self = f->fast[0];
    for (size_t i = 0; i < c.cellvars.size(); ++i)
        if (c.cell2arg[i] == 0) self = f->fast[c.nlocals() + i].as<Cell>()->value;
    if (cls.is_undefined() || self.is_undefined()) raise(exc_types().RuntimeError, "super(): empty __class__ cell");
    return Value(new Super(cls.as<Type>(), self));
}

Value builtin_slice(Interp&, const CallArgs& a) {
    check_args(a, "slice", 1, 3);
    if (a.nargs == 1) return Value(new Slice(Value::none(), a[0], Value::none()));
    return Value(new Slice(a[0], a[1], a.nargs > 2 ? a[2] : Value::none()));
}

Value builtin_property(Interp&, const CallArgs& a) {
    Value fget = a.nargs > 0 ? a[0] : a.kw("fget");
    Value fset = a.nargs > 1 ? a[1] : a.kw("fset");
    return Value(new Property(fget, fset));
}
Value builtin_staticmethod(Interp&, const CallArgs& a) {
    check_args(a, "staticmethod", 1, 1);
    return Value(new StaticMethod(a[0]));
}
Value builtin_classmethod(Interp&, const CallArgs& a) {
    check_args(a, "classmethod", 1, 1);
    return Value(new ClassMethod(a[0]));
}

bool matches(Interp& in, const Value& e, const Value& type) {
    // split()/subgroup() also take a predicate (exceptions.c get_matcher_type).
    if (is_callable(type) && !(type.is_object() && type.type()->kind == Kind::type))
        return truthy(in, call(in, type, std::vector<Value>{e}));
    return isinstance(in, e, type);
}

Value derive(const ExceptionObject& orig, std::vector<Value> members) {
    bool all_exc = true;
    for (auto& m : members)
        if (!m.type()->is_subtype(exc_types().Exception)) all_exc = false;
    Type* cls = all_exc ? exc_types().ExceptionGroup : exc_types().BaseExceptionGroup;
    auto& items = orig.args.as<Tuple>()->items;
    auto g = new_exception_args(cls, {items.empty() ? make_str("") : items[0], make_list(std::move(members))});
    g->cause = orig.cause;
    g->context = orig.context;
    g->suppress_context = orig.suppress_context;
    g->traceback = orig.traceback;
    g->notes = orig.notes;
    return Value(g.get());
}

std::pair<Value, Value> split_group(Interp& in, const Value& exc, const Value& type) {
    auto* e = exc.as<ExceptionObject>();
    if (matches(in, exc, type)) return {exc, Value::none()};
    if (!e->type->is_subtype(exc_types().BaseExceptionGroup)) return {Value::none(), exc};
    auto& items = e->args.as<Tuple>()->items;
    std::vector<Value> members = items.size() > 1 ? to_vector(in, items[1]) : std::vector<Value>{};
    std::vector<Value> m, r;
    for (auto& x : members) {
        auto [mm, rr] = split_group(in, x, type);
        if (!mm.is_none()) m.push_back(mm);
        if (!rr.is_none()) r.push_back(rr);
    }
    Value match = m.empty() ? Value::none() : derive(*e, std::move(m));
    Value rest = r.empty() ? Value::none() : derive(*e, std::move(r));
    return {match, rest};
}

}  // namespace

std::pair<Value, Value> exception_group_split(Interp& in, const Value& exc, const Value& type) {
    if (exc.is_none()) return {Value::none(), Value::none()};
    auto* e = exc.as<ExceptionObject>();
    if (!e->type->is_subtype(exc_types().BaseExceptionGroup)) {
        // A naked exception caught by except* is wrapped in a group (ceval.c exception_group_match).
        if (matches(in, exc, type)) {
            auto g = new_exception_args(e->type->is_subtype(exc_types().Exception) ? exc_types().ExceptionGroup
                                                                                   : exc_types().BaseExceptionGroup,
                                        {make_str(""), make_tuple({exc})});
            g->traceback = e->traceback;
            return {Value(g.get()), Value::none()};
        }
        return {Value::none(), exc};
    }
    return split_group(in, exc, type);
}

Value prep_reraise_star(Interp& in, const Value& orig, const Value& raised_list, const Value& rest) {
    (void)in;
    auto& raised = raised_list.as<List>()->items;
    if (raised.empty()) return rest;
    std::vector<Value> all;
    for (auto& r : raised) all.push_back(r);
    if (!rest.is_none()) all.push_back(rest);
    if (all.size() == 1 && !rest.is_none()) return rest;
    return derive(*orig.as<ExceptionObject>(), std::move(all));
}

namespace {
// warnings.py's "default" action: a warning is shown once per location -- its text,
// category and line in the registry of the module it is attributed to. One registry (kept
// in sys, where CPython keeps the one for "sys:1") keyed by file, line and text does the same.
bool warned_before(Interp& in, const std::string& file, int line, const std::string& text) {
    Dict* sys = in.import_module("sys").as<Module>()->dict;
    Value reg = sys->get_str("__warningregistry__");
    if (kind_of(reg) != Kind::dict) {
        reg = Value(new Dict());
        sys->set_str("__warningregistry__", reg);
    }
    std::string key = file + ":" + std::to_string(line) + ":RuntimeWarning:" + text;
    if (!as_dict(reg)->get_str(key).is_undefined()) return true;
    as_dict(reg)->set_str(key, Value::boolean(true));
    return false;
}
}  // namespace

void warn_never_awaited(const std::string& qualname, int line) {
    (void)line;
    try {
        if (!Interp::current_or_null()) return;
        Interp& in = Interp::current();
        std::string text = "coroutine '" + qualname + "' was never awaited";
        Frame* f = in.vm().current_frame();
        if (!f) {
            // Collected when no Python code runs (interpreter shutdown): warnings.py has no
            // frame to point at and reports "sys:1".
            if (!warned_before(in, "sys", 1, text)) in.write_stderr("sys:1: RuntimeWarning: " + text + "\n");
            return;
        }
        if (warned_before(in, f->code->filename, f->line(), text)) return;
        in.warn(exc_types().RuntimeWarning, text);
        in.write_stderr("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
    } catch (...) {
    }
}

void install_core_builtins(Interp& in, Dict& b) {
    (void)in;
    const BuiltinTypes& t = types();
    b.set_str("object", Value(t.object));
    b.set_str("type", Value(t.type));
    b.set_str("property", Value(t.property));
    t.property->construct = builtin_property;
    t.staticmethod->construct = builtin_staticmethod;
    t.classmethod->construct = builtin_classmethod;
    b.set_str("staticmethod", Value(t.staticmethod));
    b.set_str("classmethod", Value(t.classmethod));
    t.super->construct = builtin_super;
    t.slice->construct = builtin_slice;
    b.set_str("slice", Value(t.slice));
    b.set_str("super", Value(t.super));
    b.set_str("Ellipsis", ellipsis());
    b.set_str("NotImplemented", not_implemented());
    b.set_str("__name__", make_str("builtins"));
    const ExceptionTypes& x = exc_types();
    for (Type* e : {x.BaseException, x.Exception, x.ArithmeticError, x.ZeroDivisionError, x.OverflowError,
                    x.AssertionError, x.AttributeError, x.ImportError, x.ModuleNotFoundError, x.LookupError,
                    x.IndexError, x.KeyError, x.NameError, x.UnboundLocalError, x.RuntimeError, x.NotImplementedError,
                    x.RecursionError, x.StopIteration, x.StopAsyncIteration, x.TypeError, x.ValueError,
                    x.UnicodeError, x.OSError, x.TimeoutError, x.ConnectionError, x.FileNotFoundError,
                    x.KeyboardInterrupt, x.SystemExit, x.GeneratorExit, x.BaseExceptionGroup, x.ExceptionGroup,
                    x.SyntaxError, x.IndentationError, x.Warning, x.UserWarning, x.RuntimeWarning,
                    x.DeprecationWarning, x.EOFError})
        b.set_str(e->name, Value(e));
    for (const char* name : {"BlockingIOError", "BrokenPipeError", "ChildProcessError", "ConnectionAbortedError",
                             "ConnectionRefusedError", "ConnectionResetError", "FileExistsError", "InterruptedError",
                             "IsADirectoryError", "NotADirectoryError", "PermissionError", "ProcessLookupError"})
        b.set_str(name, Value(exception_type_by_name(name)));
    b.set_str("EnvironmentError", Value(x.OSError));
    b.set_str("MemoryError", Value(exception_type_by_name("MemoryError")));
    b.set_str("IOError", Value(x.OSError));
}

}  // namespace looplab::py
