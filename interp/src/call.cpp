// Object protocols, part 3: calls, class instantiation, containers and iteration
// (CPython Objects/call.c, typeobject.c type_call, abstract.c).
#include "looplab/py/abstract.hpp"
#include "looplab/py/code.hpp"
#include "looplab/py/dict.hpp"
#include "looplab/py/exceptions.hpp"
#include "looplab/py/interp.hpp"
#include "looplab/py/set.hpp"
#include "looplab/py/str.hpp"
#include "looplab/py/vm.hpp"

namespace looplab::py {

Value CallArgs::kw(std::string_view name) const noexcept {
    for (size_t i = 0; i < nkw; ++i)
        if (kwnames[i]->s == name) return kwvalues[i];
    return {};
}

namespace {

// Calls f with `self` prepended to the arguments (bound methods).
Value call_with_self(Interp& in, const Value& f, const Value& self, const CallArgs& a) {
    Value small[8];
    std::vector<Value> big;
    Value* buf = small;
    if (a.nargs + 1 > 8) {
        big.resize(a.nargs + 1);
        buf = big.data();
    }
    buf[0] = self;
    for (size_t i = 0; i < a.nargs; ++i) buf[i + 1] = a.args[i];
    CallArgs b = a;
    b.args = buf;
    b.nargs = a.nargs + 1;
    return call(in, f, b);
}

Value instantiate(Interp& in, Type* cls, const CallArgs& a) {
    const Type* base = cls->builtin_base();
    Value self;
    switch (base->kind) {
        case Kind::object: self = Value(new Instance(cls)); break;
        case Kind::exception: {
            if (!cls->is_subtype(exc_types().OSError)) {
                auto* e = new ExceptionObject(cls);
                self = Value(e);
                std::vector<Value> args(a.args, a.args + a.nargs);
                e->args = make_tuple(std::move(args));
                break;
            }
            // exceptions.c OSError_new: no keywords; OSError(2, ...) is a FileNotFoundError;
            // the arguments are parsed here unless a Python __init__ will do it.
            if (a.nkw && !oserror_use_init(cls)) raise_type_error(cls->name + "() takes no keyword arguments");
            auto* e = new ExceptionObject(oserror_new_type(cls, a.args, a.nargs));
            self = Value(e);
            if (oserror_use_init(cls)) e->args = make_tuple({});
            else oserror_init(*e, a.args, a.nargs);
            break;
        }
        default:
            if (base->construct && cls == base) return base->construct(in, a);
            raise_type_error("LoopLab does not support subclassing the built-in type '" + base->name + "'");
    }
    Value init = cls->lookup("__init__");
    if (!init.is_undefined() && init.type()->kind == Kind::function) {
        Value r = call_with_self(in, init, self, a);
        if (!r.is_none()) raise_type_error("__init__() should return None, not '" + type_name(r) + "'");
    } else if (!init.is_undefined() && init.type()->kind == Kind::native) {
        call_with_self(in, init, self, a);
    } else if (base->kind == Kind::object && (a.nargs || a.nkw)) {
        raise_type_error(cls->name + "() takes no arguments");
    }
    return self;
}

}  // namespace

Value call(Interp& in, const Value& f, const CallArgs& a) {
    if (!f.is_object()) raise_type_error("'" + type_name(f) + "' object is not callable");
    switch (f.type()->kind) {
        case Kind::function: return in.vm().call_function(*f.as<Function>(), a);
        case Kind::native: {
            auto* n = f.as<NativeFunction>();
            if (!n->self.is_undefined()) {
                // A native bound at creation (module objects' methods): self goes first.
                std::vector<Value> buf;
                buf.reserve(a.nargs + 1);
                buf.push_back(n->self);
                for (size_t i = 0; i < a.nargs; ++i) buf.push_back(a.args[i]);
                CallArgs b = a;
                b.args = buf.data();
                b.nargs = buf.size();
                return n->fn(in, b);
            }
            return n->fn(in, a);
        }
        case Kind::bound_method: {
            auto* m = f.as<BoundMethod>();
            return call_with_self(in, m->func, m->self, a);
        }
        case Kind::type: {
            Type* cls = f.as<Type>();
            if (cls->heap || cls->kind == Kind::object || cls->kind == Kind::exception) {
                Value newf = cls->heap ? cls->lookup("__new__") : Value();
                if (!newf.is_undefined() && newf.is_object()) {
                    Value fn = newf.type()->kind == Kind::staticmethod ? newf.as<StaticMethod>()->func : newf;
                    Value self = call_with_self(in, fn, Value(cls), a);
                    if (self.type()->is_subtype(cls)) {
                        Value init = cls->lookup("__init__");
                        if (!init.is_undefined() && init.type()->kind == Kind::function) call_with_self(in, init, self, a);
                    }
                    return self;
                }
                return instantiate(in, cls, a);
            }
            if (cls->construct) return cls->construct(in, a);
            raise_type_error("cannot create '" + cls->name + "' instances");
        }
        case Kind::staticmethod: return call(in, f.as<StaticMethod>()->func, a);
        default: break;
    }
    Value c = f.type()->lookup("__call__");
    if (!c.is_undefined()) return call_with_self(in, c, f, a);
    raise_type_error("'" + type_name(f) + "' object is not callable");
}

Value call(Interp& in, const Value& callable, std::vector<Value> args) {
    CallArgs a;
    a.args = args.data();
    a.nargs = args.size();
    return call(in, callable, a);
}

bool is_callable(const Value& v) {
    if (!v.is_object()) return false;
    switch (v.type()->kind) {
        case Kind::function:
        case Kind::native:
        case Kind::bound_method:
        case Kind::type: return true;
        default: return !v.type()->lookup("__call__").is_undefined();
    }
}

// ---- containers -----------------------------------------------------------------------
int64_t sequence_index(Interp& in, const Value& index, int64_t size, const char* what) {
    (void)in;
    int64_t i = index.as_int();
    if (i < 0) i += size;
    if (i < 0 || i >= size) raise(exc_types().IndexError, std::string(what) + " index out of range");
    return i;
}

Value getitem(Interp& in, const Value& obj, const Value& key) {
    Type* t = obj.type();
    if (obj.is_object() && !t->heap) {
        switch (t->kind) {
            case Kind::list:
                if (key.is_intlike()) return obj.as<List>()->items[sequence_index(in, key, obj.as<List>()->items.size(), "list")];
                break;
            case Kind::tuple:
                if (key.is_intlike())
                    return obj.as<Tuple>()->items[sequence_index(in, key, obj.as<Tuple>()->items.size(), "tuple")];
                break;
            case Kind::dict: {
                Value v = obj.as<Dict>()->get(in, key);
                if (!v.is_undefined()) return v;
                break;  // __missing__ / KeyError via the type's __getitem__
            }
            case Kind::str: return str_getitem(in, *obj.as<Str>(), key);
            default: break;
        }
    }
    if (obj.is_object()) {
        if (t->kind == Kind::type) {
            // list[int], dict[str, int]... in annotations or aliases: keep the class itself.
            Value cg = obj.as<Type>()->lookup("__class_getitem__");
            if (!cg.is_undefined()) return call(in, cg, std::vector<Value>{obj, key});
            if (!obj.as<Type>()->heap) return obj;
            raise_type_error("type '" + obj.as<Type>()->name + "' is not subscriptable");
        }
        Value f = t->lookup("__getitem__");
        if (!f.is_undefined()) return call(in, f, std::vector<Value>{obj, key});
    }
    raise_type_error("'" + type_name(obj) + "' object is not subscriptable");
}

void setitem(Interp& in, const Value& obj, const Value& key, Value v) {
    Type* t = obj.type();
    if (obj.is_object() && !t->heap) {
        if (t->kind == Kind::dict) {
            obj.as<Dict>()->set(in, key, std::move(v));
            return;
        }
        if (t->kind == Kind::list && key.is_intlike()) {
            auto& items = obj.as<List>()->items;
            items[sequence_index(in, key, items.size(), "list assignment")] = std::move(v);
            return;
        }
    }
    if (obj.is_object()) {
        Value f = t->lookup("__setitem__");
        if (!f.is_undefined()) {
            call(in, f, std::vector<Value>{obj, key, v});
            return;
        }
    }
    raise_type_error("'" + type_name(obj) + "' object does not support item assignment");
}

void delitem(Interp& in, const Value& obj, const Value& key) {
    Type* t = obj.type();
    if (obj.is_object() && !t->heap && t->kind == Kind::dict) {
        if (!obj.as<Dict>()->erase(in, key)) throw_exception(new_exception_args(exc_types().KeyError, {key}));
        return;
    }
    if (obj.is_object()) {
        Value f = t->lookup("__delitem__");
        if (!f.is_undefined()) {
            call(in, f, std::vector<Value>{obj, key});
            return;
        }
    }
    raise_type_error("'" + type_name(obj) + "' object doesn't support item deletion");
}

int64_t len(Interp& in, const Value& v) {
    Type* t = v.type();
    if (v.is_object() && !t->heap) {
        switch (t->kind) {
            case Kind::str: return int64_t(v.as<Str>()->len());
            case Kind::list: return int64_t(v.as<List>()->items.size());
            case Kind::tuple: return int64_t(v.as<Tuple>()->items.size());
            case Kind::dict: return int64_t(v.as<Dict>()->size());
            case Kind::set:
            case Kind::frozenset: return int64_t(v.as<Set>()->size());
            case Kind::range: return v.as<Range>()->length();
            case Kind::bytes: return int64_t(v.as<Bytes>()->b.size());
            default: break;
        }
    }
    if (v.is_object()) {
        Value f = t->lookup("__len__");
        if (!f.is_undefined()) {
            Value r = call(in, f, std::vector<Value>{v});
            if (!r.is_intlike()) raise_type_error("'" + type_name(r) + "' object cannot be interpreted as an integer");
            if (r.as_int() < 0) raise_value_error("__len__() should return >= 0");
            return r.as_int();
        }
    }
    raise_type_error("object of type '" + type_name(v) + "' has no len()");
}

// ---- iteration ------------------------------------------------------------------------
Value iter(Interp& in, const Value& v) {
    Type* t = v.type();
    if (v.is_object()) {
        switch (t->kind) {
            case Kind::iterator:
            case Kind::generator: return v;
            default: break;
        }
        Value f = t->lookup("__iter__");
        if (!f.is_undefined() && !f.is_none()) {
            Value it = call(in, f, std::vector<Value>{v});
            Kind k = it.type()->kind;
            if (k != Kind::iterator && k != Kind::generator && it.type()->lookup("__next__").is_undefined())
                raise_type_error("iter() returned non-iterator of type '" + type_name(it) + "'");
            return it;
        }
        if (!t->lookup("__getitem__").is_undefined() && t->heap) {
            // The old sequence protocol: v[0], v[1]... until IndexError.
            auto* it = new NativeIterator(
                types().callable_iterator,
                [](Interp& in2, NativeIterator& self) -> Value {
                    try {
                        return getitem(in2, self.source, Value::integer(self.index++));
                    } catch (const PyErrorBase& e) {
                        if (e.exc->type->is_subtype(exc_types().IndexError) ||
                            e.exc->type->is_subtype(exc_types().StopIteration))
                            return {};
                        throw;
                    }
                },
                v);
            return Value(it);
        }
    }
    raise_type_error("'" + type_name(v) + "' object is not iterable");
}

Value next(Interp& in, const Value& it) {
    Type* t = it.type();
    if (it.is_object()) {
        if (t->kind == Kind::iterator) {
            auto* ni = dynamic_cast<NativeIterator*>(it.obj());
            if (ni) return ni->next(in, *ni);
        }
        if (t->kind == Kind::generator) {
            Resumed r = in.vm().resume_generator(*it.as<CoroutineObject>(), Value::none(), nullptr);
            if (r.kind == StepResult::Kind::raised) std::rethrow_exception(r.error);
            if (r.kind == StepResult::Kind::returned) return {};
            return r.value;
        }
        Value f = t->lookup("__next__");
        if (!f.is_undefined()) {
            try {
                return call(in, f, std::vector<Value>{it});
            } catch (const PyErrorBase& e) {
                if (e.exc->type->is_subtype(exc_types().StopIteration)) return {};
                throw;
            }
        }
    }
    raise_type_error("'" + type_name(it) + "' object is not an iterator");
}

std::vector<Value> to_vector(Interp& in, const Value& v) {
    if (v.is_object() && !v.type()->heap) {
        if (v.type()->kind == Kind::list) return v.as<List>()->items;
        if (v.type()->kind == Kind::tuple) return v.as<Tuple>()->items;
    }
    std::vector<Value> out;
    Value it = iter(in, v);
    for (Value x = next(in, it); !x.is_undefined(); x = next(in, it)) out.push_back(std::move(x));
    return out;
}

// ---- argument checking ----------------------------------------------------------------
void check_args(const CallArgs& a, const char* fname, size_t min_pos, size_t max_pos,
                std::initializer_list<const char*> keywords) {
    for (size_t i = 0; i < a.nkw; ++i) {
        bool ok = false;
        for (const char* k : keywords)
            if (a.kwnames[i]->s == k) ok = true;
        if (!ok) {
            if (keywords.size() == 0)
                raise_type_error(std::string(fname) + "() takes no keyword arguments");
            raise_type_error(std::string(fname) + "() got an unexpected keyword argument '" + a.kwnames[i]->s + "'");
        }
    }
    if (a.nargs < min_pos || a.nargs > max_pos) {
        std::string f = fname;
        if (min_pos == max_pos) {
            if (min_pos == 0) raise_type_error(f + "() takes no arguments (" + std::to_string(a.nargs) + " given)");
            if (min_pos == 1)
                raise_type_error(f + "() takes exactly one argument (" + std::to_string(a.nargs) + " given)");
            raise_type_error(f + " expected " + std::to_string(min_pos) + " arguments, got " + std::to_string(a.nargs));
        }
        if (a.nargs < min_pos)
            raise_type_error(f + " expected at least " + std::to_string(min_pos) + " argument" + (min_pos == 1 ? "" : "s") +
                             ", got " + std::to_string(a.nargs));
        raise_type_error(f + " expected at most " + std::to_string(max_pos) + " argument" + (max_pos == 1 ? "" : "s") +
                         ", got " + std::to_string(a.nargs));
    }
}

int64_t to_int(Interp& in, const Value& v, const char* what) {
    (void)in;
    if (v.is_intlike()) return v.as_int();
    if (v.is_object()) {
        Value f = v.type()->lookup("__index__");
        if (!f.is_undefined()) {
            Value r = call(in, f, std::vector<Value>{v});
            if (r.is_intlike()) return r.as_int();
        }
    }
    (void)what;
    raise_type_error("'" + type_name(v) + "' object cannot be interpreted as an integer");
}

double to_float(Interp& in, const Value& v, const char* what) {
    (void)in;
    if (v.is_float()) return v.as_float();
    if (v.is_intlike()) return double(v.as_int());
    raise_type_error(std::string(what) + " must be a real number, not " + type_name(v));
}

const std::string& to_str(const Value& v, const char* what) {
    if (!is_str(v)) raise_type_error(std::string(what) + " must be str, not " + type_name(v));
    return v.as<Str>()->s;
}

}  // namespace looplab::py
