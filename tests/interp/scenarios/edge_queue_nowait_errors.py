# get_nowait on an empty queue raises QueueEmpty, put_nowait on a full one QueueFull.
import asyncio


async def main():
    q = asyncio.Queue(1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e), isinstance(e, Exception))
    q.put_nowait("only")
    try:
        q.put_nowait("second")
    except asyncio.QueueFull as e:
        print("QueueFull", repr(e))
    print(q.get_nowait(), q.empty())
    unbounded = asyncio.Queue()
    for i in range(1000):
        unbounded.put_nowait(i)
    print("unbounded full()?", unbounded.full(), unbounded.qsize())
    q0 = asyncio.Queue(0)
    print("maxsize 0 means infinite:", q0.full(), q0.maxsize)


asyncio.run(main())
