# LifoQueue: last in, first out, including items put while a getter waits.
import asyncio


async def main():
    lq = asyncio.LifoQueue(maxsize=2)
    lq.put_nowait(1)
    lq.put_nowait(2)
    try:
        lq.put_nowait(3)
    except asyncio.QueueFull:
        print("QueueFull at", lq.qsize())
    print(lq.get_nowait(), lq.get_nowait())

    async def getter():
        v = await lq.get()
        print("getter got", v, "at", asyncio.get_running_loop().time())

    t = asyncio.create_task(getter())
    await asyncio.sleep(1)
    lq.put_nowait("a")
    lq.put_nowait("b")
    await t
    print("left:", lq.get_nowait())


asyncio.run(main())
