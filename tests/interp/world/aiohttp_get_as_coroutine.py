# session.get() is a coroutine for tasks; an unused one warns when dropped.
import asyncio, time, aiohttp


async def main():
    session = aiohttp.ClientSession()
    task = asyncio.create_task(session.get('https://x'), name='fetch')
    print(asyncio.iscoroutine(task.get_coro()), task.get_name())
    print(task)
    resp = await task
    print(resp.status, time.monotonic(), task.done())
    session.get('https://y')
    await session.close()


asyncio.run(main())
