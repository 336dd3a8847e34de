# The main task cancelled from a callback: asyncio.run raises CancelledError, exit 1.
import asyncio


async def main():
    me = asyncio.current_task()
    asyncio.get_running_loop().call_later(1, me.cancel)
    print("sleeping")
    await asyncio.sleep(5)
    print("not reached")


asyncio.run(main())
