# compare: full-stderr
# Two failed tasks held in main()'s locals, then main() fails: the traceback, then one
# "Task exception was never retrieved" per task, in the order the frame's locals go.
import asyncio


async def fail(n):
    await asyncio.sleep(n)
    raise ValueError(f"boom {n}")


async def main():
    first = asyncio.create_task(fail(0.1))
    second = asyncio.create_task(fail(0.2))
    await asyncio.sleep(1)
    print("both done:", first.done(), second.done())
    raise RuntimeError("main failed")


asyncio.run(main())
