# A Condition waiter notified before it started waiting misses the notification: deadlock (exit 3).
import asyncio


async def late_waiter(cond):
    await asyncio.sleep(1)
    async with cond:
        print("waiting at", asyncio.get_running_loop().time())
        await cond.wait()


async def main():
    cond = asyncio.Condition()
    t = asyncio.create_task(late_waiter(cond))
    async with cond:
        cond.notify_all()
        print("notified nobody at", asyncio.get_running_loop().time())
    await t


asyncio.run(main())
