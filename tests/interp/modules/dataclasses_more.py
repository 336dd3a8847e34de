import dataclasses
import typing
from dataclasses import dataclass, field, InitVar, KW_ONLY
from typing import ClassVar
from collections import namedtuple


@dataclass
class Config:
    host: str
    port: int = 8080
    tags: list = field(default_factory=lambda: ["a"])
    debug: bool = field(default=False, repr=False)
    secret: str = field(default="x", compare=False)
    instances: ClassVar[int] = 0
    total: typing.ClassVar[int] = 0


c = Config("localhost")
print(c, Config("h", 1) == Config("h", 1, ["a"]), Config("h", secret="y") == Config("h"), Config.instances, Config.__match_args__)
print([f.name for f in dataclasses.fields(c)], dataclasses.fields(Config)[1].default, dataclasses.fields(c)[2].default_factory is not dataclasses.MISSING)


@dataclass(kw_only=True)
class Opts:
    a: int
    b: int = 2


print(Opts(a=1), Opts(b=3, a=4))
try:
    Opts(1)
except TypeError as e:
    print(e)


@dataclass
class Mixed:
    x: int
    _: KW_ONLY
    y: int = 0
    z: int = 1


print(Mixed(1, z=5), Mixed.__match_args__)


@dataclass
class WithInit:
    a: int
    scale: InitVar[int] = 10

    def __post_init__(self, scale):
        self.a = self.a * scale


print(WithInit(2), WithInit(2, 3), [f.name for f in dataclasses.fields(WithInit)])


@dataclass(unsafe_hash=True)
class Hashable:
    a: int
    b: list = field(default_factory=list, hash=False, compare=False)


print(hash(Hashable(1)) == hash(Hashable(1)), {Hashable(1): "v"}[Hashable(1)])


@dataclass(eq=False)
class Ident:
    a: int


i = Ident(1)
print(i == Ident(1), i == i, hash(i) == hash(i))


@dataclass(frozen=True)
class Base:
    a: int


try:
    @dataclass
    class Child(Base):
        b: int = 0
except TypeError as e:
    print(e)


@dataclass
class NoInit:
    a: int
    b: int = field(init=False, default=5)


try:
    dataclasses.replace(NoInit(1), b=3)
except ValueError as e:
    print(e)
print(dataclasses.replace(NoInit(1), a=7))
try:
    dataclasses.fields(3)
except TypeError as e:
    print(e)
try:
    dataclasses.asdict(Config)
except TypeError as e:
    print(e)
try:
    @dataclass(order=True, eq=False)
    class Bad:
        a: int
except ValueError as e:
    print(e)
try:
    @dataclass
    class Bad2:
        a = field(default=1)
except TypeError as e:
    print(e)
try:
    dataclasses.field(default=1, default_factory=list)
except ValueError as e:
    print(e)

P = namedtuple("P", "x y")


@dataclass
class Holder:
    pts: list
    mapping: dict
    pair: P


h = Holder([P(1, 2)], {"k": [1, 2]}, P(3, 4))
print(dataclasses.asdict(h), dataclasses.astuple(h))


def make():
    @dataclass
    class Local:
        v: int = 0

        @property
        def double(self):
            return self.v * 2

        def bump(self):
            self.v += 1
            return self

    return Local


L = make()
print(L(3), L(3).double, L(1).bump(), L.__qualname__, repr(L()))


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0


print(Version(1, 2) < Version(1, 3), Version(2) >= Version(1, 9), max(Version(1), Version(0, 5)), Version(1) == (1, 0))
print(dataclasses.is_dataclass(Version), Version.__doc__, Config.__doc__)
