# expect: exit=1 stderr-contains="RuntimeError: no running event loop" stderr-contains="coroutine 'f' was never awaited"
import asyncio
async def f():
    pass
asyncio.create_task(f())
