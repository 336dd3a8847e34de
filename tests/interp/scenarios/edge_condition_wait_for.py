# Condition.wait_for(predicate): re-checks the predicate after each notify.
import asyncio

items = []


async def consumer(cond, name, need):
    async with cond:
        await cond.wait_for(lambda: len(items) >= need)
        print(f"{asyncio.get_running_loop().time()} {name} sees {len(items)} items (needed {need})")


async def producer(cond):
    for i in range(4):
        await asyncio.sleep(1)
        async with cond:
            items.append(i)
            print(f"{asyncio.get_running_loop().time()} produced {i}")
            cond.notify_all()


async def main():
    cond = asyncio.Condition()
    await asyncio.gather(consumer(cond, "c2", 2), consumer(cond, "c4", 4),
                         consumer(cond, "c0", 0), producer(cond))
    async with cond:
        print("predicate already true:", await cond.wait_for(lambda: "value"))


asyncio.run(main())
