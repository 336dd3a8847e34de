import copy
import functools
import json
import operator
import sys
from dataclasses import dataclass, field


class Circle:
    def __init__(self, r):
        self.r = r
        self.computed = 0

    @functools.cached_property
    def area(self):
        self.computed += 1
        return 3 * self.r * self.r


c = Circle(2)
print(c.area, c.area, c.computed, c.__dict__)
del c.area
print(c.area, c.computed)
c.area = 99
print(c.area)


@dataclass
class Task:
    name: str
    deps: list = field(default_factory=list)


t = Task("a", [Task("b")])
t2 = copy.copy(t)
t3 = copy.deepcopy(t)
print(t2 == t, t2.deps is t.deps, t3 == t, t3.deps is t.deps, t3.deps[0] is t.deps[0])
tasks = [Task("z"), Task("m"), Task("q")]
print([x.name for x in sorted(tasks, key=operator.attrgetter("name"))])
json.dump({"tasks": [x.name for x in tasks], "n": 3}, sys.stdout, indent=2)
print()
print(json.dumps([1.0, 1e-7, 123456789.123, True, None, "tab\there"]))
print(json.loads('[1.0, 1e-7, 123456789.123, true, null, "tab\\there"]'))


@functools.lru_cache(maxsize=None, typed=True)
def kind(x):
    return type(x).__name__


print(kind(1), kind(1.0), kind(True), kind.cache_info())


class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting

    def greet(self, name, punct="!"):
        return f"{self.greeting}, {name}{punct}"


g = Greeter("Hi")
hello_bob = functools.partial(g.greet, "Bob")
print(hello_bob(), hello_bob(punct="?"), functools.partial(Greeter, "Yo")().greet("x"))
add3 = functools.partial(operator.add, 3)
print(list(map(add3, [1, 2, 3])), functools.reduce(operator.mul, [1, 2, 3, 4], 1))
