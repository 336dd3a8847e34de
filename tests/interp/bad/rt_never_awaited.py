# expect: exit=0 stdout-contains="done" stderr-contains="RuntimeWarning: coroutine 'work' was never awaited"
import asyncio
async def work():
    print("never")
async def main():
    work()
    print("done")
asyncio.run(main())
