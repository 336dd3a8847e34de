# A Condition built on an existing Lock shares it; locked() reflects the lock.
import asyncio


async def main():
    lock = asyncio.Lock()
    cond = asyncio.Condition(lock)
    async with lock:
        print("cond.locked() while lock held:", cond.locked())
    print("after:", cond.locked())

    async def notifier():
        await asyncio.sleep(0.5)
        async with cond:
            cond.notify()
            print("notified at", asyncio.get_running_loop().time())

    asyncio.create_task(notifier())
    async with cond:
        print("waiting releases the lock:", end=" ")
        waiting = asyncio.create_task(cond.wait())
        await asyncio.sleep(0)
        print(lock.locked())
        await waiting
        print("wait returned holding the lock:", lock.locked())


asyncio.run(main())
