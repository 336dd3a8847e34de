# sys.exc_info()/sys.exception() and logging's exc_info see the exception being handled from
# callees, generators resumed inside the except block, and functions that natives call back.
import asyncio
import logging
import sys

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s", stream=sys.stdout)
log = logging.getLogger("w")


def helper():
    t, v, _ = sys.exc_info()
    print("helper sees", t.__name__, v, sys.exception() is v)
    log.error("via helper", exc_info=True)


def gen():
    try:
        raise ValueError("in gen")
    except ValueError:
        yield sys.exc_info()[1]
    yield sys.exc_info()[1]


def key(x):
    print("key sees", repr(sys.exception()))
    return -x


async def job(n):
    await asyncio.sleep(n)
    raise KeyError(n)


async def coro():
    try:
        await job(1)
    except KeyError:
        await asyncio.sleep(1)
        print("after await", repr(sys.exc_info()[1]))
        log.warning("warn with info", exc_info=True)
        try:
            raise TypeError("inner")
        except TypeError:
            log.exception("inner")
        print("restored", repr(sys.exception()))
    print("outside", sys.exc_info())


async def other():
    await asyncio.sleep(0.5)
    print("other sees", sys.exc_info())


async def main():
    print(sys.exc_info())
    log.exception("nothing")
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        helper()
        g = gen()
        print(next(g), repr(sys.exc_info()[1]))
        print(repr(next(g)))
        print(sorted([3, 1, 2], key=key))
    print(repr(next(gen())), sys.exc_info())
    try:
        try:
            raise ValueError("a")
        except ValueError as e:
            raise TypeError("b") from e
    except TypeError:
        logging.exception("chained")
    await asyncio.gather(coro(), other())
    try:
        await asyncio.create_task(job(0))
    except KeyError:
        pass
    print(sys.exc_info())
    raise RuntimeError("final")


try:
    asyncio.run(main())
except RuntimeError as e:
    print(repr(e), repr(e.__context__))
