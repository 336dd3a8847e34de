// Methods of object, type, function, method, module, coroutine and exception objects:
// their reprs and the few methods scenarios call (CPython typeobject.c, funcobject.c,
// genobject.c, exceptions.c).
#include "looplab/py/abstract.hpp"
#include "looplab/py/code.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/py/traceback_object.hpp"
#include "looplab/py/vm.hpp"
#include "vm_ops.hpp"

namespace looplab::py {

namespace {

std::string class_path(const Type* t) {
    std::string q = t->qualname.empty() ? t->name : t->qualname;
    if (t->module == "builtins") return q;
    return t->module + "." + q;
}

Value object_repr(Interp&, const CallArgs& a) {
    const Value& self = a[0];
    return make_str("<" + class_path(self.type()) + " object at " + address_of(self) + ">");
}
Value object_str(Interp& in, const CallArgs& a) { return make_str(repr(in, a[0])); }
Value object_eq(Interp&, const CallArgs& a) {
    if (a.nargs != 2) raise_type_error("expected 1 argument");
    return a[0].is(a[1]) ? Value::boolean(true) : not_implemented();
}
Value object_ne(Interp& in, const CallArgs& a) {
    if (a.nargs != 2) raise_type_error("expected 1 argument");
    Value eqf = a[0].type()->lookup("__eq__");
    Value r = call(in, eqf, std::vector<Value>{a[0], a[1]});
    if (r.is(not_implemented())) return r;
    return Value::boolean(!truthy(in, r));
}
Value object_hash(Interp&, const CallArgs& a) {
    uint64_t id = a[0].identity();
    return Value::integer(int64_t((id >> 4) | (id << 60)) & 0x7fffffffffffffff);
}
Value object_init(Interp&, const CallArgs& a) {
    const Value& self = a[0];
    if ((a.nargs > 1 || a.nkw) && self.type()->lookup("__new__").is_undefined())
        raise_type_error(self.type()->name + "() takes no arguments");
    return Value::none();
}
Value object_format(Interp& in, const CallArgs& a) {
    if (a.nargs == 2 && is_str(a[1]) && !a[1].as<Str>()->s.empty())
        raise_type_error("unsupported format string passed to " + a[0].type()->name + ".__format__");
    return make_str(str(in, a[0]));
}
Value object_dir(Interp& in, const CallArgs& a) {
    (void)in;
    std::vector<std::string> names;
    for (Type* t : a[0].type()->mro)
        for (auto& e : t->dict->entries())
            if (is_str(e.key)) names.push_back(e.key.as<Str>()->s);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::vector<Value> out;
    for (auto& n : names) out.push_back(make_str(n));
    return make_list(std::move(out));
}

Value type_repr(Interp&, const CallArgs& a) { return make_str("<class '" + class_path(a[0].as<Type>()) + "'>"); }
Value type_mro(Interp&, const CallArgs& a) {
    std::vector<Value> v;
    for (Type* t : a[0].as<Type>()->mro) v.push_back(Value(t));
    return make_list(std::move(v));
}
Value type_subclasscheck(Interp&, const CallArgs& a) {
    return Value::boolean(a[1].is_object() && a[1].type()->kind == Kind::type && a[1].as<Type>()->is_subtype(a[0].as<Type>()));
}
Value type_construct(Interp&, const CallArgs& a) {
    if (a.nargs == 1 && !a.nkw) return Value(a[0].type());
    raise(exc_types().NotImplementedError, "LoopLab does not support type(name, bases, dict); use a class statement");
}

Value function_repr(Interp&, const CallArgs& a) {
    return make_str("<function " + a[0].as<Function>()->qualname + " at " + address_of(a[0]) + ">");
}
Value function_get(Interp&, const CallArgs& a) {
    // function.__get__(obj, type): binds (used by functools-style decorators).
    if (a.nargs < 2 || a[1].is_none()) return a[0];
    return Value(new BoundMethod(a[1], a[0]));
}
Value native_repr(Interp& in, const CallArgs& a) {
    auto* n = a[0].as<NativeFunction>();
    if (!n->self.is_undefined() && !(n->self.is_object() && n->self.type()->kind == Kind::module))
        return make_str("<built-in method " + n->name + " of " + type_name(n->self) + " object at " + address_of(n->self) + ">");
    (void)in;
    return make_str("<built-in function " + n->name + ">");
}
Value method_repr(Interp& in, const CallArgs& a) {
    auto* m = a[0].as<BoundMethod>();
    if (m->func.type()->kind == Kind::native)
        return make_str("<built-in method " + m->func.as<NativeFunction>()->name + " of " + type_name(m->self) +
                        " object at " + address_of(m->self) + ">");
    std::string q = m->func.type()->kind == Kind::function ? m->func.as<Function>()->qualname : repr(in, m->func);
    return make_str("<bound method " + q + " of " + repr(in, m->self) + ">");
}
Value module_repr(Interp&, const CallArgs& a) {
    auto* m = a[0].as<Module>();
    if (m->name == "__main__") {
        Value f = m->dict->get_str("__file__");
        if (is_str(f)) return make_str("<module '__main__' from '" + f.as<Str>()->s + "'>");
    }
    return make_str("<module '" + m->name + "' (built-in)>");
}
Value coroutine_repr(Interp&, const CallArgs& a) {
    auto* c = a[0].as<CoroutineObject>();
    const char* what = c->type == types().generator ? "generator" : "coroutine";
    return make_str(std::string("<") + what + " object " + c->qualname + " at " + address_of(a[0]) + ">");
}
Value coroutine_close(Interp&, const CallArgs& a) {
    auto* c = a[0].as<CoroutineObject>();
    if (!c->started) {
        c->started = true;
        c->awaited = true;
    }
    c->finished = true;
    return Value::none();
}
Value coroutine_send(Interp& in, const CallArgs& a) {
    auto* c = a[0].as<CoroutineObject>();
    Resumed r = c->type == types().generator ? in.vm().resume_generator(*c, a.nargs > 1 ? a[1] : Value::none(), nullptr)
                                             : in.vm().resume(*c, nullptr);
    if (r.kind == StepResult::Kind::raised) std::rethrow_exception(r.error);
    if (r.kind == StepResult::Kind::returned) {
        throw_exception(new_exception_args(exc_types().StopIteration, r.value.is_none() ? std::vector<Value>{} : std::vector<Value>{r.value}));
    }
    return r.value.is_undefined() ? Value::none() : r.value;
}
Value native_coroutine_repr(Interp&, const CallArgs& a) {
    auto* c = static_cast<NativeCoroutine*>(a[0].obj());
    return make_str("<coroutine object " + c->name + " at " + address_of(a[0]) + ">");
}
Value native_coroutine_close(Interp&, const CallArgs& a) {
    auto* c = static_cast<NativeCoroutine*>(a[0].obj());
    c->awaited = true;
    c->started = true;
    return Value::none();
}

Value exc_init(Interp&, const CallArgs& a) {
    auto* e = a[0].as<ExceptionObject>();
    e->args = make_tuple(std::vector<Value>(a.args + 1, a.args + a.nargs));
    return Value::none();
}
Value exc_repr(Interp& in, const CallArgs& a) {
    auto* e = a[0].as<ExceptionObject>();
    auto& items = e->args.as<Tuple>()->items;
    std::string inner;
    if (e->type->is_subtype(exc_types().BaseExceptionGroup) && items.size() == 2) {
        inner = repr(in, items[0]) + ", " + repr(in, items[1]);
    } else if (items.size() == 1) {
        inner = repr(in, items[0]);
    } else if (!items.empty()) {
        inner = repr(in, e->args);
        inner = inner.substr(1, inner.size() - 2);
    }
    return make_str(e->type->name + "(" + inner + ")");
}
Value exc_str(Interp&, const CallArgs& a) { return make_str(exception_str_builtin(*a[0].as<ExceptionObject>())); }
// BaseException.with_traceback(tb): sets __traceback__ and returns the exception.
Value exc_with_traceback(Interp&, const CallArgs& a) {
    if (a.nargs != 2) raise_type_error("BaseException.with_traceback() takes exactly one argument (" + std::to_string(a.nargs - 1) + " given)");
    set_exception_traceback(*a[0].as<ExceptionObject>(), a[1]);
    return a[0];
}
// OSError.__init__ (exceptions.c OSError_init): the arguments were parsed by __new__ unless
// a Python __init__ overrides it and calls this one (super().__init__(errno, strerror)).
Value oserror_init_method(Interp&, const CallArgs& a) {
    auto* e = a[0].as<ExceptionObject>();
    if (!oserror_use_init(e->type)) return Value::none();
    if (a.nkw) raise_type_error(e->type->name + "() takes no keyword arguments");
    oserror_init(*e, a.args + 1, a.nargs - 1);
    return Value::none();
}
Value exc_add_note(Interp&, const CallArgs& a) {
    if (a.nargs != 2 || !is_str(a[1])) raise_type_error("note must be a str");
    a[0].as<ExceptionObject>()->notes.push_back(a[1].as<Str>()->s);
    return Value::none();
}
Value group_init(Interp& in, const CallArgs& a) {
    auto* e = a[0].as<ExceptionObject>();
    if (a.nargs != 3) raise_type_error("BaseExceptionGroup.__new__() takes exactly 2 arguments (" + std::to_string(a.nargs - 1) + " given)");
    if (!is_str(a[1])) raise_type_error("argument 1 must be str, not " + type_name(a[1]));
    std::vector<Value> members = to_vector(in, a[2]);
    if (members.empty()) raise_value_error("second argument (exceptions) must be a non-empty sequence");
    bool all_exceptions = true;
    for (auto& m : members) {
        if (!m.is_object() || !m.type()->is_subtype(exc_types().BaseException))
            raise_value_error("Item " + std::to_string(&m - members.data()) + " of second argument (exceptions) is not an exception");
        if (!m.type()->is_subtype(exc_types().Exception)) all_exceptions = false;
    }
    if (e->type == exc_types().ExceptionGroup && !all_exceptions)
        raise_type_error("Cannot nest BaseExceptions in an ExceptionGroup");
    // BaseExceptionGroup(msg, [Exception...]) is an ExceptionGroup (exceptions.c BaseExceptionGroup_new).
    if (e->type == exc_types().BaseExceptionGroup && all_exceptions) e->type = exc_types().ExceptionGroup;
    e->args = make_tuple({a[1], a[2]});
    return Value::none();
}
Value group_subgroup_split(Interp& in, const CallArgs& a, bool split) {
    auto [match, rest] = exception_group_split(in, a[0], a[1]);
    if (!split) return match;
    return make_tuple({match, rest});
}
Value group_subgroup(Interp& in, const CallArgs& a) { return group_subgroup_split(in, a, false); }
Value group_split(Interp& in, const CallArgs& a) { return group_subgroup_split(in, a, true); }

Value property_setter(Interp&, const CallArgs& a) {
    auto* p = a[0].as<Property>();
    return Value(new Property(p->fget, a[1]));
}
Value property_getter(Interp&, const CallArgs& a) {
    auto* p = a[0].as<Property>();
    return Value(new Property(a[1], p->fset));
}
Value slice_repr(Interp& in, const CallArgs& a) {
    auto* s = a[0].as<Slice>();
    return make_str("slice(" + repr(in, s->start) + ", " + repr(in, s->stop) + ", " + repr(in, s->step) + ")");
}
Value ellipsis_repr(Interp&, const CallArgs& a) {
    return make_str(a[0].type() == types().ellipsis ? "Ellipsis" : "NotImplemented");
}

Type* g_native_coroutine = nullptr;

}  // namespace

Type* native_coroutine_type() {
    if (!g_native_coroutine) {
        g_native_coroutine = new Type("coroutine", Kind::opaque, types().object);
        g_native_coroutine->add_ref();
        g_native_coroutine->type = types().type;
        g_native_coroutine->dict->type = types().dict;
        g_native_coroutine->is_final = true;
        g_native_coroutine->add_method("__repr__", native_coroutine_repr);
        g_native_coroutine->add_method("close", native_coroutine_close);
    }
    return g_native_coroutine;
}

void install_object_methods(const BuiltinTypes& t) {
    t.object->add_method("__repr__", object_repr);
    t.object->add_method("__str__", object_str);
    t.object->add_method("__eq__", object_eq);
    t.object->add_method("__ne__", object_ne);
    t.object->add_method("__hash__", object_hash);
    t.object->add_method("__init__", object_init);
    t.object->add_method("__format__", object_format);
    t.object->add_method("__dir__", object_dir);
    t.type->add_method("__repr__", type_repr);
    t.type->add_method("mro", type_mro);
    t.type->add_method("__subclasscheck__", type_subclasscheck);
    t.type->construct = type_construct;
    t.function->add_method("__repr__", function_repr);
    t.function->add_method("__get__", function_get);
    t.native->add_method("__repr__", native_repr);
    t.bound_method->add_method("__repr__", method_repr);
    t.module->add_method("__repr__", module_repr);
    t.coroutine->add_method("__repr__", coroutine_repr);
    t.coroutine->add_method("close", coroutine_close);
    t.coroutine->add_method("send", coroutine_send);
    t.generator->add_method("__repr__", coroutine_repr);
    t.generator->add_method("close", coroutine_close);
    t.generator->add_method("send", coroutine_send);
    t.property->add_method("setter", property_setter);
    t.property->add_method("getter", property_getter);
    t.slice->add_method("__repr__", slice_repr);
    t.ellipsis->add_method("__repr__", ellipsis_repr);
    t.not_implemented->add_method("__repr__", ellipsis_repr);
}

void install_exception_methods(const ExceptionTypes& x) {
    x.BaseException->add_method("__init__", exc_init);
    x.BaseException->add_method("__repr__", exc_repr);
    x.BaseException->add_method("__str__", exc_str);
    x.BaseException->add_method("with_traceback", exc_with_traceback);
    x.BaseException->add_method("add_note", exc_add_note);
    x.OSError->add_method("__init__", oserror_init_method);
    x.BaseExceptionGroup->add_method("__init__", group_init);
    x.BaseExceptionGroup->add_method("subgroup", group_subgroup);
    x.BaseExceptionGroup->add_method("split", group_split);
}

}  // namespace looplab::py
