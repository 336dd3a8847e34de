# A task left pending on a closed loop: "Task was destroyed but it is pending!" when it is freed.
import asyncio


async def forever(fut):
    await fut


loop = asyncio.new_event_loop()
fut = loop.create_future()
task = loop.create_task(forever(fut))
loop.run_until_complete(asyncio.sleep(0.1))
print("task done?", task.done())
loop.close()
del task
print("after del")
