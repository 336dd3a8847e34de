# Which frames an exception's traceback lists, read through e.__traceback__ and printed by the
# traceback module: a bare `raise` does not list its frame again (ceval.c do_raise), `raise e`
# does (PyTraceBack_Here prepends), generators and tasks add their frames, format_exception's
# explicit tb replaces the exception's own. (The tb_next chain of an exception that crossed a
# task is not walked: the CPython runner's pure-Python Task adds __step frames there that the
# C Task of a real run has not; its printed tracebacks hide them.)
import asyncio
import sys
import traceback


def chain(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


def fails():
    raise KeyError("k")


def reraiser():
    try:
        fails()
    except KeyError:
        raise


def raise_again():
    try:
        fails()
    except KeyError as e:
        raise e


def gen():
    yield 1
    fails()


async def child():
    await asyncio.sleep(0.1)
    fails()


async def main():
    for f in (reraiser, raise_again):
        try:
            f()
        except KeyError as e:
            print(f.__name__, chain(e.__traceback__))
            print(traceback.format_exc(), end="")
    try:
        for _ in gen():
            pass
    except KeyError as e:
        print("gen", chain(e.__traceback__))
    try:
        await asyncio.create_task(child())
    except KeyError as e:
        print(e.__traceback__.tb_frame.f_lineno, e.__traceback__.tb_frame.f_code.co_qualname)
        print(traceback.format_exc(), end="")
    try:
        await asyncio.gather(child())
    except KeyError:
        traceback.print_exc(file=sys.stdout)
    try:
        fails()
    except KeyError:
        t, v, tb = sys.exc_info()
        print(t.__name__, tb is v.__traceback__, chain(tb))
        print("".join(traceback.format_exception(t, v, None)), end="")
        print("".join(traceback.format_exception(t, v, tb.tb_next)), end="")
    try:
        try:
            fails()
        except KeyError as e:
            raise ValueError("wrapped") from e
    except ValueError as e:
        print(chain(e.__traceback__), chain(e.__cause__.__traceback__))
        traceback.print_exc(file=sys.stdout)


asyncio.run(main())
