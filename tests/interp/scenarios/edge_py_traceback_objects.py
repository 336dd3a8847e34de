# compare: full-stderr
# e.__traceback__ is a traceback object (outermost frame first, tb_next deeper, tb_lineno,
# tb_frame.f_code.co_name, f_lineno, f_locals), the same one sys.exc_info()[2] gives; the traceback
# module formats from it; with_traceback(None) and __traceback__ = None drop the frames, and a
# with_traceback(tb) traceback is kept. Source lines are whole statements so 3.11 draws no carets.
import asyncio
import sys
import traceback


def inner(x):
    if x == 0:
        raise ZeroDivisionError("x is zero")


def outer(x):
    inner(x)
    print("not reached")


async def work(n):
    await asyncio.sleep(0.1)
    if n == 2:
        raise ValueError(f"bad {n}")
    return n


async def main():
    try:
        outer(0)
    except ZeroDivisionError as e:
        tb = e.__traceback__
        print(type(tb).__name__, tb is e.__traceback__)
        while tb is not None:
            print(tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_frame.f_code.co_filename.endswith(".py"))
            tb = tb.tb_next
        print(sys.exc_info()[2] is e.__traceback__)
        print(traceback.format_exc())
    try:
        await work(2)
    except ValueError as e:
        names = []
        tb = e.__traceback__
        while tb:
            names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
            tb = tb.tb_next
        print(names)
        traceback.print_exception(e, file=sys.stdout)
        print("".join(traceback.format_exception(type(e), e, e.__traceback__)), end="")
    e = ValueError("fresh")
    print(e.__traceback__)
    try:
        raise e
    except ValueError as caught:
        print(caught.__traceback__.tb_lineno, caught.__traceback__.tb_next)
    try:
        try:
            outer(0)
        except ZeroDivisionError as e:
            raise e.with_traceback(None)
    except ZeroDivisionError as e2:
        print("with_traceback(None):", e2.__traceback__.tb_lineno, e2.__traceback__.tb_next)
        traceback.print_exc(file=sys.stdout)
    try:
        outer(0)
    except ZeroDivisionError as e:
        e.__traceback__ = None
        print(e.__traceback__)
        print(traceback.format_exception(e))
    try:
        ValueError().__traceback__ = 5
    except TypeError as t:
        print(t)
    try:
        outer(0)
    except ZeroDivisionError as e:
        saved = e.__traceback__.tb_next
        e2 = RuntimeError("moved").with_traceback(saved)
        print(e2.__traceback__ is saved, e2.__traceback__.tb_frame.f_code.co_name)
        print(traceback.format_exception(e2)[1], end="")
        print(saved.tb_frame.f_lineno, saved.tb_frame.f_locals)
    t = asyncio.create_task(work(2))
    await asyncio.sleep(0.5)
    exc = t.exception()
    raise exc


asyncio.run(main())
