# del on names, list items, dict keys and attributes; UnboundLocalError and NameError messages.
x = 10


def shadow():
    try:
        print(x)
        x = 5
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


class Box:
    pass


shadow()
items = [0, 1, 2, 3]
del items[1]
d = {"a": 1, "b": 2}
del d["a"]
b = Box()
b.v = 1
del b.v
print(items, d, hasattr(b, "v"))
y = "temp"
del y
try:
    print(y)
except NameError as e:
    print("NameError:", e)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
for i in range(3):
    pass
print("loop variable survives:", i)
