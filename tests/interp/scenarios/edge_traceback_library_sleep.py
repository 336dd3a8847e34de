# compare: full-stderr
# compare: also real CPython
# A CancelledError raised at `await asyncio.sleep(...)` comes out of tasks.py's sleep:
# CPython 3.11.2 lists `File ".../asyncio/tasks.py", line 639, in sleep / return await
# future` (with carets) for a delay > 0, and for sleep(0) the two frames `line 630, in sleep
# / await __sleep0()` and `line 624, in __sleep0 / yield`. In format_exc(), in
# e.__traceback__, and in the uncaught traceback on stderr (after asyncio.run's frames).
import asyncio
import sys
import traceback


def frames(e):
    # The CPython runner's pure-Python Task/Future add frames a real run has not.
    tb, out = e.__traceback__, []
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_name not in ("result", "__step", "__await__", "_Task__wakeup"):
            out.append((code.co_filename.rsplit("/", 1)[-1], code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


async def sleeper(delay):
    await asyncio.sleep(delay)


async def main():
    me = asyncio.current_task()
    for delay in (0.5, 0, 0.0):
        try:
            asyncio.get_running_loop().call_soon(me.cancel)
            await asyncio.sleep(delay)
        except asyncio.CancelledError as e:
            me.uncancel()
            print(traceback.format_exc())
            print(frames(e))
    # A task cancelled while it sleeps: awaiting it re-raises its CancelledError, frames kept.
    t = asyncio.create_task(sleeper(2))
    await asyncio.sleep(0.1)
    t.cancel("stop")
    try:
        await t
    except asyncio.CancelledError as e:
        traceback.print_exc(file=sys.stdout)
        print(frames(e))
    t = asyncio.create_task(sleeper(0))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        traceback.print_exc(file=sys.stdout)
    asyncio.get_running_loop().call_later(0.2, me.cancel)
    await sleeper(3)


asyncio.run(main())
