# compare: full-stderr
# main() fails while a task it still holds failed unnoticed: CPython prints the uncaught
# traceback first, then "Task exception was never retrieved" when the traceback's frames go.
import asyncio


async def fail(n):
    await asyncio.sleep(n)
    raise ValueError(f"boom {n}")


async def main():
    t = asyncio.create_task(fail(0.1))
    await asyncio.sleep(0.2)
    print("main fails at", asyncio.get_running_loop().time(), "holding", t.get_name())
    raise RuntimeError("main failed")


asyncio.run(main())
