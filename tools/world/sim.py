"""sim: LoopLab's knobs on the simulated world (SPEC 3; docs/world.md).

    sim.cpu(seconds)                   CPU-bound work on the current thread
    sim.CORES                          simulated CPU cores (default 4)
    sim.set_latency(url_prefix, s)     network latency (default 0.1 s)
    sim.set_status(url_prefix, code)   HTTP status (default 200)

Under tools/cpython_runner.py the clock is virtual: sim.cpu moves it by exactly
`seconds` while the calling thread (on the loop's thread: the loop) is frozen,
with the same code as the patched time.sleep (looplab_cpython.clock.block).
Without the runner, sim.cpu really spins the CPU for that long.

The latency and status tables are module state: they last for the whole run,
across asyncio.run calls, and are read when a request starts.
"""

import math
import sys
import time as _time

CORES = 4                   # SPEC 3: os.cpu_count() returns it under the runner

DEFAULT_LATENCY = 0.1
DEFAULT_STATUS = 200

_latencies = {}             # url prefix -> seconds
_statuses = {}              # url prefix -> HTTP status code


def _seconds(func, name, value):
    """A duration argument: int or float (bool is an int, as everywhere in
    Python), finite, >= 0. Returned unchanged: 1 stays the int 1."""
    if not isinstance(value, (int, float)):
        raise TypeError(f'{func}(): {name} must be an int or float, '
                        f'not {type(value).__name__!r}')
    if math.isnan(value) or math.isinf(value):
        raise ValueError(f'{func}(): {name} must be finite, got {value!r}')
    if value < 0:
        raise ValueError(f'{func}(): {name} must be >= 0, got {value!r}')
    return value


def _prefix(func, url_prefix):
    if not isinstance(url_prefix, str):
        raise TypeError(f'{func}(): url_prefix must be a str, '
                        f'not {type(url_prefix).__name__!r}')
    return url_prefix


def _block(seconds, spin):
    """Block the calling thread for `seconds`. Under tools/cpython_runner.py:
    the runner's clock.block (the same code as the patched time.sleep).
    Without it: a real busy loop (spin, CPU work) or a real time.sleep
    (waiting for the network)."""
    clock = sys.modules.get('looplab_cpython.clock')
    if clock is not None:
        clock.block(seconds)
    elif spin:
        end = _time.perf_counter() + seconds
        while _time.perf_counter() < end:
            pass
    else:
        _time.sleep(seconds)


def cpu(seconds):
    """CPU-bound work for `seconds` on the current thread (stands for a loop
    such as `for i in range(100_000_000): ...`). It holds the GIL; on the
    loop's thread nothing else runs meanwhile: no callback, no other task, no
    timer. Timers that fell due are handled afterwards, all at once, as
    overdue -- exactly as after a real blocking call."""
    _block(_seconds('sim.cpu', 'seconds', seconds), spin=True)


def set_latency(url_prefix, seconds):
    """Every request whose URL starts with url_prefix takes `seconds` (the
    longest matching prefix wins; no match: 0.1 s). Setting a prefix again
    replaces its value."""
    _latencies[_prefix('sim.set_latency', url_prefix)] = _seconds(
        'sim.set_latency', 'seconds', seconds)


def set_status(url_prefix, code):
    """Every request whose URL starts with url_prefix answers with HTTP status
    `code`, an int in 100..599 (the longest matching prefix wins; no match:
    200)."""
    url_prefix = _prefix('sim.set_status', url_prefix)
    if not isinstance(code, int) or isinstance(code, bool):
        raise TypeError(f'sim.set_status(): code must be an int, '
                        f'not {type(code).__name__!r}')
    if not 100 <= code <= 599:
        raise ValueError(f'sim.set_status(): code must be between 100 and '
                         f'599, got {code!r}')
    _statuses[url_prefix] = code


def _lookup(table, url, default):
    """Longest prefix of `url` (plain str.startswith, case-sensitive) in
    table; prefixes are unique keys, so there are no ties."""
    best = None
    for prefix in table:
        if url.startswith(prefix) and (best is None or len(prefix) > len(best)):
            best = prefix
    return default if best is None else table[best]


def _latency_for(url):
    """The latency a request to `url` has now."""
    return _lookup(_latencies, url, DEFAULT_LATENCY)


def _status_for(url):
    """The HTTP status a request to `url` gets now."""
    return _lookup(_statuses, url, DEFAULT_STATUS)


# What a simulated server answers with, whatever the status.
_BODY = '<html><body>OK</body></html>'

# Reason phrases (http.HTTPStatus, CPython 3.11), for the status codes a
# scenario may set; a code not listed has the reason ''.
_REASONS = {
    100: 'Continue', 101: 'Switching Protocols', 102: 'Processing',
    103: 'Early Hints',
    200: 'OK', 201: 'Created', 202: 'Accepted',
    203: 'Non-Authoritative Information', 204: 'No Content',
    205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status',
    208: 'Already Reported', 226: 'IM Used',
    300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found',
    303: 'See Other', 304: 'Not Modified', 305: 'Use Proxy',
    307: 'Temporary Redirect', 308: 'Permanent Redirect',
    400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required',
    403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
    406: 'Not Acceptable', 407: 'Proxy Authentication Required',
    408: 'Request Timeout', 409: 'Conflict', 410: 'Gone',
    411: 'Length Required', 412: 'Precondition Failed',
    413: 'Request Entity Too Large', 414: 'Request-URI Too Long',
    415: 'Unsupported Media Type', 416: 'Requested Range Not Satisfiable',
    417: 'Expectation Failed', 418: "I'm a Teapot",
    421: 'Misdirected Request', 422: 'Unprocessable Entity', 423: 'Locked',
    424: 'Failed Dependency', 425: 'Too Early', 426: 'Upgrade Required',
    428: 'Precondition Required', 429: 'Too Many Requests',
    431: 'Request Header Fields Too Large',
    451: 'Unavailable For Legal Reasons',
    500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
    503: 'Service Unavailable', 504: 'Gateway Timeout',
    505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates',
    507: 'Insufficient Storage', 508: 'Loop Detected', 510: 'Not Extended',
    511: 'Network Authentication Required',
}


def _reason(code):
    return _REASONS.get(code, '')


def _split_url(url):
    """(scheme, host, port) of an http(s) URL -- scheme and host lower-cased,
    port explicit or 80/443 -- or None when url does not start with http://
    or https:// (any case) followed by a non-empty host. The host is what
    lies between '://' and the first '/', '?' or '#', without a ':port'
    suffix; a port that is not all digits makes the URL invalid too."""
    lower = url.lower()
    for scheme, default_port in (('http', 80), ('https', 443)):
        if lower.startswith(scheme + '://'):
            break
    else:
        return None
    rest = url[len(scheme) + 3:]
    for sep in '/?#':
        rest = rest.split(sep, 1)[0]
    host, colon, port = rest.partition(':')
    if not host:
        return None
    if colon:
        if not port.isdigit() or not port.isascii():
            return None
        return scheme, host.lower(), int(port)
    return scheme, host.lower(), default_port
