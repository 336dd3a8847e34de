# compare: full-stderr
# main() fails holding a task on a loop that never runs and a failed task: the traceback,
# "Task was destroyed but it is pending!", the never-retrieved exception, and last the
# never-started task's coroutine "was never awaited" (sys:1).
import asyncio


async def forever():
    await asyncio.Event().wait()


async def fail():
    raise KeyError("k")


async def main():
    other = asyncio.new_event_loop()
    pending = other.create_task(forever())
    failed = asyncio.create_task(fail())
    await asyncio.sleep(0.5)
    raise RuntimeError("main failed")


asyncio.run(main())
