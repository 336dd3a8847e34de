# compare: full-stderr
# A failed task nobody holds, then main() fails (lesson 05's as_completed(timeout=2) case):
# CPython 3.11 frees the task when its step ends, so "Task exception was never retrieved"
# comes BEFORE main()'s traceback. Known gap of the CPython runner (known_gaps.txt).
import asyncio


async def fail(n):
    await asyncio.sleep(n)
    raise ValueError(f"boom {n}")


async def main():
    asyncio.create_task(fail(0.1))
    await asyncio.sleep(0.2)
    raise RuntimeError("main failed")


asyncio.run(main())
