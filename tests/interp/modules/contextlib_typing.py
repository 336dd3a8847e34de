from contextlib import contextmanager, suppress, nullcontext, closing, ExitStack, AsyncExitStack
from typing import Any, Optional, List, Dict, Union, Callable, TypeVar, Generic, Awaitable, Tuple, cast, NamedTuple
import asyncio


@contextmanager
def managed(name):
    print("enter", name)
    try:
        yield name.upper()
    except ValueError as e:
        print("handled", e)
    finally:
        print("exit", name)


with managed("a") as v:
    print("body", v)
with managed("b"):
    raise ValueError("boom")
try:
    with managed("c"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print(e)


@contextmanager
def two_yields():
    yield 1
    yield 2


try:
    with two_yields():
        pass
except RuntimeError as e:
    print(e)
print(managed.__name__)

with suppress(ZeroDivisionError):
    1 / 0
print("suppressed")
with nullcontext(5) as n:
    print(n)


class Res:
    def close(self):
        print("closed")


with closing(Res()):
    print("using")
with ExitStack() as stack:
    stack.callback(print, "callback 1")
    stack.enter_context(managed("x"))
    stack.callback(print, "callback 2")
    print("in stack")


class ACM:
    def __init__(self, n):
        self.n = n

    async def __aenter__(self):
        print("aenter", self.n)
        return self.n

    async def __aexit__(self, *exc):
        print("aexit", self.n)


async def main():
    async with AsyncExitStack() as stack:
        a = await stack.enter_async_context(ACM(1))
        b = await stack.enter_async_context(ACM(2))
        print("values", a, b)
    async with nullcontext("x") as y:
        print(y)

asyncio.run(main())

T = TypeVar("T")


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item


def first(xs: List[int]) -> Optional[int]:
    return xs[0] if xs else None


Handler = Callable[[int], Awaitable[None]]
print(Box(3).item, first([]), first([4]), cast(int, "x"), T, Optional[int], List[int], Dict[str, int], Union[int, str], Any, Tuple[int, ...])


class Emp(NamedTuple):
    name: str
    id: int = 3


print(Emp("a"), Emp("b", 5), Emp("c").id, Emp("d")[0], Emp._fields)
