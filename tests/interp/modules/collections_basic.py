from collections import deque, defaultdict, OrderedDict, Counter, namedtuple

d = deque([1, 2, 3], maxlen=3)
print(d, repr(deque()), d.maxlen, deque().maxlen)
d.append(4)
print(d)
d.appendleft(0)
print(d)
d.rotate(1)
print(d)
d.rotate(-2)
print(d)
e = deque()
try:
    e.pop()
except IndexError as x:
    print(x)
try:
    e.popleft()
except IndexError as x:
    print(x)
try:
    e[0]
except IndexError as x:
    print(x)
d = deque([1, 2, 3])
def mutate():
    for x in d:
        d.append(1)
try:
    mutate()
except RuntimeError as x:
    print(x)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) == [1, 2], d + deque([5]), d * 2, list(reversed(d)), len(d), bool(deque()))
d.insert(1, "a")
print(d, d.count(1), d[-1], 2 in d, d.index("a"))
d.extendleft([7, 8])
print(d)
d.reverse()
print(d, d.pop(), d.popleft(), d)
d.remove("a")
d.clear()
print(d)

dd = defaultdict(list)
dd["a"].append(1)
dd["b"]
print(dd, repr(defaultdict()), defaultdict(int, a=1), dd.default_factory, dict(dd), len(dd), "a" in dd)
counts = defaultdict(int)
for w in "the cat the hat the end".split():
    counts[w] += 1
print(counts, sorted(counts.items()), counts.get("zzz"), isinstance(counts, dict))
try:
    defaultdict()["x"]
except KeyError as x:
    print(repr(x))

o = OrderedDict(a=1, b=2)
o["c"] = 3
o.move_to_end("a")
print(o)
o.move_to_end("a", last=False)
print(o, OrderedDict(), list(o), list(o.items()))
print(o.popitem(), o.popitem(last=False), o)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1})

c = Counter("abracadabra")
print(c, c.most_common(2), c["z"], sorted(c.elements()), c.total(), c.most_common()[-1])
c.update({"a": 2})
c.subtract("aaa")
print(c, c + Counter("zz"), c - Counter("a" * 10), Counter(), -Counter(a=-2), c & Counter("aab"), c | Counter("zzz"))
print(Counter(a=1) == {"a": 1}, dict(c), Counter(["x", "y", "x"]), Counter(cats=4, dogs=8))
words = Counter()
for w in "a b a c a b".split():
    words[w] += 1
print(words, words.most_common(1))

Point = namedtuple("Point", "x y")
P3 = namedtuple("P3", ["x", "y", "z"], defaults=[0])
p = Point(1, 2)
print(p, P3(1, 2), P3(1, 2, 3), Point._fields, P3._field_defaults, p.x, p.y, p[0], p[-1], len(p))
x, y = p
print(x, y, p == (1, 2), p._replace(x=10), p._asdict(), Point._make([5, 6]), tuple(p), list(p), hash(p) == hash((1, 2)))
print(isinstance(p, tuple), type(p).__name__, Point.__name__, "%s/%s" % p, sorted([Point(2, 1), Point(1, 5)]))
try:
    Point(1)
except TypeError as x:
    print(x)
try:
    Point(1, 2, 3)
except TypeError as x:
    print(x)
try:
    p.x = 5
except AttributeError as x:
    print(x)
try:
    namedtuple("Bad", "a a")
except ValueError as x:
    print(x)
class Vec(namedtuple("Vec", "x y")):
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
print(Vec(3, 4).norm(), Vec(3, 4))
