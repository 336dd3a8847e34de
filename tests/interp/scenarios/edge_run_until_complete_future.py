# run_until_complete accepts a coroutine, a task or a future, and returns its result; the loop is reusable.
import asyncio

loop = asyncio.new_event_loop()


async def add(a, b):
    await asyncio.sleep(1)
    return a + b


print(loop.run_until_complete(add(1, 2)), loop.time())
task = loop.create_task(add(3, 4))
print(loop.run_until_complete(task), task.get_name(), loop.time())
fut = loop.create_future()
loop.call_later(0.5, fut.set_result, "from a future")
print(loop.run_until_complete(fut), loop.time())
try:
    loop.run_until_complete(add(1, "x"))
except TypeError as e:
    print("TypeError:", e)
loop.close()
try:
    loop.run_until_complete(fut)
except RuntimeError as e:
    print("RuntimeError:", e)
