# __str__ vs __repr__: print, str(), repr(), f-string !r/!s, containers use repr of elements.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

    def __str__(self):
        return f"({self.x}, {self.y})"


class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"


class Plain:
    pass


p = Point(1, "two")
print(p)
print(str(p), repr(p))
print(f"{p} {p!r} {p!s}")
print([p, p], {"k": p}, (p,))
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\tnew\nline\\"))
print(repr(None), repr(True), repr(1.0), repr([1, "a", None]), repr((1,)), repr({}))
print(type(Plain()).__name__, str(Plain).startswith("<class '"), Plain.__name__)
print(str(Plain), repr(int), repr(str), repr(ValueError))
