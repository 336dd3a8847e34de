// The standard-library modules a scenario can import (SPEC 2), and the helpers their
// module_<name>.cpp files share. Which modules exist is decided here; what each does is in
// its own file.
#include <cmath>

#include "looplab/py/compiler.hpp"
#include "looplab/py/vm.hpp"
#include "stdlib_modules.hpp"

namespace looplab::py {

void register_stdlib_modules(Interp& in) {
    using namespace stdlib;
    in.register_module("time", init_time);
    in.register_module("random", init_random);
    in.register_module("math", init_math);
    in.register_module("os", init_os);
    in.register_module("os.path", init_os_path);
    in.register_module("sys", init_sys);
    in.register_module("functools", init_functools);
    in.register_module("itertools", init_itertools);
    in.register_module("collections", init_collections);
    in.register_module("dataclasses", init_dataclasses);
    in.register_module("typing", init_typing);
    in.register_module("datetime", init_datetime);
    in.register_module("logging", init_logging);
    in.register_module("string", init_string);
    in.register_module("json", init_json);
    in.register_module("copy", init_copy);
    in.register_module("operator", init_operator);
    in.register_module("contextlib", init_contextlib);
    in.register_module("enum", init_enum);
    in.register_module("__future__", init_future);
    in.register_module("abc", init_abc);
    in.register_module("traceback", init_traceback);
    in.register_module("heapq", init_heapq);
    in.register_module("bisect", init_bisect);
    in.register_module("types", init_types);
    in.register_module("errno", init_errno);
}

namespace stdlib {

Type* make_type(const char* name, const char* module, Kind kind, Type* base) {
    Type* t = new Type(name, kind, base ? base : types().object);
    t->add_ref();  // immortal, as the built-in types
    t->type = types().type;
    t->dict->type = types().dict;
    t->module = module;
    return t;
}

void retype(Object* o, Type* t) {
    if (o->type == t) return;
    if (t->heap) t->add_ref();
    if (o->type && o->type->heap) o->type->release();
    o->type = t;
}

void def(Module& m, const char* name, NativeFn fn) { m.dict->set_str(name, make_native(name, fn)); }

void exec_source(Interp& in, std::string_view source, const std::string& filename, Dict* globals) {
    Ref<Code> code = compile_source(source, filename);
    Ref<Frame> frame(new Frame(code, globals, Value(globals)));
    in.vm().run(frame);
}

double float_arg(Interp& in, const Value& v) {
    if (v.is_float()) return v.as_float();
    if (v.is_intlike()) return double(v.as_int());
    if (v.is_object()) {
        Value f = lookup_special(v, "__float__");
        if (!f.is_undefined()) {
            Value r = call(in, f, std::vector<Value>{v});
            if (r.is_float()) return r.as_float();
            raise_type_error(type_name(v) + ".__float__ returned non-float (type " + type_name(r) + ")");
        }
        Value i = lookup_special(v, "__index__");
        if (!i.is_undefined()) return double(to_int(in, v, ""));
    }
    raise_type_error("must be real number, not " + type_name(v));
}

Value call_kw(Interp& in, const Value& callable, std::vector<Value> args,
              const std::vector<std::pair<std::string, Value>>& kwargs) {
    std::vector<Str*> names;
    std::vector<Value> values;
    for (auto& [k, v] : kwargs) {
        names.push_back(intern(k));
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

Object* self_of(const CallArgs& a, Type* t, const char* method) {
    if (a.nargs == 0) raise_type_error(std::string("unbound method ") + t->name + "." + method + "() needs an argument");
    if (!a[0].is_object() || !a[0].type()->is_subtype(t))
        raise_type_error(std::string("descriptor '") + method + "' for '" + class_path(t) +
                         "' objects doesn't apply to a '" + type_name(a[0]) + "' object");
    return a[0].obj();
}

std::string qualname_of(const Type* t) { return t->qualname.empty() ? t->name : t->qualname; }

std::string class_path(const Type* t) {
    if (t->module == "builtins") return qualname_of(t);
    return t->module + "." + qualname_of(t);
}

}  // namespace stdlib
}  // namespace looplab::py
