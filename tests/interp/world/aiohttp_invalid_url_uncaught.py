# An uncaught InvalidURL: the traceback's last line is module-qualified.
import asyncio, aiohttp


async def main():
    async with aiohttp.ClientSession() as session:
        await session.get('python://bad')


asyncio.run(main())
