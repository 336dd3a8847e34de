# Two children fail at the same time: both land in one ExceptionGroup; except* splits them by type.
import asyncio


async def fail(exc, d):
    await asyncio.sleep(d)
    raise exc


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(ValueError("v"), 1))
            tg.create_task(fail(TypeError("t"), 1))
            tg.create_task(fail(KeyError("k"), 2))
    except* ValueError as eg:
        print("ValueError part:", eg.exceptions)
    except* TypeError as eg:
        print("TypeError part:", eg.exceptions)
    print("message:", "unhandled errors in a TaskGroup")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(OSError("disk"), 1))
            raise LookupError("body failed")
    except* LookupError as eg:
        print("body error:", repr(eg.exceptions[0]))
    except* OSError as eg:
        print("never: child was cancelled before failing", eg)
    print("done at", asyncio.get_running_loop().time())


asyncio.run(main())
