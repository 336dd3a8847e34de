# compare: full-stderr
# A task left pending on a closed loop plus a failed task held by main(), then main() fails:
# the traceback, "Task was destroyed but it is pending!", then the never-retrieved exception.
import asyncio


async def forever(fut):
    await fut


async def fail():
    await asyncio.sleep(0.1)
    raise ValueError("task failed")


async def main():
    t = asyncio.create_task(fail())
    await asyncio.sleep(0.5)
    raise RuntimeError("main failed")


other = asyncio.new_event_loop()
stuck = other.create_task(forever(other.create_future()))
other.run_until_complete(asyncio.sleep(0.1))
other.close()
print("stuck done?", stuck.done())
asyncio.run(main())
