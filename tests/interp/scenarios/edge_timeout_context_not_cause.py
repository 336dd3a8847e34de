# compare: full-stderr
# asyncio.timeout() in 3.11 does a plain `raise TimeoutError` in __aexit__ (timeouts.py; the
# `from exc_val` came in 3.12): the CancelledError is the TimeoutError's __context__, not its
# __cause__, and the uncaught traceback says "During handling of the above exception".
import asyncio


async def main():
    try:
        async with asyncio.timeout(1):
            await asyncio.sleep(5)
    except TimeoutError as e:
        print("cause:", repr(e.__cause__))
        print("context:", repr(e.__context__))
        print("suppress_context:", e.__suppress_context__)
    try:
        async with asyncio.timeout_at(asyncio.get_running_loop().time() + 0.5):
            await asyncio.sleep(5)
    except TimeoutError as e:
        print("timeout_at cause:", repr(e.__cause__), "context:", type(e.__context__).__name__)
    async with asyncio.timeout(1):
        await asyncio.sleep(5)


asyncio.run(main())
