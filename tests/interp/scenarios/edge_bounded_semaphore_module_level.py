# BoundedSemaphore released too many times outside any loop: ValueError traceback, exit 1.
import asyncio

sem = asyncio.BoundedSemaphore(2)


async def use():
    async with sem:
        await asyncio.sleep(1)
    print("used; locked =", sem.locked())


asyncio.run(use())
sem.release()
print("not reached")
