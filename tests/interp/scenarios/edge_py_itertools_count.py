# itertools.count as an id generator shared by tasks; itertools.islice / chain / cycle basics.
import asyncio
import itertools

ids = itertools.count(1)


async def job(d):
    my_id = next(ids)
    await asyncio.sleep(d)
    return f"job#{my_id} after {d}"


async def main():
    print(await asyncio.gather(*[job(d) for d in (0.3, 0.1, 0.2)]))
    print(next(ids))
    print(list(itertools.islice(itertools.count(10, 5), 4)))
    print(list(itertools.chain([1, 2], "ab")), list(itertools.islice(itertools.cycle("xy"), 5)))
    for i, c in zip(itertools.count(), "abc"):
        print(i, c)


asyncio.run(main())
