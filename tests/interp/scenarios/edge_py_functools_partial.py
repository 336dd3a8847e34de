# functools.partial: frozen positional and keyword arguments, overriding keywords, with call_later and gather.
import asyncio
import functools


def power(base, exponent, *, label="result"):
    return f"{label}: {base ** exponent}"


square = functools.partial(power, exponent=2)
cube_of_2 = functools.partial(power, 2, 3)
print(square(5), square(5, exponent=3), cube_of_2(label="cube"))
print(square.func is power, square.args, square.keywords, cube_of_2.args)


async def fetch(url, delay):
    await asyncio.sleep(delay)
    return f"{url} after {delay}"


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.5, functools.partial(fut.set_result, "set by partial"))
    print(await fut, loop.time())
    calls = [functools.partial(fetch, f"u{i}", delay=i / 10) for i in range(3)]
    print(await asyncio.gather(*[c() for c in calls]))


asyncio.run(main())
