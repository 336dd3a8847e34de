// The `typing` module (CPython Lib/typing.py), reduced to what scenarios meet: names to
// import, subscriptions that evaluate to something harmless with typing's repr
// (`typing.Optional[int]`, `~T`), Generic/Protocol as base classes, cast/overload/final,
// NewType, TypedDict (a plain dict, as CPython's instances are) and a NamedTuple base
// class. The compiler does not evaluate annotations (SPEC 2: parsed and ignored), so most
// of this only has to exist. Not supported: isinstance() against typing aliases
// (typing.Iterable...), get_type_hints on real types.
#include "stdlib_modules.hpp"

namespace looplab::py::stdlib {

namespace {

// _tuple_new(cls, iterable): a tuple of class cls (NamedTuple's storage).
Value typing_tuple_new(Interp& in, const CallArgs& a) {
    if (a.nargs != 2) raise_type_error("_tuple_new expected 2 arguments");
    auto* t = new Tuple(to_vector(in, a[1]));
    Value v(t);
    retype(t, a[0].as<Type>());
    return v;
}

const char* const kSource = R"PY(
def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, (list, tuple)):
        return '[' + ', '.join(_type_repr(a) for a in obj) + ']'
    if type(obj) is type(_type_repr):
        return obj.__name__
    return repr(obj)

class _GenericAlias:
    def __init__(self, origin, name, args):
        self.__origin__ = origin
        self._name = name
        self.__args__ = args
    def __repr__(self):
        if self._name == 'Optional':
            return f'typing.Optional[{_type_repr(self.__args__[0])}]'
        return f'typing.{self._name}[' + ', '.join(_type_repr(a) for a in self.__args__) + ']'
    def __getitem__(self, params):
        return self
    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError(f'Type {self._name} cannot be instantiated')
        return self.__origin__(*args, **kwargs)
    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self._name == other._name and self.__args__ == other.__args__
    def __hash__(self):
        return hash((self._name, self.__args__))
    def __or__(self, other):
        return Union[self, other]
    def __ror__(self, other):
        return Union[other, self]

class _SpecialForm:
    def __init__(self, name, origin=None):
        self._name = name
        self.__origin__ = origin
    def __repr__(self):
        return 'typing.' + self._name
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == 'Union':
            args = []
            for p in params:
                if p is None:
                    p = type(None)
                if p not in args:
                    args.append(p)
            if len(args) == 1:
                return args[0]
            if len(args) == 2 and type(None) in args:
                other = args[0] if args[1] is type(None) else args[1]
                return _GenericAlias(None, 'Optional', (other,))
            return _GenericAlias(None, 'Union', tuple(args))
        if self._name == 'Optional':
            return Union[params[0], None]
        return _GenericAlias(self.__origin__, self._name, params)
    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError(f'Cannot instantiate typing.{self._name}')
        return self.__origin__(*args, **kwargs)
    def __or__(self, other):
        return Union[self, other]
    def __ror__(self, other):
        return Union[other, self]

Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
ClassVar = _SpecialForm('ClassVar')
Final = _SpecialForm('Final')
Union = _SpecialForm('Union')
Optional = _SpecialForm('Optional')
Literal = _SpecialForm('Literal')
Annotated = _SpecialForm('Annotated')
TypeAlias = _SpecialForm('TypeAlias')
Concatenate = _SpecialForm('Concatenate')
TypeGuard = _SpecialForm('TypeGuard')
Required = _SpecialForm('Required')
NotRequired = _SpecialForm('NotRequired')
Unpack = _SpecialForm('Unpack')

List = _SpecialForm('List', list)
Dict = _SpecialForm('Dict', dict)
Set = _SpecialForm('Set', set)
FrozenSet = _SpecialForm('FrozenSet', frozenset)
Tuple = _SpecialForm('Tuple', tuple)
Type = _SpecialForm('Type', type)
DefaultDict = _SpecialForm('DefaultDict')
OrderedDict = _SpecialForm('OrderedDict')
Counter = _SpecialForm('Counter')
Deque = _SpecialForm('Deque')
ChainMap = _SpecialForm('ChainMap')
Callable = _SpecialForm('Callable')
Awaitable = _SpecialForm('Awaitable')
Coroutine = _SpecialForm('Coroutine')
AsyncIterable = _SpecialForm('AsyncIterable')
AsyncIterator = _SpecialForm('AsyncIterator')
AsyncGenerator = _SpecialForm('AsyncGenerator')
AsyncContextManager = _SpecialForm('AsyncContextManager')
ContextManager = _SpecialForm('ContextManager')
Iterable = _SpecialForm('Iterable')
Iterator = _SpecialForm('Iterator')
Generator = _SpecialForm('Generator')
Reversible = _SpecialForm('Reversible')
Collection = _SpecialForm('Collection')
Container = _SpecialForm('Container')
Sequence = _SpecialForm('Sequence')
MutableSequence = _SpecialForm('MutableSequence')
Mapping = _SpecialForm('Mapping')
MutableMapping = _SpecialForm('MutableMapping')
AbstractSet = _SpecialForm('AbstractSet')
MutableSet = _SpecialForm('MutableSet')
Hashable = _SpecialForm('Hashable')
Sized = _SpecialForm('Sized')
SupportsInt = _SpecialForm('SupportsInt')
SupportsFloat = _SpecialForm('SupportsFloat')
SupportsAbs = _SpecialForm('SupportsAbs')
SupportsRound = _SpecialForm('SupportsRound')
SupportsIndex = _SpecialForm('SupportsIndex')
Pattern = _SpecialForm('Pattern')
Match = _SpecialForm('Match')
IO = _SpecialForm('IO')
TextIO = _SpecialForm('TextIO')
BinaryIO = _SpecialForm('BinaryIO')
AnyStr = _SpecialForm('AnyStr')
Text = str
TYPE_CHECKING = False

class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant
    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

class ParamSpec(TypeVar):
    pass

class TypeVarTuple(TypeVar):
    pass

class Generic:
    def __class_getitem__(cls, params):
        return cls

class Protocol:
    def __class_getitem__(cls, params):
        return cls

class NewType:
    def __init__(self, name, tp):
        self.__name__ = name
        self.__qualname__ = name
        self.__supertype__ = tp
    def __repr__(self):
        return f'__main__.{self.__name__}'
    def __call__(self, x):
        return x

class TypedDict(dict):
    def __new__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

def _nt_info(cls):
    info = cls.__dict__.get('_nt_info')
    if info is None:
        fields = []
        for klass in reversed(cls.__mro__):
            for name in klass.__dict__.get('__annotations__', {}):
                if name not in fields:
                    fields.append(name)
        defaults = {}
        for name in fields:
            if name in cls.__dict__ or hasattr(cls, name):
                defaults[name] = getattr(cls, name)
        info = (tuple(fields), defaults)
        cls._nt_info = info
        cls._fields = info[0]
        cls._field_defaults = defaults
        for i, name in enumerate(fields):
            setattr(cls, name, property(_nt_getter(i)))
    return info

def _nt_getter(i):
    def get(self):
        return self[i]
    return get

class NamedTuple(tuple):
    def __new__(cls, *args, **kwargs):
        fields, defaults = _nt_info(cls)
        name = f'{cls.__name__}.__new__()'
        if len(args) > len(fields):
            raise TypeError(f'{name} takes {len(fields) + 1} positional arguments but {len(args) + 1} were given')
        values = list(args)
        for field in fields[len(args):]:
            if field in kwargs:
                values.append(kwargs.pop(field))
            elif field in defaults:
                values.append(defaults[field])
            else:
                missing = [f for f in fields[len(values):] if f not in kwargs and f not in defaults]
                raise TypeError(f"{name} missing {len(missing)} required positional argument{'s' if len(missing) > 1 else ''}: " + ', '.join(repr(m) for m in missing))
        for key in kwargs:
            if key in fields:
                raise TypeError(f"{name} got multiple values for argument '{key}'")
            raise TypeError(f"{name} got an unexpected keyword argument '{key}'")
        return _tuple_new(cls, values)
    def __repr__(self):
        fields = _nt_info(type(self))[0]
        return type(self).__name__ + '(' + ', '.join(f'{n}={v!r}' for n, v in zip(fields, self)) + ')'
    def _asdict(self):
        return dict(zip(_nt_info(type(self))[0], self))
    def _replace(self, **kwds):
        fields = _nt_info(type(self))[0]
        values = [kwds.pop(n, v) for n, v in zip(fields, self)]
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return _tuple_new(type(self), values)

def cast(typ, val):
    return val

def overload(func):
    return func

def final(f):
    return f

def no_type_check(arg):
    return arg

def runtime_checkable(cls):
    return cls

def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    return dict(getattr(obj, '__annotations__', {}))

def get_origin(tp):
    return getattr(tp, '__origin__', None)

def get_args(tp):
    return getattr(tp, '__args__', ())

def assert_never(arg):
    raise AssertionError('Expected code to be unreachable')

def reveal_type(obj):
    return obj
)PY";

}  // namespace

void init_typing(Interp& in, Module& m) {
    m.dict->set_str("_tuple_new", make_native("_tuple_new", typing_tuple_new));
    exec_source(in, kSource, "<looplab:typing>", m.dict);
}

}  // namespace looplab::py::stdlib
