# asyncio.run called several times: a fresh loop each time, the clock keeps going, task numbers continue.
import asyncio
import time


async def step(n):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(n)
    return f"run{n}: loop time {loop.time()} perf {time.perf_counter()} task {asyncio.current_task().get_name()}"


loops = []
for n in (1, 2, 0.5):
    print(asyncio.run(step(n)))


async def remember():
    loops.append(asyncio.get_running_loop())


asyncio.run(remember())
asyncio.run(remember())
print("different loops:", loops[0] is not loops[1], "closed:", loops[0].is_closed())
try:
    asyncio.run(step)
except ValueError as e:
    print("ValueError:", e)
