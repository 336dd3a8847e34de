# list: append/extend/insert/remove/pop/index/count/reverse/copy/clear, +, *, in, del slices, ValueError.
a = [3, 1, 4]
a.append(1)
a.extend([5, 9])
a.insert(0, 2)
a.insert(100, 6)
print(a, len(a), a.count(1), a.index(4), 9 in a)
print(a.pop(), a.pop(0), a)
a.remove(1)
print(a)
try:
    a.remove(42)
except ValueError as e:
    print("ValueError:", e)
try:
    a.index(42)
except ValueError as e:
    print("ValueError:", e)
b = a.copy()
b.reverse()
print(a, b, a + b, [0] * 2 + a[:1])
del b[1:3]
print(b)
b[0:1] = ["x", "y"]
print(b)
c = [[0]] * 2
c[0].append(1)
print(c)
try:
    [][0]
except IndexError as e:
    print("IndexError:", e)
print(list(range(5)), list("abc"), list((1, 2)), [1, 2] == [1, 2], [1, 2] < [1, 3])
b.clear()
print(b, bool(b), list(enumerate(["p", "q"], start=1)))
