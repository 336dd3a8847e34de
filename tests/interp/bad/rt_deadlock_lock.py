# expect: exit=3 stderr-contains="looplab: deadlock at t=0" stderr-contains="Task-1 waits for Lock held by Task-1"
import asyncio
async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    await lock.acquire()
asyncio.run(main())
