# Construction errors and reprs, with the reference's messages.
import asyncio, aiohttp
from aiohttp import ClientSession

print(ClientSession().__repr__().startswith('<aiohttp.client.ClientSession object at 0x'))
print(repr(aiohttp.TCPConnector()).startswith('<aiohttp.connector.TCPConnector object at 0x'))
print(aiohttp.ClientSession, aiohttp.ClientTimeout, aiohttp.TCPConnector, aiohttp.ClientResponse,
      aiohttp.RequestInfo, aiohttp.ClientError, aiohttp.InvalidURL, aiohttp.ClientResponseError)
attempts = [lambda: ClientSession(timeout=5),
            lambda: ClientSession(timeout=None, connector=None).closed,
            lambda: ClientSession(connector=3),
            lambda: ClientSession(1),
            lambda: ClientSession(foo=1),
            lambda: aiohttp.TCPConnector(limit=-1),
            lambda: aiohttp.TCPConnector(limit=2.5),
            lambda: aiohttp.TCPConnector(limit=True),
            lambda: aiohttp.TCPConnector(3),
            lambda: aiohttp.TCPConnector(limit=0).limit,
            lambda: aiohttp.ClientTimeout(total='1'),
            lambda: aiohttp.ClientTimeout(connect=-1),
            lambda: aiohttp.ClientTimeout(total=float('nan')),
            lambda: aiohttp.ClientTimeout(1, 2, 3),
            lambda: aiohttp.ClientTimeout(1, total=2),
            lambda: aiohttp.InvalidURL(),
            lambda: aiohttp.RequestInfo('u'),
            lambda: ClientSession().get(),
            lambda: ClientSession().get('u', 1)]
for attempt in attempts:
    try:
        print('->', attempt())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


async def main():
    for kwargs in ({'timeout': '1'}, {'timeout': True}, {'timeout': -1}, {'timeout': [1]}):
        try:
            await ClientSession().get('https://x', **kwargs)
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
    for url in (42, None, b'https://x'):
        try:
            await ClientSession().get(url)
        except TypeError as e:
            print('TypeError', e)


asyncio.run(main())
