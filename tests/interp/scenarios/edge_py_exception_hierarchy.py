# Exception hierarchy facts the tutorials rely on (3.11): TimeoutError aliases, CancelledError is a BaseException.
import asyncio

print(asyncio.TimeoutError is TimeoutError, asyncio.exceptions.TimeoutError is TimeoutError)
print(issubclass(TimeoutError, OSError), issubclass(asyncio.CancelledError, Exception))
print(issubclass(asyncio.QueueEmpty, Exception), issubclass(asyncio.InvalidStateError, Exception))
print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, BaseException))
print([c.__name__ for c in ValueError.__mro__])


async def cancelled_is_not_exception():
    t = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except Exception:
        print("not reached: Exception does not catch CancelledError")
    except BaseException as e:
        print("BaseException caught", type(e).__name__)


asyncio.run(cancelled_is_not_exception())
for exc in (ValueError("v"), KeyError("k"), ConnectionError("reset"), TimeoutError(), StopIteration(3)):
    print(type(exc).__name__, repr(exc), str(exc), exc.args)
