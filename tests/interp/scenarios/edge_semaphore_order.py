# Semaphore: value goes down on acquire, waiters woken FIFO, release() may exceed the initial value.
import asyncio


async def worker(sem, name, d):
    async with sem:
        print(f"{asyncio.get_running_loop().time()} {name} in (locked={sem.locked()})")
        await asyncio.sleep(d)
    print(f"{asyncio.get_running_loop().time()} {name} out")


async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*[worker(sem, f"w{i}", d) for i, d in enumerate((3, 1, 1, 2, 1))])
    sem.release()
    sem.release()
    print("locked after two extra releases:", sem.locked())
    zero = asyncio.Semaphore(0)
    print("Semaphore(0).locked():", zero.locked())
    asyncio.get_running_loop().call_later(1, zero.release)
    await zero.acquire()
    print("acquired zero-semaphore at", asyncio.get_running_loop().time())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
