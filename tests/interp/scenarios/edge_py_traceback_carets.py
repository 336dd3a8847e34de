# 3.11's ~~~^^^ lines (PEP 657) as traceback.format_exc() prints them to stdout: ^ under a
# failing call, attribute, name, comparison or await; ~ and ^ for a binary operation's operands
# and operator and a subscript's value and [index]; none when the failing part is the whole
# line (a raise, a bare call or await statement) or for an augmented assignment; a span that
# runs onto the next line is marked to the end of its first line.
import asyncio
import traceback


class Box:
    def get(self, x):
        return 1 / x


def lookup(d, k):
    return d[k]


def attribute(o):
    return o.missing


def method(xs):
    return xs.nomethod(1)


def name():
    return undefined_name + 1


def unbound():
    print(v)
    v = 1


def augmented(x):
    x += "s"


def compare(a):
    return 1 < a < 3


def negate(x):
    y = -x
    return y


def keywords(f):
    y = f(1, key=2)
    return y


def starred(f, a):
    y = f(*a)
    return y


def divide(a,
           b):
    return a // b


def spread():
    return divide(
        1, 0)


def statement(x):
    lookup({}, x)


def show():
    text = traceback.format_exc()
    print(text.split("\n", 3)[3] if text.count("\n") > 6 else text)


cases = [
    lambda: Box().get(0),
    lambda: lookup({}, "zz"),
    lambda: attribute(1),
    lambda: method([]),
    name,
    unbound,
    lambda: augmented(1),
    lambda: compare("s"),
    lambda: negate("s"),
    lambda: keywords(len),
    lambda: starred(len, [1, 2]),
    spread,
    lambda: statement("k"),
    lambda: [1, 2][5],
    lambda: {"a": 1}["b"],
    lambda: print(Box().get(0) * 2),
]
for case in cases:
    try:
        case()
    except Exception:
        show()

mapping = {"\u00e9": 1}
try:
    y = mapping["\u00fc"] + 1
except KeyError:
    show()
try:
    y = (1 +
         None)
except TypeError:
    show()


async def boom(n):
    await asyncio.sleep(0.1)
    raise ValueError(f"boom {n}")


async def main():
    try:
        x = await asyncio.create_task(boom(1))
    except ValueError:
        show()
    try:
        x = await boom(2)
    except ValueError:
        show()
    try:
        x = [await boom(i) for i in range(3, 5)]
    except ValueError:
        show()
    try:
        await boom(5)
    except ValueError:
        show()


asyncio.run(main())
