# Self-documenting f-strings {x=} keep the expression text and spaces; {x!r} {x!s}; evaluation order with await.
import asyncio

seconds = 2
name = "Ёлка 树"
ratio = 1 / 3
print(f"{seconds=}")
print(f"{seconds = }")
print(f"{name=}")
print(f"{name=!s}")
print(f"{ratio=:.3f}")
print(f"{seconds * 2 + 1=}")
print(f"{[seconds, name]=}")
print(f"{name!r} {name!s}")


async def value(v, d):
    await asyncio.sleep(d)
    return v


async def main():
    loop = asyncio.get_running_loop()
    print(f"t={loop.time()} v={await value('x', 1)} t={loop.time()}")
    print(f"{await value(5, 0.5)=}")


asyncio.run(main())
