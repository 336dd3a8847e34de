# From: tutorials/004_1b2e1f106161893f.txt — Типові помилки при роботі з asyncio (Занадто ранній вихід із головної корутини; fix with asyncio.wait)
import asyncio


async def worker(name, seconds):
    print(f"{name} started")
    await asyncio.sleep(seconds)
    print(f"{name} finished after {seconds} s")


async def main_too_early():
    asyncio.create_task(worker("w1", 1))
    asyncio.create_task(worker("w2", 2))
    await asyncio.sleep(0.5)
    print("main_too_early returns; the workers are cancelled")


async def main_waits():
    tasks = [asyncio.create_task(worker("w3", 1)), asyncio.create_task(worker("w4", 2))]
    done, pending = await asyncio.wait(tasks)
    print(f"main_waits: {len(done)} done, {len(pending)} pending")

asyncio.run(main_too_early())
asyncio.run(main_waits())
