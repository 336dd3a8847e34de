# Done callbacks run in registration order via call_soon, after the task finishes; remove_done_callback.
import asyncio
import functools


def report(label, fut):
    print(f"{asyncio.get_running_loop().time()} callback {label}: {fut.result()!r}")


async def work():
    await asyncio.sleep(1)
    print("work returns")
    return "result"


async def main():
    t = asyncio.create_task(work())
    t.add_done_callback(functools.partial(report, "first"))
    second = functools.partial(report, "second")
    t.add_done_callback(second)
    t.add_done_callback(functools.partial(report, "third"))
    print("removed:", t.remove_done_callback(second))
    await t
    print("after await (callbacks already ran?)")
    await asyncio.sleep(0)
    t.add_done_callback(functools.partial(report, "late"))
    print("late callback scheduled")
    await asyncio.sleep(0)
    print("end")


asyncio.run(main())
