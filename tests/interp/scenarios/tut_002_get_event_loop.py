# From: tutorials/002_0b10f73f7bace513.txt — 事件循环 (get_running_loop vs get_event_loop)
import asyncio


def call_later():
    print("I'm being called in the future!")


async def main():
    loop = asyncio.get_running_loop()
    print(loop is asyncio.get_event_loop())
    loop.call_soon(call_later)
    await asyncio.sleep(1)


try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print(f'RuntimeError: {e}')
loop = asyncio.get_event_loop()
print(loop.is_running(), loop.is_closed())
loop.run_until_complete(main())
asyncio.run(main())
