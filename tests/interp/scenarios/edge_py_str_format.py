# str.format: positional, numbered, named, attribute and index fields, specs, conversions.
class P:
    x = 5
    items = [10, 20]


print("{} {}".format("a", "b"))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age:>3}".format(name="bo", age=7))
print("{0.x} {0.items[1]} {d[key]}".format(P, d={"key": "v"}))
print("{:.2f} {:>6} {:<6}| {:^7} {:,}".format(2 / 3, "r", "l", "c", 10 ** 6))
print("{!r} {!s}".format("q", "q"))
print("{:08.3f} {:+} {:x}".format(3.14159, 5, 255))
print("{{}} {}".format("braces"))
args = ("x", "y")
kwargs = {"k": 1}
print("{} {} {k}".format(*args, **kwargs))
try:
    "{} {}".format("one")
except IndexError as e:
    print("IndexError:", e)
try:
    "{missing}".format()
except KeyError as e:
    print("KeyError:", e)
