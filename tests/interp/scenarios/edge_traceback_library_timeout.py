# compare: full-stderr
# compare: also real CPython
# asyncio.timeout()'s TimeoutError is raised by timeouts.py's __aexit__ (3.11.2 line 98,
# `raise TimeoutError`, no carets: the whole line), listed after the `async with` line; the
# CancelledError it handles shows the sleep frame. An exception of the body that the
# timeout lets through keeps its own traceback (no extra `async with` line).
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


async def slow():
    await asyncio.sleep(5)


async def main():
    try:
        async with asyncio.timeout(0.1):
            await slow()
    except TimeoutError as e:
        print(traceback.format_exc())
        print(frames(e), frames(e.__context__))
    try:
        async with asyncio.timeout(1) as cm:
            await asyncio.sleep(0.01)
            cm.reschedule(asyncio.get_running_loop().time())
            await asyncio.sleep(0)
    except TimeoutError:
        traceback.print_exc(file=sys.stdout)
    try:
        async with asyncio.timeout(1):
            await asyncio.sleep(0.01)
            raise ValueError("body")
    except ValueError as e:
        traceback.print_exc(file=sys.stdout)
        print(frames(e))
    async with asyncio.timeout(0.2):
        await asyncio.sleep(1)


asyncio.run(main())
