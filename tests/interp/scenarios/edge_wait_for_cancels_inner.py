# wait_for timeout cancels the inner task and waits for its cleanup before raising TimeoutError.
import asyncio


async def inner():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"inner cancelled at {loop.time()}, cleaning up")
        await asyncio.sleep(0.5)
        print(f"inner cleanup done at {loop.time()}")
        raise


async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(inner())
    try:
        await asyncio.wait_for(task, timeout=1)
    except asyncio.TimeoutError as e:
        print(f"TimeoutError at {loop.time()} repr={e!r}")
        print("cause:", type(e.__cause__).__name__)
    print("task cancelled:", task.cancelled())
    print(asyncio.TimeoutError is TimeoutError)


asyncio.run(main())
