# From: tutorials/000_b829acf418663ef6.txt — 我可以使用asyncio.run()多次运行协同程序吗 (the old way: get_event_loop + run_until_complete)
import asyncio
import time


async def coroutine():
    print(f"{time.perf_counter():.1f} coroutine started")
    await asyncio.sleep(1)
    print(f"{time.perf_counter():.1f} coroutine finished")
    return "result"


loop = asyncio.get_event_loop()
print(loop.run_until_complete(coroutine()))
print(loop.run_until_complete(coroutine()))
loop.close()
print(f"closed: {loop.is_closed()}")
