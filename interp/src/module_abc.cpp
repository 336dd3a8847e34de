// The `abc` module (CPython Lib/abc.py, Modules/_abc.c), for what class-based scenarios
// use: ABC with @abstractmethod, refusing to instantiate a class that still has abstract
// methods with CPython 3.11's message ("Can't instantiate abstract class Shape with
// abstract methods area, perimeter"). LoopLab has no metaclasses, so ABCMeta cannot be
// used as one (`metaclass=` is refused by the compiler), and ABC.register()/virtual
// subclasses are not supported.
#include "stdlib_modules.hpp"

namespace looplab::py::stdlib {

namespace {

// _new_instance(cls): object.__new__(cls) for a plain class.
Value abc_new_instance(Interp&, const CallArgs& a) {
    if (a.nargs != 1 || !a[0].is_object() || a[0].type()->kind != Kind::type) raise_type_error("_new_instance(cls)");
    Type* t = a[0].as<Type>();
    if (t->builtin_base()->kind == Kind::exception) return Value(new ExceptionObject(t));
    return Value(new Instance(t));
}

const char* const kSource = R"PY(
def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj

class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True

class abstractproperty(property):
    __isabstractmethod__ = True

def _abstract_methods(cls):
    names = set()
    for klass in cls.__mro__:
        for name in klass.__dict__:
            names.add(name)
    abstracts = []
    for name in names:
        value = getattr(cls, name, None)
        if getattr(value, "__isabstractmethod__", False):
            abstracts.append(name)
    return sorted(abstracts)

class ABC:
    def __new__(cls, *args, **kwargs):
        abstracts = _abstract_methods(cls)
        if abstracts:
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} "
                            f"with abstract method{'s' if len(abstracts) > 1 else ''} "
                            f"{', '.join(abstracts)}")
        if cls.__init__ is object.__init__ and (args or kwargs):
            raise TypeError(f"{cls.__name__}() takes no arguments")
        return _new_instance(cls)

ABCMeta = type

def get_cache_token():
    return 0

def update_abstractmethods(cls):
    return cls
)PY";

}  // namespace

void init_abc(Interp& in, Module& m) {
    m.dict->set_str("_new_instance", make_native("_new_instance", abc_new_instance));
    exec_source(in, kSource, "<looplab:abc>", m.dict);
}

}  // namespace looplab::py::stdlib
