# Awaiting a bare future that nothing resolves: deadlock (exit 3).
import asyncio


async def main():
    fut = asyncio.get_running_loop().create_future()
    print("awaiting a future nobody will set")
    await fut


asyncio.run(main())
