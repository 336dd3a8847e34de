// The `enum` module (CPython Lib/enum.py), minimal: Enum, IntEnum, StrEnum, Flag/IntFlag
// (as plain enums), auto and unique. CPython builds members in EnumType, a metaclass;
// LoopLab has no metaclasses, so members are made by Enum.__init_subclass__ when the class
// statement finishes: each public class attribute becomes an instance with .name/.value,
// `<Color.RED: 1>` repr and `Color.RED` str, and the class gets __members__, Color(1) and
// Color['RED']. Iterating the class (`for c in Color`, len(Color)) needs the metaclass and
// is not available: use Color.__members__.values(). If the interpreter does not run
// __init_subclass__, importing enum raises a clear NotImplementedError rather than giving
// classes whose members would silently stay plain values.
#include "stdlib_modules.hpp"

namespace looplab::py::stdlib {

namespace {

const char* const kSource = R"PY(
class _Probe:
    _seen = False
    def __init_subclass__(cls, **kwargs):
        _Probe._seen = True

class _ProbeChild(_Probe):
    pass

if not _Probe._seen:
    raise NotImplementedError(
        "LoopLab does not support the enum module yet: enum classes need class-creation "
        "hooks (metaclasses) that LoopLab's interpreter does not run. Use module-level "
        "constants or a dict instead.")
del _Probe, _ProbeChild

class auto:
    _counter = 0
    def __init__(self):
        self.value = None

def unique(enumeration):
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(
                ["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' %
                (enumeration, alias_details))
    return enumeration

def _is_member_name(name, value):
    if name.startswith('_'):
        return False
    if callable(value) and not isinstance(value, auto):
        return False
    if isinstance(value, (property, staticmethod, classmethod)):
        return False
    return True

class Enum:
    def __init_subclass__(cls, **kwargs):
        members = {}
        by_value = {}
        last = None
        for name, value in list(cls.__dict__.items()):
            if not _is_member_name(name, value):
                continue
            if isinstance(value, auto):
                value = cls._generate_next_value_(name, 1, len(members), [m._value_ for m in members.values()])
            member = cls._make_member(value)
            member._name_ = name
            canonical = by_value.get(value)
            if canonical is not None:
                member = canonical
            else:
                by_value[value] = member
            members[name] = member
            setattr(cls, name, member)
        cls._member_map_ = members
        cls._value2member_map_ = by_value
        cls.__members__ = dict(members)

    @classmethod
    def _make_member(cls, value):
        member = _new_instance(cls)
        member._value_ = value
        return member

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for last in reversed(last_values):
            try:
                return last + 1
            except TypeError:
                pass
        return start

    def __new__(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))

    def __init__(self, *args, **kwargs):
        pass

    def __class_getitem__(cls, name):
        return cls._member_map_[name]

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __eq__(self, other):
        return self is other

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_, )

    def __deepcopy__(self, memo):
        return self

    def __copy__(self):
        return self

class IntEnum(Enum):
    # CPython's IntEnum members are ints; here they compare, hash, index and print as
    # their value (3.11: str(member) is the number) but are not int instances.
    def __str__(self):
        return str(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)

    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __hash__(self):
        return hash(self._value_)

    def __eq__(self, other):
        return self._value_ == (other._value_ if isinstance(other, Enum) else other)

    def __lt__(self, other):
        return self._value_ < (other._value_ if isinstance(other, Enum) else other)

    def __le__(self, other):
        return self._value_ <= (other._value_ if isinstance(other, Enum) else other)

    def __gt__(self, other):
        return self._value_ > (other._value_ if isinstance(other, Enum) else other)

    def __ge__(self, other):
        return self._value_ >= (other._value_ if isinstance(other, Enum) else other)

    def __add__(self, other):
        return self._value_ + other

    def __radd__(self, other):
        return other + self._value_

    def __sub__(self, other):
        return self._value_ - other

    def __mul__(self, other):
        return self._value_ * other

class StrEnum(Enum):
    def __str__(self):
        return str(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)

    def __hash__(self):
        return hash(self._value_)

    def __eq__(self, other):
        return self._value_ == (other._value_ if isinstance(other, Enum) else other)

Flag = Enum
IntFlag = IntEnum
EnumMeta = type
EnumType = type
)PY";

// _new_instance(cls): a bare instance of an enum class (object.__new__(cls)).
Value enum_new_instance(Interp&, const CallArgs& a) {
    if (a.nargs != 1 || !a[0].is_object() || a[0].type()->kind != Kind::type) raise_type_error("_new_instance(cls)");
    return Value(new Instance(a[0].as<Type>()));
}

}  // namespace

void init_enum(Interp& in, Module& m) {
    m.dict->set_str("_new_instance", make_native("_new_instance", enum_new_instance));
    exec_source(in, kSource, "<looplab:enum>", m.dict);
}

}  // namespace looplab::py::stdlib
