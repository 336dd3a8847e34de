# get_running_loop outside a loop raises RuntimeError; inside callbacks it works; asyncio.run rejects non-coroutines.
import asyncio

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(lambda: fut.set_result(asyncio.get_running_loop() is loop))
    print("inside callback same loop:", await fut)
    print("get_event_loop in a coroutine is the running loop:", asyncio.get_event_loop() is loop)


asyncio.run(main())
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError:", e)
