# Synchronous with: __enter__/__exit__ order, exception suppression, multiple managers, exceptions in __exit__.
class Ctx:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return self.suppress


with Ctx("a") as a, Ctx("b") as b:
    print("body", a.name, b.name)
with Ctx("quiet", suppress=True):
    raise ValueError("suppressed")
print("after quiet")
try:
    with Ctx("outer"):
        with Ctx("inner"):
            raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))


def early():
    with Ctx("ret"):
        return "returned"


print(early())
