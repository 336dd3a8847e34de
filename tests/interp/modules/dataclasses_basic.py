from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError
from typing import ClassVar, List

@dataclass
class Point:
    x: int
    y: int = 0

@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)
    tags: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0

@dataclass(frozen=True)
class Frozen:
    a: int
    b: str = "x"

p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), p != Point(1, 3), Point.__doc__)
print(Job(2, "b") < Job(3, "a"), sorted([Job(3, "c"), Job(1, "a"), Job(2, "b")]))
print([f.name for f in fields(Job)], asdict(Job(1, "x", ["t"])), astuple(p), replace(p, y=9), is_dataclass(p), is_dataclass(Point), is_dataclass(3))
f = Frozen(1)
print(f, hash(f) == hash(Frozen(1)), f == Frozen(1, "x"))
try:
    f.a = 5
except FrozenInstanceError as e:
    print(type(e).__name__, e)
try:
    Point()
except TypeError as e:
    print(e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(e)
try:
    @dataclass
    class Bad:
        x: int = 0
        y: int
except TypeError as e:
    print(e)
try:
    @dataclass
    class Bad2:
        x: list = []
except ValueError as e:
    print(e)
try:
    Job(1, "a") < Point(1)
except TypeError as e:
    print(e)
try:
    hash(p)
except TypeError as e:
    print(e)

@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    def __post_init__(self):
        self.b = self.a * 2
print(WithPost(3), fields(Point)[0].type, fields(Point)[1].default)

@dataclass
class Inherit(Point):
    z: int = 5
print(Inherit(1, 2, 3), Inherit(1))

@dataclass
class Nested:
    p: Point
    items: list = field(default_factory=list, repr=False)
print(Nested(Point(1)), asdict(Nested(Point(1), [Point(2)])))
