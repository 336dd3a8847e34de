# A callback that reschedules itself every 0.1 s: each due time is time() + 0.1, so float rounding accumulates as in CPython.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    ticks = []

    def tick(n):
        ticks.append(round(loop.time(), 9))
        if n == 0:
            done.set_result(loop.time())
        else:
            loop.call_later(0.1, tick, n - 1)

    loop.call_soon(tick, 10)
    print("finished at", await done)
    print(ticks)


asyncio.run(main())
