# From: tutorials/002_0b10f73f7bace513.txt — 调试模式 (asyncio.run(..., debug=True), slow_callback_duration)
import asyncio


async def main():
    loop = asyncio.get_event_loop()
    print(loop.get_debug(), loop.slow_callback_duration)
    loop.slow_callback_duration = .250
    print(loop.slow_callback_duration)


asyncio.run(main(), debug=True)
asyncio.run(main())
