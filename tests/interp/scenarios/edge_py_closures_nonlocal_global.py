# Closures capture variables (late binding), nonlocal rebinds an enclosing variable, global a module one.
import asyncio

counter = 0


def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc


def bump():
    global counter
    counter += 10
    return counter


async def main():
    c1, c2 = make_counter(), make_counter()
    print(c1(), c1(), c1(5), c2())
    print(bump(), bump(), counter)
    late = [lambda: i for i in range(3)]
    early = [lambda i=i: i for i in range(3)]
    print([f() for f in late], [f() for f in early])

    total = 0

    async def add_later(x):
        nonlocal total
        await asyncio.sleep(x / 10)
        total += x
        print(f"{asyncio.get_running_loop().time():.1f} total={total}")

    await asyncio.gather(*[add_later(x) for x in (3, 1, 2)])
    print("final", total)


asyncio.run(main())
