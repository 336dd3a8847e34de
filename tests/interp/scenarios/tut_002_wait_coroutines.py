# From: tutorials/002_0b10f73f7bace513.txt — 传递给 wait 和协程最好包装在 tasks 中 (Python 3.11 rejects coroutines: TypeError, exit 1)
import asyncio
import aiohttp
from aiohttp import ClientSession


async def fetch_status(session: ClientSession, url: str, delay: int = 0) -> int:
    await asyncio.sleep(delay)
    async with session.get(url) as result:
        return result.status


async def main():
    async with aiohttp.ClientSession() as session:
        api_a = fetch_status(session, 'https://www.baidu.com')
        api_b = fetch_status(session, 'https://www.baidu.com', delay=2)

        done, pending = await asyncio.wait([api_a, api_b], timeout=1)

        for task in pending:
            if task is api_b:
                print('API B too slow, cancelling')
                task.cancel()


asyncio.run(main())
