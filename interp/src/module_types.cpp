// The `types` module (CPython Lib/types.py): SimpleNamespace and the names of the built-in
// types scenarios compare against (FunctionType, MethodType, CoroutineType...).
#include "stdlib_modules.hpp"

namespace looplab::py::stdlib {

namespace {

const char* const kSource = R"PY(
import sys as _sys

def _f(): pass
FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)
MappingProxyType = type(type.__dict__)

def _g():
    yield 1
GeneratorType = type(_g())

async def _c(): pass
_c = _c()
CoroutineType = type(_c)
_c.close()

class _C:
    def _m(self): pass
MethodType = type(_C()._m)

BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(_sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)

class SimpleNamespace:
    def __init__(self, /, **kwargs):
        self.__dict__.update(kwargs)

    def __repr__(self):
        items = (f"{k}={v!r}" for k, v in self.__dict__.items())
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        return f"{name}({', '.join(items)})"

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

del _f, _g, _c, _C
)PY";

}  // namespace

void init_types(Interp& in, Module& m) { exec_source(in, kSource, "<looplab:types>", m.dict); }

}  // namespace looplab::py::stdlib
