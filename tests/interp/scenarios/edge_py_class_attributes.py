# Class attributes shared by instances, instance attributes shadowing them, mutable class attribute pitfall.
class Counter:
    instances = 0
    shared = []

    def __init__(self, name):
        Counter.instances += 1
        self.name = name
        self.shared.append(name)

    @staticmethod
    def helper(x):
        return x * 2

    @classmethod
    def create(cls, name):
        return cls(name.upper())


a = Counter("a")
b = Counter.create("b")
print(Counter.instances, a.instances, b.name, Counter.shared, a.shared is b.shared)
a.instances = 100
print(a.instances, b.instances, Counter.instances)
print(Counter.helper(21), a.helper(4))
print(hasattr(a, "name"), hasattr(a, "missing"), getattr(a, "missing", "default"))
print(getattr(b, "name"), a.__class__.__name__)
del a.instances
print(a.instances)
try:
    a.missing
except AttributeError as e:
    print("AttributeError:", e)
