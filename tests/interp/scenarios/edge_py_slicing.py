# Slicing lists, strings, tuples and ranges: negative indices, steps, out-of-range bounds, slice assignment.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::2], a[1::3], a[::-1], a[8:2:-2], a[-1:-4:-1])
print(a[5:2], a[100:], a[-100:2], a[2:100:4], a[:], a[:] is a)
s = "asyncio"
print(s[1:4], s[-2:], s[::-1], s[::3], s[10:], repr(s[3:3]))
t = (0, 1, 2, 3)
print(t[1:3], t[::-2], type(t[1:2]).__name__)
r = range(0, 20, 3)
print(r[2], r[-1], list(r[1:4]), r[::-1], len(r), 9 in r, 10 in r)
b = a[:]
b[2:5] = []
print(b)
b[::2] = ["x"] * len(b[::2])
print(b)
try:
    b[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
sl = slice(1, 8, 3)
print(a[sl], sl, sl.start, sl.stop, sl.step)
print(a[-1], s[-1], t[-4])
try:
    t[4]
except IndexError as e:
    print("IndexError:", e)
