# Lock: uncontended acquire does not yield, waiters are woken FIFO, releasing an unlocked Lock is an error.
import asyncio


async def user(lock, name, hold):
    print(f"{asyncio.get_running_loop().time()} {name} wants the lock (locked={lock.locked()})")
    async with lock:
        print(f"{asyncio.get_running_loop().time()} {name} has the lock")
        await asyncio.sleep(hold)
    print(f"{asyncio.get_running_loop().time()} {name} released")


async def main():
    lock = asyncio.Lock()
    print(await lock.acquire(), lock.locked())
    lock.release()
    await asyncio.gather(user(lock, "A", 1), user(lock, "B", 0.5), user(lock, "C", 0.25))
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
