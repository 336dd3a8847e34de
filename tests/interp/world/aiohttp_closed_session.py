# A request on a closed session raises RuntimeError at its first await.
import asyncio, aiohttp


async def main():
    async with aiohttp.ClientSession() as session:
        print(session.closed)
    print(session.closed)
    try:
        await session.get('https://x')
    except RuntimeError as e:
        print('RuntimeError', e)
    s = aiohttp.ClientSession()
    closing = s.close()
    print(s.closed)
    await closing
    print(s.closed)


asyncio.run(main())
