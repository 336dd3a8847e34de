# compare: full-stderr
# Several failed tasks nobody asked for their exception, kept in a list in main()'s locals: when
# main() returns its frame drops the list, and CPython's list_dealloc releases the items LAST TO
# FIRST, so "Task exception was never retrieved" comes for the last task in the list first.
# The same for a tuple (tupledealloc) and for list.clear(); a dict releases in insertion order.
# Markers go to stderr too, so the full-stderr comparison also checks WHEN each message comes.
import asyncio
import sys


async def fail(n):
    await asyncio.sleep(n / 10)
    raise ValueError(f"boom {n}")


async def in_a_list():
    tasks = [asyncio.create_task(fail(n), name=f"list-{n}") for n in (3, 1, 2)]
    await asyncio.sleep(1)
    print("list done:", [t.done() for t in tasks])


async def in_a_tuple():
    tasks = tuple(asyncio.create_task(fail(n), name=f"tuple-{n}") for n in (1, 2))
    await asyncio.sleep(1)
    print("tuple done:", [t.done() for t in tasks])


async def cleared():
    tasks = [asyncio.create_task(fail(n), name=f"cleared-{n}") for n in (1, 2)]
    await asyncio.sleep(1)
    tasks.clear()
    print("cleared", file=sys.stderr)


async def in_a_dict():
    tasks = {n: asyncio.create_task(fail(n), name=f"dict-{n}") for n in (2, 1)}
    await asyncio.sleep(1)
    print("dict done:", [t.done() for t in tasks.values()])


async def main():
    await in_a_list()
    print("after the list", file=sys.stderr)
    await in_a_tuple()
    print("after the tuple", file=sys.stderr)
    await cleared()
    await in_a_dict()
    print("after the dict", file=sys.stderr)


asyncio.run(main())
