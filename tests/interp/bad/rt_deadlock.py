# expect: exit=3 stderr-contains="looplab: deadlock at t=0" stderr-contains="Task-1 waits for Future"
import asyncio
async def main():
    fut = asyncio.get_running_loop().create_future()
    await fut
asyncio.run(main())
