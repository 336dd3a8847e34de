# lambda, conditional expressions, chained comparisons, boolean operators returning operands, truthiness.
double = lambda x: x * 2
pick = lambda a, b=10: a if a > b else b
print(double(4), double("ab"), pick(3), pick(30), (lambda: "no args")())
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, x == 5 != 4, 3 < x in [5], not 1 < x)
print(0 or "default", "" or None, [] or [0], 1 and 2, 0 and 1 / 0, None and "x")
print("big" if x > 3 else "small", "neg" if x < 0 else "zero" if x == 0 else "pos")
print(bool(0), bool(0.0), bool(""), bool([]), bool({}), bool(set()), bool(None), bool("0"), bool([0]))
print(x is not None, None is None, type(None).__name__, not None, not [])
calls = []


def side(v):
    calls.append(v)
    return v


side(1) < side(2) < side(0) < side(3)
print(calls)
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b}
print([ops[o](7, 2) for o in "+-"], sorted([3, 1, 2], key=lambda v: -v))
