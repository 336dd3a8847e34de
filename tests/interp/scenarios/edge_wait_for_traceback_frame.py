# compare: full-stderr
# An exception leaving `await asyncio.wait_for(aw, timeout)` passes through tasks.py's
# wait_for, whose frame 3.11 prints between the caller's and the awaitable's:
#   File "/usr/lib/python3.11/asyncio/tasks.py", line 479, in wait_for
#     return fut.result()
#            ^^^^^^^^^^^^
# (format_exc() to stdout shows it; e.__traceback__ lists it too.)
import asyncio
import sys
import traceback


async def job(n):
    await asyncio.sleep(0.1)
    raise ValueError(f"job {n} failed")


async def main():
    try:
        await asyncio.wait_for(job(1), timeout=1)
    except ValueError as e:
        print(traceback.format_exc())
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
            tb = tb.tb_next
        # The CPython runner's pure-Python Task adds result/__step frames a real run has not.
        print([n for n in names if n[0] not in ("result", "__step")])
    try:
        result = await asyncio.wait_for(job(2), 5)
    except ValueError:
        traceback.print_exc(file=sys.stdout)
    task = asyncio.create_task(job(3))
    try:
        await asyncio.wait_for(task, timeout=2)
    except ValueError:
        traceback.print_exc(file=sys.stdout)
    try:
        await asyncio.wait_for(job(5), timeout=0.05)
    except TimeoutError as e:
        # raise TimeoutError() from exc, inside `except CancelledError as exc`
        print(type(e.__cause__).__name__, e.__context__ is e.__cause__, e.__suppress_context__)
    await asyncio.wait_for(job(4), timeout=1)


asyncio.run(main())
