# set: add/discard/remove/union/intersection/difference/symmetric difference; str sets iterate by hash (PYTHONHASHSEED=0).
s = {3, 1, 2}
s.add(2)
s.add(10)
print(s, len(s), 3 in s)
s.discard(99)
s.remove(1)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, a.union([7]), a.intersection(b), a.issubset(b), {3} <= a)
print(sorted(a ^ b), set(), set("hello") == set("olleh"), frozenset([1, 2]) == {1, 2})
words = {"apple", "banana", "cherry", "date", "elder", "fig"}
print(words)
print(list({"x", "y", "z"}), sorted(words))
print({-1, -2, 5, 100, 33})
u = set()
for w in ["b", "a", "b", "c"]:
    u.add(w)
print(u, len(u))
print(s.pop() in {2, 3, 10})
