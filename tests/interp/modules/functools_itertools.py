import functools
import itertools


def f(a, b, c=3):
    return a + b + c


pp = functools.partial(f, 1, c=5)
print(pp.args, pp.keywords, pp(2), pp(2, c=0), repr(pp).startswith("functools.partial(<function f at"), pp.func is f)
p2 = functools.partial(pp, 7)
print(p2.func is f, p2.args, p2.keywords, p2())
print(repr(functools.partial(print, 1, sep="-"))[:40])
try:
    functools.partial()
except TypeError as e:
    print(e)
try:
    functools.partial(3)
except TypeError as e:
    print(e)


@functools.lru_cache(maxsize=2)
def g(x):
    print("computing", x)
    return x * 2


g(1), g(2), g(1), g(3), g(2)
print(g.cache_info(), g.__name__, g.__wrapped__.__name__)
g.cache_clear()
print(g.cache_info())


@functools.lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@functools.cache
def sq(n):
    return n * n


print(fib(80), fib.cache_info(), sq(4), sq(4), sq.cache_info())


class Calc:
    @functools.lru_cache(maxsize=None)
    def double(self, x):
        return 2 * x


print(Calc().double(21), Calc.double.cache_info().misses)


def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        """wrapper doc"""
        return fn(*a, **k)
    return wrapper


@deco
def hello(name):
    "Say hello."
    return "hi " + name


print(hello.__name__, hello.__doc__, hello.__wrapped__.__name__, hello.__qualname__, hello("bob"))
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(lambda a, b: a + b, [], 10))
try:
    functools.reduce(lambda a, b: a + b, [])
except TypeError as e:
    print(e)


@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        return self.v < o.v


print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2), V(2) <= V(2))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))

print(list(itertools.islice(itertools.count(5), 3)), itertools.count(5), itertools.count(1.5, 0.5), itertools.repeat("a", 3), itertools.count())
print(list(itertools.islice(itertools.count(0, 0.1), 4)))
print(list(itertools.chain([1, 2], [3])), list(itertools.chain.from_iterable(["ab", "c"])), list(itertools.chain()))
print(list(itertools.product("ab", repeat=2)), list(itertools.product([1, 2], "xy")), list(itertools.product()))
print(list(itertools.permutations([1, 2, 3], 2)), list(itertools.permutations("abc")), list(itertools.combinations("abcd", 2)))
print(list(itertools.combinations(range(5), 3)), list(itertools.combinations("ab", 3)), list(itertools.combinations_with_replacement("ab", 2)))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3], initial=10)), list(itertools.accumulate([3, 1, 4], max)))
print([(k, list(g)) for k, g in itertools.groupby("aaabbcaa")])
print([(k, len(list(g))) for k, g in itertools.groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
groups = itertools.groupby("aabb")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
print(list(itertools.zip_longest("ab", "xyz", fillvalue="-")), list(itertools.zip_longest([1], [2, 3])), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.islice("abcdefg", 1, 6, 2)), list(itertools.islice("abcdefg", 3)), list(itertools.islice("abc", None)), list(itertools.islice(itertools.cycle("ab"), 5)))
print(list(itertools.pairwise("abcd")), list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(itertools.filterfalse(lambda x: x % 2, range(6))), list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(itertools.repeat(7, 2)))
t1, t2 = itertools.tee([1, 2, 3])
print(next(t1), list(t2), list(t1))
try:
    itertools.islice([1], -1)
except ValueError as e:
    print(e)
for i, item in zip(itertools.count(1), ["a", "b"]):
    print(i, item)
