# Event: wait() returns True at once when set, wakes all waiters in order, clear() makes it block again.
import asyncio


async def waiter(ev, name):
    print(f"{name} waiting")
    r = await ev.wait()
    print(f"{name} woke with {r} at {asyncio.get_running_loop().time()}")


async def main():
    ev = asyncio.Event()
    print("is_set:", ev.is_set())
    tasks = [asyncio.create_task(waiter(ev, n)) for n in ("w1", "w2", "w3")]
    await asyncio.sleep(1)
    ev.set()
    ev.set()  # setting twice is harmless
    print("set; waiters not run yet")
    await asyncio.gather(*tasks)
    print("already set:", await ev.wait())
    ev.clear()
    t = asyncio.create_task(waiter(ev, "late"))
    await asyncio.sleep(2)
    print("late still waiting:", not t.done())
    ev.set()
    await t


asyncio.run(main())
