"""aiohttp, simulated (SPEC 3; docs/world.md is the exact contract).

A request is one coroutine, ClientSession._request, made of plain asyncio
awaits: at most one Semaphore.acquire() (the connector's limit) and exactly one
asyncio.sleep() (the network). No task, no extra future, no extra timer: a
scenario's task names, steps (--ticks) and timer order are what the awaits
below make them, and the C++ port replicates exactly these awaits.

Class __module__s are aiohttp's own, so default reprs and traceback lines read
as with the real library: <aiohttp.client.ClientSession object at 0x...>,
aiohttp.client_exceptions.InvalidURL: python://bad.
"""

import asyncio
import collections.abc

import sim

__all__ = ('ClientSession', 'ClientTimeout', 'TCPConnector', 'ClientResponse',
           'ClientError', 'ClientResponseError', 'InvalidURL', 'RequestInfo')


# --- exceptions (aiohttp/client_exceptions.py) ------------------------------

class ClientError(Exception):
    """Base class for client errors."""


class ClientResponseError(ClientError):
    """raise_for_status() on a status >= 400."""

    def __init__(self, request_info, history, *, status=None, message='',
                 headers=None):
        self.request_info = request_info
        self.status = 0 if status is None else status
        self.message = message
        self.headers = headers
        self.history = history
        self.args = (request_info, history)

    def __str__(self):
        return (f'{self.status}, message={self.message!r}, '
                f'url={str(self.request_info.real_url)!r}')

    def __repr__(self):
        args = f'{self.request_info!r}, {self.history!r}'
        if self.status != 0:
            args += f', status={self.status!r}'
        if self.message != '':
            args += f', message={self.message!r}'
        if self.headers is not None:
            args += f', headers={self.headers!r}'
        return f'{type(self).__name__}({args})'


class InvalidURL(ClientError, ValueError):
    """A URL aiohttp cannot fetch; str() is the URL, repr <InvalidURL URL>."""

    def __init__(self, url, description=None):
        self._url = url
        self._description = description
        if description:
            super().__init__(url, description)
        else:
            super().__init__(url)

    @property
    def url(self):
        return self._url

    @property
    def description(self):
        return self._description

    def __repr__(self):
        return f'<{self.__class__.__name__} {self}>'

    def __str__(self):
        if self._description:
            return f'{self._url} - {self._description}'
        return str(self._url)


for _cls in (ClientError, ClientResponseError, InvalidURL):
    _cls.__module__ = 'aiohttp.client_exceptions'


# --- configuration objects ---------------------------------------------------

def _optional_seconds(func, name, value):
    if value is None:
        return None
    return sim._seconds(func, name, value)


class ClientTimeout:
    """ClientTimeout(total=None, connect=None). Only `total` has an effect:
    a request whose latency exceeds it fails after `total` seconds. None or 0
    means no limit (aiohttp starts no timer for a total that is not > 0).
    `connect` is accepted and ignored: the simulated network has no separate
    connection phase."""

    def __init__(self, total=None, connect=None):
        self.total = _optional_seconds('ClientTimeout', 'total', total)
        self.connect = _optional_seconds('ClientTimeout', 'connect', connect)

    def __repr__(self):
        return f'ClientTimeout(total={self.total!r}, connect={self.connect!r})'


class TCPConnector:
    """TCPConnector(limit=100): at most `limit` requests of the sessions using
    it are on the network at once; the others wait, first come first served,
    on an asyncio.Semaphore(limit). limit=0 means no limit (aiohttp's rule)."""

    def __init__(self, *, limit=100):
        if not isinstance(limit, int) or isinstance(limit, bool):
            raise TypeError(f'TCPConnector(): limit must be an int, '
                            f'not {type(limit).__name__!r}')
        if limit < 0:
            raise ValueError(f'TCPConnector(): limit must be >= 0, got {limit!r}')
        self._limit = limit
        self._sem = asyncio.Semaphore(limit) if limit else None

    @property
    def limit(self):
        return self._limit


ClientTimeout.__module__ = 'aiohttp.client'
TCPConnector.__module__ = 'aiohttp.connector'


# --- responses ----------------------------------------------------------------

