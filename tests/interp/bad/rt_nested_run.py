# expect: exit=1 stderr-contains="RuntimeError: asyncio.run() cannot be called from a running event loop" stderr-contains="coroutine 'inner' was never awaited"
import asyncio
async def inner():
    return 1
async def main():
    asyncio.run(inner())
asyncio.run(main())
