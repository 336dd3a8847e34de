# Condition.notify(n) wakes n waiters in FIRST-IN order; notify_all wakes the rest.
import asyncio


async def waiter(cond, name):
    async with cond:
        await cond.wait()
        print(f"{asyncio.get_running_loop().time()} {name} woke")


async def main():
    cond = asyncio.Condition()
    tasks = [asyncio.create_task(waiter(cond, f"w{i}")) for i in range(6)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify()
    await asyncio.sleep(1)
    async with cond:
        cond.notify(2)
    await asyncio.sleep(1)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*tasks)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
