# current_task() and all_tasks(): done tasks leave the set; outside a loop current_task() raises.
import asyncio


async def sleeper(d):
    await asyncio.sleep(d)


def names(tasks):
    return sorted((t.get_name() for t in tasks), key=lambda n: int(n.split("-")[1]))


async def main():
    me = asyncio.current_task()
    print("me:", me.get_name(), me in asyncio.all_tasks())
    ts = [asyncio.create_task(sleeper(d)) for d in (1, 2, 3)]
    print("all:", names(asyncio.all_tasks()))
    await asyncio.sleep(1.5)
    print("after 1.5:", names(asyncio.all_tasks()))
    await asyncio.gather(*ts)
    print("after gather:", names(asyncio.all_tasks()))
    print("current_task is me:", asyncio.current_task() is me)


asyncio.run(main())
try:
    asyncio.current_task()
except RuntimeError as e:
    print("RuntimeError:", e)
