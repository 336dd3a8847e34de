# @dataclass(order=True) compares fields as tuples; field(compare=False) is left out of ==, < and sorting.
import asyncio
from dataclasses import dataclass, field


@dataclass(order=True)
class Item:
    priority: int
    name: str = field(compare=False)
    seq: int = 0


items = [Item(2, "b"), Item(1, "z"), Item(2, "a", seq=-1), Item(1, "y")]
print(sorted(items))
print(Item(1, "p") == Item(1, "q"), Item(1, "p") < Item(2, "a"), Item(3, "a") >= Item(3, "b"))
print(min(items), max(items))
try:
    print(Item(1, "a") < (1, "a"))
except TypeError as e:
    print("TypeError:", e)


async def main():
    pq = asyncio.PriorityQueue()
    for it in items:
        pq.put_nowait(it)
    while not pq.empty():
        print(await pq.get())


asyncio.run(main())
