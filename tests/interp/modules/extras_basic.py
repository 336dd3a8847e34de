from __future__ import annotations

import __future__
import bisect
import heapq
import traceback
import types
from abc import ABC, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self) -> float: ...

    @abstractmethod
    def perimeter(self) -> float: ...

    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"


class Square(Shape):
    def __init__(self, side: float):
        self.side = side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side


class Half(Shape):
    def area(self):
        return 1


print(Square(3).describe(), Square(2).perimeter(), isinstance(Square(1), Shape))
try:
    Shape()
except TypeError as e:
    print(e)
try:
    Half()
except TypeError as e:
    print(e)

print(__future__.annotations, "annotations" in __future__.all_feature_names)

heap = []
for p, name in [(3, "c"), (1, "a"), (2, "b"), (1, "a2"), (5, "e"), (0, "z")]:
    heapq.heappush(heap, (p, name))
print(heap)
print([heapq.heappop(heap) for _ in range(3)], heap)
data = [9, 4, 7, 1, 8, 2, 2, 6]
heapq.heapify(data)
print(data, heapq.nsmallest(3, [5, 1, 4, 1, 5]), heapq.nlargest(2, ["a", "ccc", "bb"], key=len))
print(heapq.heappushpop(data, 0), heapq.heapreplace(data, 10), data, list(heapq.merge([1, 4, 7], [2, 5], [3])))

scores = [10, 20, 20, 30]
print(bisect.bisect(scores, 20), bisect.bisect_left(scores, 20), bisect.bisect_right(scores, 25))
bisect.insort(scores, 25)
bisect.insort_left(scores, 20)
print(scores, bisect.bisect_left([(1, "a"), (3, "c")], (2, "")), bisect.bisect([1, 2, 3], 2, key=None))

ns = types.SimpleNamespace(host="localhost", port=8080)
ns.debug = True
print(ns, ns.port, types.SimpleNamespace() == types.SimpleNamespace(), ns == types.SimpleNamespace(host="localhost", port=8080, debug=True))
print(isinstance(print, types.BuiltinFunctionType), isinstance(lambda: 0, types.FunctionType), isinstance(Square(1).area, types.MethodType))


def fail():
    raise ValueError("inner")


try:
    try:
        fail()
    except ValueError as e:
        raise RuntimeError("outer") from e
except RuntimeError as e:
    text = traceback.format_exc()
    print(text.splitlines()[0], text.splitlines()[-1], text.count("Traceback"))
    print(traceback.format_exception_only(e))
    print("".join(traceback.format_exception(e)) == text)
    traceback.print_exc()
    print(traceback.format_exc(chain=False).count("Traceback"))
print(repr(traceback.format_exc()))
