# as_completed(timeout=...): results in completion order, then TimeoutError for the rest.
import asyncio


async def job(name, d):
    await asyncio.sleep(d)
    if name == "bad":
        raise LookupError(name)
    return name


async def main():
    loop = asyncio.get_running_loop()
    coros = [job("slow", 5), job("fast", 1), job("bad", 2), job("medium", 3)]
    for fut in asyncio.as_completed(coros, timeout=4):
        try:
            result = await fut
            print(f"t={loop.time()} got {result}")
        except LookupError as e:
            print(f"t={loop.time()} LookupError {e}")
        except asyncio.TimeoutError:
            print(f"t={loop.time()} timeout")
    print("tasks left:", sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.sleep(2)
    print("tasks left:", sorted(t.get_name() for t in asyncio.all_tasks()))


asyncio.run(main())
