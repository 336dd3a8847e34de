# Decorators with and without arguments, stacked, on async functions; functools.wraps keeps metadata.
import asyncio
import functools


def trace(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print(f"call {func.__name__}{args}")
        return func(*args, **kwargs)
    return wrapper


def repeat(times):
    def deco(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return [func(*args, **kwargs) for _ in range(times)]
        return wrapper
    return deco


def retry(attempts, delay):
    def deco(func):
        @functools.wraps(func)
        async def wrapper(*args):
            for i in range(1, attempts + 1):
                try:
                    return await func(*args)
                except ConnectionError as e:
                    print(f"{asyncio.get_running_loop().time():.1f} attempt {i} failed: {e}")
                    await asyncio.sleep(delay)
            raise RuntimeError("giving up")
        return wrapper
    return deco


@trace
@repeat(2)
def add(a, b):
    """Add two numbers."""
    return a + b


calls = 0


@retry(attempts=3, delay=0.5)
async def flaky():
    global calls
    calls += 1
    if calls < 3:
        raise ConnectionError(f"call {calls}")
    return "ok"


print(add(1, 2), add.__name__, add.__doc__)
print(asyncio.run(flaky()), flaky.__name__, asyncio.iscoroutinefunction(flaky))