class RequestInfo:
    """What a ClientResponseError says about its request (a str URL here,
    a yarl.URL in aiohttp)."""

    def __init__(self, url, method, real_url):
        self.url = url
        self.method = method
        self.real_url = real_url

    def __repr__(self):
        return (f'RequestInfo(url={self.url!r}, method={self.method!r}, '
                f'real_url={self.real_url!r})')


class ClientResponse:
    """A finished response: the whole body arrived with the latency, so
    text() returns at once (it awaits nothing)."""

    def __init__(self, url, status):
        self.method = 'GET'
        self.url = url
        self.status = status
        self.reason = sim._reason(status)

    @property
    def ok(self):
        return self.status < 400

    async def text(self, encoding=None):
        return sim._BODY

    def release(self):
        pass

    def raise_for_status(self):
        if self.status >= 400:
            raise ClientResponseError(
                RequestInfo(self.url, self.method, self.url), (),
                status=self.status, message=self.reason, headers=None)


RequestInfo.__module__ = ClientResponse.__module__ = 'aiohttp.client_reqrep'


class _RequestContextManager(collections.abc.Coroutine):
    """What session.get() returns: a coroutine (it wraps the one
    ClientSession._request coroutine, so await, create_task and gather take
    it) and an async context manager (`async with session.get(u) as resp`).
    Neither adds a suspension of its own."""

    __slots__ = ('_coro', '_resp')

    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def send(self, arg):
        return self._coro.send(arg)

    def throw(self, *args):
        return self._coro.throw(*args)

    def close(self):
        return self._coro.close()

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._resp = await self._coro
        return self._resp

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()


_RequestContextManager.__module__ = 'aiohttp.client'


# --- the session ------------------------------------------------------------------

class ClientSession:
    """ClientSession(*, timeout=None, connector=None). `timeout` is a
    ClientTimeout (None: no limit); `connector` a TCPConnector (None: a new
    TCPConnector(limit=100) of its own)."""

    def __init__(self, *, timeout=None, connector=None):
        if timeout is not None and not isinstance(timeout, ClientTimeout):
            raise ValueError(f'timeout parameter cannot be of {type(timeout)} '
                             f"type, please use 'timeout=ClientTimeout(...)'")
        if connector is not None and not isinstance(connector, TCPConnector):
            raise TypeError(f'ClientSession(): connector must be a '
                            f'TCPConnector, not {type(connector).__name__!r}')
        self._timeout = timeout
        self._connector = TCPConnector() if connector is None else connector
        self._closed = False

    @property
    def closed(self):
        return self._closed

    @property
    def timeout(self):
        return self._timeout

    @property
    def connector(self):
        return self._connector

    def get(self, url, *, timeout=None):
        """GET url. `timeout`: a ClientTimeout, or a number meaning
        ClientTimeout(total=number); None: the session's. Nothing is checked
        before the result is first awaited."""
        return _RequestContextManager(self._request(url, timeout))

    async def _request(self, url, timeout):
        # Checks, in this order, before anything is awaited (docs/world.md).
        if self._closed:
            raise RuntimeError('Session is closed')
        if not isinstance(url, str):
            raise TypeError(f'url must be a str, not {type(url).__name__!r}')
        if sim._split_url(url) is None:
            raise InvalidURL(url)
        if timeout is None:
            timeout = self._timeout
        elif isinstance(timeout, (int, float)) and not isinstance(timeout, bool):
            timeout = ClientTimeout(total=timeout)
        elif not isinstance(timeout, ClientTimeout):
            raise TypeError(f'timeout must be a ClientTimeout or a number, '
                            f'not {type(timeout).__name__!r}')
        total = timeout.total if timeout is not None else None
        latency = sim._latency_for(url)
        status = sim._status_for(url)

        sem = self._connector._sem
        if sem is not None:
            await sem.acquire()          # suspends only when `limit` are in flight
        try:
            if total and latency > total:
                await asyncio.sleep(total)
                raise asyncio.TimeoutError()
            await asyncio.sleep(latency)
        finally:
            if sem is not None:
                sem.release()            # wakes the first waiter, if any
        return ClientResponse(url, status)

    async def close(self):
        self._closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()


ClientSession.__module__ = 'aiohttp.client'
