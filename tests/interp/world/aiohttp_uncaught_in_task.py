# An InvalidURL in a task nobody awaits: "Task exception was never retrieved" at shutdown.
import asyncio, aiohttp


async def main():
    session = aiohttp.ClientSession()
    asyncio.create_task(session.get('ftp://files'))
    await asyncio.sleep(1)
    print('main done')


asyncio.run(main())
