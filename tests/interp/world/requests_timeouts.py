# requests.get(timeout=...): ReadTimeout after the read timeout; urllib3's checks.
import time, requests, sim

sim.set_latency('https://slow.example.com', 2)
sim.set_latency('http://slow.example.com:8080', 2)
for url, timeout in (('https://slow.example.com/a', 0.5),
                     ('https://slow.example.com/a', 2),
                     ('http://slow.example.com:8080/', (5, 1)),
                     ('https://SLOW.example.com', 1),
                     ('https://slow.example.com', (0.1, None)),
                     ('https://Slow.Example.com:0443/x', 0.25)):
    start = time.monotonic()
    try:
        r = requests.get(url, timeout=timeout)
        print('ok', r.status_code, time.monotonic() - start)
    except requests.Timeout as e:
        print(type(e).__name__, e, time.monotonic() - start, isinstance(e, requests.ReadTimeout))
for bad in (0, -1, 'x', True, (1, 2, 3), (1, 0), (None, False), ('a', 1), [1, 2], 0.0):
    try:
        requests.get('https://x', timeout=bad)
    except ValueError as e:
        print('ValueError', e)
for call in (lambda: requests.get(), lambda: requests.get('https://x', 1), lambda: requests.get('https://x', tmeout=1)):
    try:
        call()
    except TypeError as e:
        print('TypeError', e)
print(time.monotonic())
