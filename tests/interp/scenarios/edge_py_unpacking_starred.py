# Tuple unpacking, starred targets, nested unpacking, swaps, * and ** in calls and displays.
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
*init, last = "abcd"
head, *mid, tail = range(5)
print(first, rest, init, last, head, mid, tail)
(x, y), z = (1, 2), 3
for i, (k, v) in enumerate({"p": 1, "q": 2}.items()):
    print(i, k, v)
print(x, y, z)
one, *empty = [1]
print(one, empty)
print(*[1, 2], *"ab", sep="|")
print([*range(3), *[9]], (*"xy",), {*[1, 1, 2]}, {**{"a": 1}, "b": 2})
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, r = [1, 2]
except ValueError as e:
    print("ValueError:", e)
pairs = [(1, "one"), (2, "two")]
nums, names = zip(*pairs)
print(nums, names)
m, n = divmod(17, 5)
print(m, n)
