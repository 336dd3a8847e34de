# Subclassing the world's classes, catching by base class, exceptions inside `async with`.
import asyncio, time, aiohttp, sim

sim.set_status('https://h/missing', 404)


class LoggingSession(aiohttp.ClientSession):
    def __init__(self, name, **kwargs):
        super().__init__(**kwargs)
        self.name = name

    def get(self, url, **kwargs):
        print(self.name, 'GET', url)
        return super().get(url, **kwargs)


class FetchError(aiohttp.ClientError):
    pass


async def fetch(session, url):
    try:
        async with session.get(url) as resp:
            resp.raise_for_status()
            return resp.status
    except aiohttp.ClientResponseError as e:
        raise FetchError(f'{url}: {e.status}') from e


async def main():
    async with LoggingSession('s1', timeout=aiohttp.ClientTimeout(total=5)) as session:
        print(type(session).__name__, session.closed, session.timeout)
        print(await fetch(session, 'https://h/ok'))
        try:
            await fetch(session, 'https://h/missing')
        except aiohttp.ClientError as e:
            print(type(e).__name__, e, type(e.__cause__).__name__, isinstance(e, FetchError))
        try:
            async with session.get('https://h/ok') as resp:
                raise KeyError(resp.status)
        except KeyError as e:
            print('KeyError', e, time.monotonic())
        try:
            await session.get('mailto:x')
        except ValueError as e:
            print('ValueError', repr(e))
    print(session.closed)
    results = await asyncio.gather(fetch(session, 'https://h/1'), return_exceptions=True)
    print(results)


asyncio.run(main())
