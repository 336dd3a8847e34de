# *args, **kwargs, defaults evaluated once, keyword-only parameters, the TypeErrors of bad calls.
import asyncio


def f(a, b=2, *args, c, d=4, **kwargs):
    return f"a={a} b={b} args={args} c={c} d={d} kwargs={kwargs}"


def g(x, y, *, z):
    return x + y + z


def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket


print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9, d=0))
print(f(*[1, 2, 3], **{"c": 0, "k": "v"}))
print(g(1, 2, z=3), g(1, y=2, z=3))
print(append_to(1), append_to(2))
for bad in (lambda: f(1), lambda: g(1, 2), lambda: f(1, 2, c=3, a=1), lambda: g(1, 2, 3)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


async def co(*names, delay=0.1, **opts):
    await asyncio.sleep(delay)
    return f"{names} {opts} {asyncio.get_running_loop().time():.1f}"


async def main():
    print(await co("a", "b"))
    print(await co(delay=0.5, verbose=True))


asyncio.run(main())
