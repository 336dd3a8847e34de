# Status codes: reason, ok, raise_for_status and ClientResponseError's str/repr.
import asyncio, aiohttp, sim

sim.set_status('https://example.com/missing', 404)
sim.set_status('https://example.com/broken', 500)
sim.set_status('https://example.com/moved', 301)
sim.set_status('https://example.com/odd', 299)
sim.set_status('https://example.com/teapot', 418)


async def main():
    async with aiohttp.ClientSession() as session:
        for path in ('', '/missing', '/broken', '/moved', '/odd', '/teapot'):
            url = 'https://example.com' + path
            async with session.get(url) as resp:
                print(resp.status, repr(resp.reason), resp.ok, resp.method,
                      resp.url, await resp.text(), resp.release())
                try:
                    print(resp.raise_for_status())
                except aiohttp.ClientResponseError as e:
                    print(' ', e.status, e.message, e.headers, e.history, '|', e)
                    print(' ', repr(e))
                    print(' ', e.request_info, e.args, isinstance(e, aiohttp.ClientError))
    e = aiohttp.ClientResponseError(aiohttp.RequestInfo('u', 'GET', 'r'), ())
    print(repr(e), '|', e, '|', e.status, repr(e.message))
    e = aiohttp.ClientResponseError(aiohttp.RequestInfo('u', 'GET', 'r'), (), status=None, headers={'a': 1})
    print(repr(e))


asyncio.run(main())
