# call_soon runs in FIFO order on the next iteration; call_later/call_at by due time; Handle.cancel().
import asyncio


def cb(label):
    loop = asyncio.get_running_loop()
    print(f"{loop.time()} {label}")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    loop.call_later(2, cb, "later 2")
    loop.call_at(t0 + 1, cb, "at t0+1")
    loop.call_later(0, cb, "later 0")
    loop.call_soon(cb, "soon 1")
    h = loop.call_soon(cb, "soon cancelled")
    loop.call_soon(cb, "soon 2")
    h.cancel()
    print("handle cancelled:", h.cancelled())
    th = loop.call_later(1.5, cb, "later 1.5 (cancelled)")
    print("timer when:", th.when())
    th.cancel()
    print("scheduled; nothing ran yet")
    await asyncio.sleep(0)
    print("after sleep(0)")
    await asyncio.sleep(3)
    print("end", loop.time())


asyncio.run(main())
