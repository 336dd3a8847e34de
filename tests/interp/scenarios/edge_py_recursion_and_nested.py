# Recursion (sync and async), nested functions, recursive data printing.
import asyncio


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def flatten(items):
    out = []
    for item in items:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out


async def countdown(n):
    if n == 0:
        return ["liftoff"]
    await asyncio.sleep(0.1)
    return [n] + await countdown(n - 1)


def outer():
    def middle():
        def inner():
            return "inner"
        return "middle>" + inner()
    return "outer>" + middle()


print([fib(i) for i in range(15)])
print(flatten([1, [2, [3, [4, []]], 5], [[6]]]))
print(outer())
print(asyncio.run(countdown(5)))
tree = {"a": {"b": {"c": [1, (2, 3)]}}, "d": []}
print(tree, tree["a"]["b"]["c"][1][0])
