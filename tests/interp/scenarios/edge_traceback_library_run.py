# compare: full-stderr
# compare: also real CPython
# An exception escaping asyncio.run(main()) passes through runners.py's asyncio.run and
# Runner.run and base_events.py's run_until_complete (`return future.result()`): CPython
# 3.11.2 lists those three frames, carets included, between the caller's line and main's,
# whether the exception is main's own, a task's main awaited, gather's or main's
# cancellation. format_exc()/print_exc() to stdout and the uncaught traceback on stderr
# (compared whole: those library frames are kept by differential.py) both show them;
# loop.run_until_complete() called directly shows base_events.py's frame alone.
import asyncio
import sys
import traceback


async def fail(n):
    await asyncio.sleep(0.01)
    raise ValueError(f"fail {n}")


def sync_fail():
    raise KeyError("sync")


async def main_own():
    sync_fail()


async def main_task():
    await asyncio.create_task(fail(1))


async def main_gather():
    await asyncio.gather(fail(2), asyncio.sleep(1))


async def main_cancelled():
    asyncio.current_task().cancel()
    await asyncio.sleep(0.01)


def frames(e):
    # The CPython runner's pure-Python Task/Future add frames a real run has not.
    tb, out = e.__traceback__, []
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_name not in ("result", "__step", "__await__", "_Task__wakeup"):
            out.append((code.co_filename.rsplit("/", 1)[-1], code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


for main in (main_own, main_task, main_gather, main_cancelled):
    try:
        asyncio.run(main())
    except BaseException as e:
        print(traceback.format_exc())
        print(frames(e))
        print("".join(traceback.format_tb(e.__traceback__)), end="")
        print()

try:
    asyncio.run(main_task())
except ValueError:
    traceback.print_exc(file=sys.stdout)

# loop.run_until_complete() by hand: only base_events.py's frame.
loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main_own())
except KeyError:
    traceback.print_exc(file=sys.stdout)
finally:
    loop.close()

asyncio.run(main_gather())
