# async with: __aexit__ sees the exception, can suppress it by returning True; __aenter__ result bound by as.
import asyncio


class Resource:
    def __init__(self, name, suppress):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        await asyncio.sleep(0.1)
        print(f"open {self.name}")
        return self.name.upper()

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.1)
        print(f"close {self.name}: {exc_type.__name__ if exc_type else None} {exc!r}")
        return self.suppress


async def main():
    async with Resource("quiet", True) as r:
        print("using", r)
        raise KeyError("swallowed")
    print("after quiet block")
    try:
        async with Resource("loud", False):
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", e)
    async with Resource("a", False) as a, Resource("b", False) as b:
        print("nested", a, b)
    print(f"t={asyncio.get_running_loop().time():.1f}")


asyncio.run(main())
