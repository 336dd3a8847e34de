"""requests, simulated (SPEC 3; docs/world.md is the exact contract).

requests.get(url) blocks the calling thread for the URL's latency (sim) and
returns a Response. On the event loop's thread that freezes the loop: no
other task, callback or timer runs meanwhile, and nothing is awaited.
Under tools/cpython_runner.py the block is looplab_cpython.clock.block, the
same code as the patched time.sleep.
"""

import sim

from . import exceptions
from .exceptions import (ConnectionError, ConnectTimeout, HTTPError,
                         InvalidSchema, InvalidURL, MissingSchema, ReadTimeout,
                         RequestException, Timeout)

__all__ = ('get', 'Response', 'exceptions', 'RequestException', 'HTTPError',
           'ConnectionError', 'Timeout', 'ConnectTimeout', 'ReadTimeout',
           'MissingSchema', 'InvalidSchema', 'InvalidURL')


class Response:
    """The answer to a request: status_code, reason, url, text, ok."""

    def __init__(self, url, status_code):
        self.url = url
        self.status_code = status_code
        self.reason = sim._reason(status_code)
        self.text = sim._BODY

    def __repr__(self):
        return f'<Response [{self.status_code}]>'

    def __bool__(self):
        return self.ok

    @property
    def ok(self):
        return self.status_code < 400

    def raise_for_status(self):
        if 400 <= self.status_code < 500:
            kind = 'Client Error'
        elif 500 <= self.status_code < 600:
            kind = 'Server Error'
        else:
            return
        raise HTTPError(f'{self.status_code} {kind}: {self.reason} '
                        f'for url: {self.url}', response=self)


Response.__module__ = 'requests.models'


def _timeout_value(name, value):
    """urllib3.util.Timeout._validate_timeout, whose messages these are."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError('Timeout cannot be a boolean value. It must be an '
                         'int, float or None.')
    if not isinstance(value, (int, float)):
        raise ValueError(f'Timeout value {name} was {value}, but it must be '
                         f'an int, float or None.')
    if value <= 0:
        raise ValueError(f'Attempted to set {name} timeout to {value}, but '
                         f'the timeout cannot be set to a value less than or '
                         f'equal to 0.')
    return value


def _read_timeout(timeout):
    """The read timeout of get(url, timeout=...): a number (connect and read),
    a (connect, read) tuple, or None. Checked as requests/urllib3 do:
    connect first."""
    if isinstance(timeout, tuple):
        if len(timeout) != 2:
            raise ValueError(f'Invalid timeout {timeout}. Pass a (connect, '
                             f'read) timeout tuple, or a single float to set '
                             f'both timeouts to the same value.')
        connect, read = timeout
    else:
        connect = read = timeout
    _timeout_value('connect', connect)
    return _timeout_value('read', read)


def get(url, *, timeout=None):
    """GET url, blocking the calling thread for its latency (docs/world.md)."""
    url = str(url)                      # requests' PreparedRequest.prepare_url
    parts = sim._split_url(url)
    if parts is None:
        lower = url.lower()
        if lower.startswith(('http://', 'https://')):
            raise InvalidURL(f'Invalid URL {url!r}: No host supplied')
        if ':' in url:
            raise InvalidSchema(f'No connection adapters were found for {url!r}')
        raise MissingSchema(f'Invalid URL {url!r}: No scheme supplied. '
                            f'Perhaps you meant https://{url}?')
    read = _read_timeout(timeout)
    latency = sim._latency_for(url)
    status = sim._status_for(url)
    if read is not None and latency > read:
        sim._block(read, spin=False)
        scheme, host, port = parts
        pool = 'HTTPSConnectionPool' if scheme == 'https' else 'HTTPConnectionPool'
        raise ReadTimeout(f'{pool}(host={host!r}, port={port!r}): Read timed '
                          f'out. (read timeout={read})')
    sim._block(latency, spin=False)
    return Response(url, status)
