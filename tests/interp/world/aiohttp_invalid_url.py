# A non-http(s) URL raises InvalidURL at the first await, with no delay.
import asyncio, time, aiohttp, sim


async def fetch_status(session, url):
    async with session.get(url) as resp:
        return resp.status


async def main():
    async with aiohttp.ClientSession() as session:
        pending = session.get('python://example.com')  # nothing yet
        try:
            await pending
        except aiohttp.InvalidURL as e:
            print(repr(e), str(e), e.url, e.args, e.description, time.monotonic())
            print(isinstance(e, aiohttp.ClientError),
                  isinstance(e, ValueError), type(e).__module__, type(e).__name__)
        for bad in ('ftp://x', 'example.com', 'https://', 'http:/x',
                    'https://host:port/', 'HTTPS://', 'http://:80/', 'https://h:/x',
                    'https://user:pw@host/'):
            try:
                await session.get(bad)
            except aiohttp.InvalidURL as e:
                print('invalid', e)
        for good in ('HTTPS://Example.COM', 'http://h:8080', 'https://h?q', 'https://h#f', 'http://h:0080/x'):
            r = await session.get(good)
            print('good', r.url, r.status)
        urls = ['https://example.com', 'python://example.com']
        print(await asyncio.gather(
            *(fetch_status(session, u) for u in urls),
            return_exceptions=True), time.monotonic())
    e = aiohttp.InvalidURL('u', 'broken')
    print(repr(e), e, e.args, e.url, e.description)
    e = aiohttp.InvalidURL('u', '')
    print(repr(e), e, e.args)


asyncio.run(main())
