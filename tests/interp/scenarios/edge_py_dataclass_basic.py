# dataclasses: generated __init__/__repr__/__eq__, defaults, default_factory, field(repr=False).
from dataclasses import dataclass, field


@dataclass
class Job:
    name: str
    retries: int = 3
    tags: list = field(default_factory=list)
    secret: str = field(default="x", repr=False)

    def tag(self, t):
        self.tags.append(t)
        return self


a = Job("build")
b = Job("build")
print(a)
print(a == b, a is b)
a.tag("ci").tag("fast")
print(a, b.tags)
print(a == b)
c = Job("deploy", retries=0, tags=["prod"])
print(c, c.retries, c.secret)
print(Job("x", 1) == Job("x", 1, []))


@dataclass
class Empty:
    pass


print(Empty(), Empty() == Empty())
