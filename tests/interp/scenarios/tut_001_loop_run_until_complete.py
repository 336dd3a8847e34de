# From: tutorials/001_05a791dc056d4108.txt — loop.run_until_complete
import asyncio


async def do_async_work():
    await asyncio.sleep(1)
    print("do_async_work finished at", asyncio.get_running_loop().time())
    return "work result"


loop = asyncio.new_event_loop()
print(loop.run_until_complete(do_async_work()))


async def nested():
    coro = do_async_work()
    try:
        loop.run_until_complete(coro)
    except RuntimeError as e:
        print(f"RuntimeError: {e}")
    coro.close()


loop.run_until_complete(nested())
loop.close()
