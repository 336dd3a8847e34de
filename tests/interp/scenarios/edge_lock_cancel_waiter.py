# Cancelling a task waiting for a Lock removes it from the queue; the next waiter gets the lock.
import asyncio


async def holder(lock):
    async with lock:
        print("holder got the lock")
        await asyncio.sleep(2)
    print("holder released at", asyncio.get_running_loop().time())


async def waiter(lock, name):
    try:
        async with lock:
            print(f"{name} got the lock at {asyncio.get_running_loop().time()}")
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(f"{name} cancelled while waiting, locked={lock.locked()}")
        raise


async def main():
    lock = asyncio.Lock()
    h = asyncio.create_task(holder(lock))
    w1 = asyncio.create_task(waiter(lock, "w1"))
    w2 = asyncio.create_task(waiter(lock, "w2"))
    await asyncio.sleep(1)
    w1.cancel()
    await asyncio.gather(h, w1, w2, return_exceptions=True)
    print("w1 cancelled:", w1.cancelled(), "lock free:", not lock.locked())


asyncio.run(main())
