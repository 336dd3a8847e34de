// Object protocols, part 2: attribute lookup (CPython Objects/object.c
// PyObject_GenericGetAttr, typeobject.c type_getattro, descriptors).
#include <algorithm>

#include "looplab/py/abstract.hpp"
#include "looplab/py/code.hpp"
#include "looplab/py/traceback_object.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/py/vm.hpp"

namespace looplab::py {

namespace {

// The instance dict of objects that have one, or null.
Dict* instance_dict(const Value& obj, bool create) {
    if (!obj.is_object()) return nullptr;
    Object* o = obj.obj();
    switch (obj.type()->kind) {
        case Kind::object:
        case Kind::exception:
            if (dynamic_cast<Instance*>(o)) return static_cast<Instance*>(o)->dict;
            return nullptr;
        case Kind::module: return static_cast<Module*>(o)->dict;
        case Kind::function: {
            auto* f = static_cast<Function*>(o);
            if (!f->attrs && create) {
                f->attrs = new Dict();
                f->attrs->add_ref();
            }
            return f->attrs;
        }
        case Kind::opaque: {
            auto* op = dynamic_cast<OpaqueObject*>(o);
            if (op) {
                if (!op->attrs && create) {
                    op->attrs = new Dict();
                    op->attrs->add_ref();
                }
                return op->attrs;
            }
            if (auto* f = as_future_object(o)) {
                if (!f->attrs && create) {
                    f->attrs = new Dict();
                    f->attrs->add_ref();
                }
                return f->attrs;
            }
            return nullptr;
        }
        default: return nullptr;
    }
}

Value bind(const Value& attr, const Value& obj, Type* cls) {
    if (!attr.is_object()) return attr;
    switch (attr.type()->kind) {
        case Kind::function:
        case Kind::native: return Value(new BoundMethod(obj, attr));
        case Kind::classmethod: return Value(new BoundMethod(Value(cls), attr.as<ClassMethod>()->func));
        case Kind::staticmethod: return attr.as<StaticMethod>()->func;
        default: return attr;
    }
}

// Attributes every object of some built-in kinds has (not stored in dicts).
Value special_attr(Interp& in, const Value& obj, std::string_view name) {
    Object* o = obj.obj();
    if (name == "__class__") return Value(obj.type());
    switch (obj.type()->kind) {
        case Kind::type: {
            auto* t = static_cast<Type*>(o);
            if (name == "__name__") return make_str(t->name);
            if (name == "__qualname__") return make_str(t->qualname);
            if (name == "__module__") {
                Value m = t->dict->get_str("__module__");
                return m.is_undefined() ? make_str(t->module) : m;
            }
            if (name == "__mro__") {
                std::vector<Value> v;
                for (Type* m : t->mro) v.push_back(Value(m));
                return make_tuple(std::move(v));
            }
            if (name == "__bases__") {
                std::vector<Value> v;
                for (Type* m : t->bases) v.push_back(Value(m));
                return make_tuple(std::move(v));
            }
            if (name == "__base__") return t->bases.empty() ? Value::none() : Value(t->bases[0]);
            if (name == "__dict__") return Value(t->dict);
            if (name == "__doc__") {
                Value d = t->dict->get_str("__doc__");
                return d.is_undefined() ? Value::none() : d;
            }
            break;
        }
        case Kind::function: {
            auto* f = static_cast<Function*>(o);
            if (name == "__name__") return make_str(f->name);
            if (name == "__qualname__") return make_str(f->qualname);
            if (name == "__doc__") return f->doc.is_undefined() ? Value::none() : f->doc;
            if (name == "__module__") return f->module_name.is_undefined() ? Value::none() : f->module_name;
            if (name == "__code__") return Value(f->code.get());
            if (name == "__defaults__") return f->defaults.is_undefined() ? Value::none() : f->defaults;
            if (name == "__dict__") return Value(instance_dict(obj, true));
            break;
        }
        case Kind::native: {
            auto* f = static_cast<NativeFunction*>(o);
            if (name == "__name__" || name == "__qualname__") return make_str(f->name);
            if (name == "__self__") return f->self.is_undefined() ? Value::none() : f->self;
            if (name == "__doc__") return Value::none();
            if (name == "__module__") return Value::none();
            break;
        }
        case Kind::bound_method: {
            auto* m = static_cast<BoundMethod*>(o);
            if (name == "__self__") return m->self;
            if (name == "__func__") return m->func;
            if (name == "__name__" || name == "__qualname__" || name == "__doc__" || name == "__module__")
                return getattr(in, m->func, intern(name));
            break;
        }
        case Kind::module: {
            if (name == "__dict__") return Value(static_cast<Module*>(o)->dict);
            break;
        }
        case Kind::object:
        case Kind::exception: {
            if (name == "__dict__") {
                if (Dict* d = instance_dict(obj, false)) return Value(d);
            }
            break;
        }
        case Kind::coroutine:
        case Kind::generator: {
            auto* c = static_cast<CoroutineObject*>(o);
            if (name == "__name__") return make_str(c->name);
            if (name == "__qualname__") return make_str(c->qualname);
            if (name == "cr_running" || name == "gi_running") return Value::boolean(c->running);
            if (name == "cr_frame" || name == "gi_frame") return c->finished ? Value::none() : Value(c->frame.get());
            break;
        }
        case Kind::code: {
            // The code object attributes tracebacks are read through (tb_frame.f_code.co_name).
            auto* c = static_cast<Code*>(o);
            if (name == "co_name") return make_str(c->name);
            if (name == "co_qualname") return make_str(c->qualname);
            if (name == "co_filename") return make_str(c->filename);
            if (name == "co_firstlineno") return Value::integer(c->firstline);
            if (name == "co_argcount") return Value::integer(c->argcount);
            break;
        }
        case Kind::property: {
            auto* p = static_cast<Property*>(o);
            if (name == "fget") return p->fget.is_undefined() ? Value::none() : p->fget;
            if (name == "fset") return p->fset.is_undefined() ? Value::none() : p->fset;
            break;
        }
        case Kind::staticmethod:
        case Kind::classmethod: {
            if (name == "__func__") return obj.type()->kind == Kind::staticmethod ? static_cast<StaticMethod*>(o)->func
                                                                                   : static_cast<ClassMethod*>(o)->func;
            break;
        }
        case Kind::slice: {
            auto* s = static_cast<Slice*>(o);
            if (name == "start") return s->start;
            if (name == "stop") return s->stop;
            if (name == "step") return s->step;
            break;
        }
        case Kind::range: {
            auto* r = static_cast<Range*>(o);
            if (name == "start") return Value::integer(r->start);
            if (name == "stop") return Value::integer(r->stop);
            if (name == "step") return Value::integer(r->step);
            break;
        }
        default: break;
    }
    if (obj.type()->kind == Kind::exception) {
        auto* e = dynamic_cast<ExceptionObject*>(o);
        if (e) {
            if (name == "args") return e->args;
            if (name == "__cause__") return e->cause.is_undefined() ? Value::none() : e->cause;
            if (name == "__context__") return e->context.is_undefined() ? Value::none() : e->context;
            if (name == "__suppress_context__") return Value::boolean(e->suppress_context);
            if (name == "__traceback__") return exception_traceback(*e);
            if (e->type->is_subtype(exc_types().OSError)) {
                // exceptions.c OSError_members: None until set.
                auto or_none = [](const Value& v) { return v.is_undefined() ? Value::none() : v; };
                if (name == "errno") return or_none(e->os_errno);
                if (name == "strerror") return or_none(e->os_strerror);
                if (name == "filename") return or_none(e->os_filename);
                if (name == "filename2") return or_none(e->os_filename2);
                if (name == "characters_written" && !e->os_written.is_undefined()) return e->os_written;
            }
            if (name == "__notes__" && !e->notes.empty()) {
                std::vector<Value> v;
                for (auto& n : e->notes) v.push_back(make_str(n));
                return make_list(std::move(v));
            }
            if (e->type->is_subtype(exc_types().BaseExceptionGroup)) {
                auto& items = e->args.as<Tuple>()->items;
                if (name == "message") return items.empty() ? make_str("") : items[0];
                if (name == "exceptions") {
                    if (items.size() < 2) return make_tuple({});
                    return make_tuple(to_vector(in, items[1]));
                }
            }
        }
    }
    return {};
}

}  // namespace

Value lookup_special(const Value& obj, std::string_view name) { return obj.type()->lookup(name); }

Value getattr_or_undefined(Interp& in, const Value& obj, Str* name) {
    Type* t = obj.type();
    const std::string& n = name->s;
    // Classes: attributes along the class's own MRO.
    if (obj.is_object() && t->kind == Kind::type) {
        Type* cls = obj.as<Type>();
        Value a = cls->lookup(n);
        if (!a.is_undefined()) {
            if (a.is_object()) {
                Kind k = a.type()->kind;
                if (k == Kind::classmethod) return Value(new BoundMethod(obj, a.as<ClassMethod>()->func));
                if (k == Kind::staticmethod) return a.as<StaticMethod>()->func;
            }
            return a;
        }
        Value s = special_attr(in, obj, n);
        if (!s.is_undefined()) return s;
        // Methods of `type` itself (mro()...).
        Value m = types().type->lookup(n);
        if (!m.is_undefined()) return bind(m, obj, t);
        return {};
    }
    if (obj.is_object() && t->kind == Kind::super) {
        auto* sup = obj.as<Super>();
        Type* self_type = sup->self.type();
        if (sup->self.is_object() && sup->self.type()->kind == Kind::type) self_type = sup->self.as<Type>();
        auto& mro = self_type->mro;
        auto it = std::find(mro.begin(), mro.end(), sup->start_after);
        if (it != mro.end()) ++it;
        for (; it != mro.end(); ++it) {
            Value a = (*it)->dict->get_str(n);
            if (!a.is_undefined()) {
                if (sup->self.is_object() && sup->self.type()->kind == Kind::type) {
                    if (a.is_object() && a.type()->kind == Kind::classmethod)
                        return Value(new BoundMethod(sup->self, a.as<ClassMethod>()->func));
                    return a;
                }
                return bind(a, sup->self, self_type);
            }
        }
        return {};
    }
    Value attr = t->lookup(n);
    // Data descriptors (property) win over the instance dict.
    if (attr.is_object() && attr.type()->kind == Kind::property) {
        auto* p = attr.as<Property>();
        if (p->fget.is_undefined() || p->fget.is_none())
            raise(exc_types().AttributeError, "property '" + n + "' of '" + t->name + "' object has no getter");
        return call(in, p->fget, std::vector<Value>{obj});
    }
    if (Dict* d = instance_dict(obj, false)) {
        Value v = d->get_str(n);
        if (!v.is_undefined()) return v;
    }
    if (!attr.is_undefined()) return bind(attr, obj, t);
    Value s = obj.is_object() ? special_attr(in, obj, n) : Value();
    if (!s.is_undefined()) return s;
    if (n == "__class__") return Value(t);
    for (Type* m : t->mro)
        if (m->getattr_hook) {
            Value args[2] = {obj, Value(name)};
            CallArgs ca;
            ca.args = args;
            ca.nargs = 2;
            Value v = m->getattr_hook(in, ca);
            if (!v.is_undefined()) return v;
            break;
        }
    // __getattr__ fallback for user classes.
    if (t->heap) {
        Value ga = t->lookup("__getattr__");
        if (!ga.is_undefined()) {
            try {
                return call(in, ga, std::vector<Value>{obj, Value(name)});
            } catch (const PyErrorBase& e) {
                if (e.exc->type->is_subtype(exc_types().AttributeError)) return {};
                throw;
            }
        }
    }
    return {};
}

Value getattr(Interp& in, const Value& obj, Str* name) {
    Value v = getattr_or_undefined(in, obj, name);
    if (!v.is_undefined()) return v;
    Type* t = obj.type();
    if (obj.is_object() && t->kind == Kind::type)
        raise(exc_types().AttributeError, "type object '" + obj.as<Type>()->name + "' has no attribute '" + name->s + "'");
    if (obj.is_object() && t->kind == Kind::module)
        raise(exc_types().AttributeError, "module '" + obj.as<Module>()->name + "' has no attribute '" + name->s + "'");
    raise(exc_types().AttributeError, "'" + t->name + "' object has no attribute '" + name->s + "'");
}

bool hasattr(Interp& in, const Value& obj, Str* name) {
    try {
        return !getattr_or_undefined(in, obj, name).is_undefined();
    } catch (const PyErrorBase& e) {
        if (e.exc->type->is_subtype(exc_types().AttributeError)) return false;
        throw;
    }
}

void setattr(Interp& in, const Value& obj, Str* name, Value v) {
    Type* t = obj.type();
    const std::string& n = name->s;
    for (Type* m : t->mro)
        if (m->setattr_hook) {
            Value args[3] = {obj, Value(name), v};
            CallArgs ca;
            ca.args = args;
            ca.nargs = 3;
            if (!m->setattr_hook(in, ca).is_undefined()) return;
            break;
        }
    if (obj.is_object() && t->kind == Kind::type) {
        Type* cls = obj.as<Type>();
        if (!cls->heap) raise_type_error("cannot set '" + n + "' attribute of immutable type '" + cls->name + "'");
        cls->dict->set_str(n, std::move(v));
        return;
    }
    Value attr = t->lookup(n);
    if (attr.is_object() && attr.type()->kind == Kind::property) {
        auto* p = attr.as<Property>();
        if (p->fset.is_undefined() || p->fset.is_none())
            raise(exc_types().AttributeError, "property '" + n + "' of '" + t->name + "' object has no setter");
        call(in, p->fset, std::vector<Value>{obj, v});
        return;
    }
    if (t->heap) {
        Value sa = t->lookup("__setattr__");
        if (!sa.is_undefined() && sa.type()->kind == Kind::function) {
            call(in, sa, std::vector<Value>{obj, Value(name), v});
            return;
        }
    }
    if (obj.is_object() && t->kind == Kind::exception) {
        if (auto* e = dynamic_cast<ExceptionObject*>(obj.obj())) {
            if (n == "__cause__") {
                e->cause = v.is_none() ? Value() : v;
                e->suppress_context = true;
                return;
            }
            if (n == "__context__") {
                e->context = v.is_none() ? Value() : v;
                return;
            }
            if (n == "__suppress_context__") {
                e->suppress_context = truthy(in, v);
                return;
            }
            if (n == "__traceback__") return set_exception_traceback(*e, v);
            if (e->type->is_subtype(exc_types().OSError)) {
                if (n == "errno") return void(e->os_errno = v);
                if (n == "strerror") return void(e->os_strerror = v);
                if (n == "filename") return void(e->os_filename = v);
                if (n == "filename2") return void(e->os_filename2 = v);
                if (n == "characters_written") return void(e->os_written = v);
            }
            if (n == "args") {
                e->args = make_tuple(to_vector(in, v));
                return;
            }
        }
    }
    if (obj.is_object() && t->kind == Kind::function) {
        auto* f = obj.as<Function>();
        if (n == "__name__") {
            f->name = to_str(v, "__name__");
            return;
        }
        if (n == "__qualname__") {
            f->qualname = to_str(v, "__qualname__");
            return;
        }
        if (n == "__doc__") {
            f->doc = v;
            return;
        }
        if (n == "__module__") {
            f->module_name = v;
            return;
        }
    }
    if (Dict* d = instance_dict(obj, true)) {
        d->set_str(n, std::move(v));
        return;
    }
    if (!attr.is_undefined())
        raise(exc_types().AttributeError, "'" + t->name + "' object attribute '" + n + "' is read-only");
    raise(exc_types().AttributeError, "'" + t->name + "' object has no attribute '" + n + "'");
}

void delattr(Interp& in, const Value& obj, Str* name) {
    (void)in;
    Type* t = obj.type();
    if (obj.is_object() && t->kind == Kind::type && obj.as<Type>()->heap) {
        if (!obj.as<Type>()->dict->erase_str(name->s))
            raise(exc_types().AttributeError, "type object '" + obj.as<Type>()->name + "' has no attribute '" + name->s + "'");
        return;
    }
    Dict* d = instance_dict(obj, false);
    if (!d || !d->erase_str(name->s))
        raise(exc_types().AttributeError, "'" + t->name + "' object has no attribute '" + name->s + "'");
}

}  // namespace looplab::py
