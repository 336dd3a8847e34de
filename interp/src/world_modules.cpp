// The simulated world of SPEC 3 (docs/world.md): registers `sim`, `aiohttp`, `requests`
// and `requests.exceptions`, and holds what their files share: Python-`def` argument
// binding (the reference modules are Python, so their argument errors are ceval.c's), and
// classes made from C++ that behave like the reference's Python classes.
#include "world_modules.hpp"

#include <algorithm>

#include "asyncio_bridge.hpp"
#include "looplab/py/dict.hpp"

namespace looplab::py {

namespace world {

namespace {

// "'a'", "'a' and 'b'", "'a', 'b', and 'c'" (ceval.c format_missing).
std::string name_list(const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        out += "'" + names[i] + "'";
    }
    return out;
}

}  // namespace

void bind(const Params& p, const Value* args, size_t nargs, const CallArgs& kw, Value* out) {
    const std::vector<const char*>& names = p.names;
    const size_t self = p.method ? 1 : 0;
    for (size_t i = 0; i < names.size(); ++i) out[i] = Value();
    // Positional arguments first (ceval.c initialize_locals), the extra ones reported later.
    for (size_t i = 0; i < nargs && i < p.npos; ++i) out[i] = args[i];
    // Keywords, in the order given.
    for (size_t k = 0; k < kw.nkw; ++k) {
        const std::string& name = kw.kwnames[k]->s;
        auto it = std::find_if(names.begin(), names.end(), [&](const char* n) { return name == n; });
        if (it == names.end())
            raise_type_error(std::string(p.qualname) + "() got an unexpected keyword argument '" + name + "'");
        size_t i = size_t(it - names.begin());
        if (!out[i].is_undefined())
            raise_type_error(std::string(p.qualname) + "() got multiple values for argument '" + name + "'");
        out[i] = kw.kwvalues[k];
    }
    // ceval.c too_many_positional.
    if (nargs > p.npos) {
        size_t kwonly_given = 0;
        for (size_t i = p.npos; i < names.size(); ++i)
            if (!out[i].is_undefined()) ++kwonly_given;
        size_t argcount = p.npos + self, given = nargs + self;
        size_t defcount = p.npos - p.nrequired;
        std::string sig = defcount ? "from " + std::to_string(argcount - defcount) + " to " + std::to_string(argcount)
                                   : std::to_string(argcount);
        bool plural = defcount ? true : argcount != 1;
        std::string kwonly;
        if (kwonly_given)
            kwonly = std::string(" positional argument") + (given != 1 ? "s" : "") + " (and " +
                     std::to_string(kwonly_given) + " keyword-only argument" + (kwonly_given != 1 ? "s" : "") + ")";
        raise_type_error(std::string(p.qualname) + "() takes " + sig + " positional argument" + (plural ? "s" : "") +
                         " but " + std::to_string(given) + kwonly + (given == 1 && !kwonly_given ? " was" : " were") +
                         " given");
    }
    // ceval.c missing_arguments (positional; every keyword-only parameter has a default).
    std::vector<std::string> missing;
    for (size_t i = 0; i < p.nrequired; ++i)
        if (out[i].is_undefined()) missing.emplace_back(names[i]);
    if (!missing.empty())
        raise_type_error(std::string(p.qualname) + "() missing " + std::to_string(missing.size()) +
                         " required positional argument" + (missing.size() > 1 ? "s" : "") + ": " + name_list(missing));
}

Value call_kw(Interp& in, const Value& callable, std::vector<Value> args,
              std::vector<std::pair<const char*, Value>> kwargs) {
    std::vector<Str*> names;
    std::vector<Value> values;
    for (auto& [n, v] : kwargs) {
        names.push_back(intern(n));
        values.push_back(v);
    }
    CallArgs a;
    a.args = args.data();
    a.nargs = args.size();
    a.kwnames = names.data();
    a.kwvalues = values.data();
    a.nkw = names.size();
    return call(in, callable, a);
}

Type* make_class(const char* name, const char* module, Kind kind, Type* base) {
    Type* t = new Type(name, kind, base ? base : types().object);
    t->add_ref();  // immortal, as the built-in types
    t->type = types().type;
    t->dict->type = types().dict;
    t->module = module;
    return t;
}

namespace {

// C3 linearisation (typeobject.c mro_internal); the world's hierarchies are consistent.
std::vector<Type*> c3(Type* cls, std::initializer_list<Type*> bases) {
    std::vector<std::vector<Type*>> seqs;
    for (Type* b : bases) seqs.push_back(b->mro);
    seqs.emplace_back(bases);
    std::vector<Type*> out{cls};
    for (;;) {
        seqs.erase(std::remove_if(seqs.begin(), seqs.end(), [](auto& s) { return s.empty(); }), seqs.end());
        if (seqs.empty()) return out;
        Type* cand = nullptr;
        for (auto& s : seqs) {
            bool in_tail = false;
            for (auto& o : seqs)
                if (std::find(o.begin() + 1, o.end(), s.front()) != o.end()) in_tail = true;
            if (!in_tail) {
                cand = s.front();
                break;
            }
        }
        out.push_back(cand);
        for (auto& s : seqs)
            if (s.front() == cand) s.erase(s.begin());
    }
}

}  // namespace

Type* make_exception_class(const char* name, const char* module, std::initializer_list<Type*> bases) {
    Type* t = make_class(name, module, Kind::exception, *bases.begin());
    t->bases.assign(bases.begin(), bases.end());
    t->mro = c3(t, bases);
    return t;
}

namespace {

Value function_repr(Interp&, const CallArgs& a) {
    auto* f = static_cast<NativeFunction*>(a[0].obj());
    return make_str("<function " + (is_str(f->data) ? f->data.as<Str>()->s : f->name) + " at " + address_of(a[0]) +
                    ">");
}

// The type of make_function's natives: called, bound and inspected as any native
// (Kind::native); only its name and repr are a Python function's.
Type* function_type() {
    static Type* t = [] {
        Type* f = make_class("function", "builtins", Kind::native, types().native);
        f->add_method("__repr__", function_repr);
        return f;
    }();
    return t;
}

}  // namespace

Value make_function(const char* name, const std::string& qualname, NativeFn fn) {
    auto* f = new NativeFunction(name, fn, Value(), make_str(qualname));
    f->type = function_type();
    return Value(f);
}

void add_function(Type* t, const char* name, NativeFn fn) {
    t->dict->set_str(name, make_function(name, t->name + "." + name, fn));
}

void add_property(Type* t, const char* name, NativeFn getter) {
    t->dict->set_str(name,
                     Value(new Property(make_function(name, std::string(t->name) + "." + name, getter), Value())));
}

Value new_instance(Type* t, std::initializer_list<std::pair<const char*, Value>> attrs) {
    auto* o = new Instance(t);
    Value v(o);
    for (auto& [n, a] : attrs) o->dict->set_str(n, a);
    return v;
}

Value attr_of(const Value& obj, const char* name) {
    auto* o = dynamic_cast<Instance*>(obj.obj());
    return o ? o->dict->get_str(name) : Value();
}

namespace {
Coroutine<Value> ready_body(Value v) { co_return v; }
}  // namespace

Value ready_coroutine(Value v, const char* qualname) {
    return make_native_coroutine(ready_body(std::move(v)), qualname);
}

}  // namespace world

void register_world_modules(Interp& in) {
    in.register_module("sim", world::init_sim_module);
    in.register_module("aiohttp", world::init_aiohttp_module);
    in.register_module("requests", world::init_requests_module);
    in.register_module("requests.exceptions", world::init_requests_exceptions_module);
}

}  // namespace looplab::py
