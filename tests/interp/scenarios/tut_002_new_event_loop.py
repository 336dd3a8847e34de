# From: tutorials/002_0b10f73f7bace513.txt — 事件循环 (new_event_loop + run_until_complete)
import asyncio


async def main():
    await asyncio.sleep(1)
    print('main finished at', asyncio.get_running_loop().time())

loop = asyncio.new_event_loop()

try:
    loop.run_until_complete(main())
finally:
    loop.close()
print('loop closed:', loop.is_closed())
