# Builtins: isinstance with tuples, type, callable, getattr/hasattr, abs, round, enumerate, zip, map, filter, reversed, iter/next, hash.
import asyncio

print(isinstance(1, int), isinstance(True, int), isinstance(1.0, (int, str)), isinstance("s", (int, str)))
print(type(1), type(1.5), type("s"), type([]), type(()), type({}), type(set()), type(None), type(range(1)))
print(callable(print), callable(len), callable(1), callable(lambda: 0), callable(asyncio.sleep))
print(abs(-3), abs(-2.5), round(7.456, 1), round(7.5), round(8.5), round(-7.5), round(5), round(2.567, 2))
print(list(enumerate("ab")), list(zip([1, 2, 3], "xy")), list(map(str.upper, ["a", "b"])))
print(list(filter(None, [0, 1, "", "a", None])), list(reversed([1, 2, 3])), list(reversed("abc")))
print(list(map(lambda a, b: a * b, [1, 2], [3, 4])), sum([1.5, 2.5]), sum([[1], [2]], []))
it = iter([10, 20])
print(next(it), next(it), next(it, "exhausted"))
print(hash(1), hash(-1), hash(0), hash(True), hash(2 ** 40), hash((1, 2)), hash("abc"), hash(""))
print(len("héllo"), len([1, [2, 3]]), len({"a": 1}), len(range(3, 10, 2)))
print(str(3.0), int("7"), float("3"), bool("False"), list({"k": 1}), tuple([1]))
print(any([0, "", None]), all([1, "a"]), max("abc", "b"), divmod(-9, 4), pow(2, 8))
print(getattr([], "append") is not None, hasattr("s", "upper"), id(None) == id(None))
