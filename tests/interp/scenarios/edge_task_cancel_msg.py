# task.cancel(msg): the message reaches the CancelledError inside the task and at the awaiter.
import asyncio


async def victim():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("inside:", repr(e), e.args)
        raise


async def main():
    t = asyncio.create_task(victim())
    await asyncio.sleep(1)
    print("cancel() ->", t.cancel("stop now"))
    print("cancel() again ->", t.cancel("second"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiter:", repr(e))
    print("cancelled:", t.cancelled(), "done:", t.done())
    print("cancel() on done task ->", t.cancel())
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result() raises", type(e).__name__, e.args)
    print(issubclass(asyncio.CancelledError, BaseException),
          issubclass(asyncio.CancelledError, Exception))


asyncio.run(main())
