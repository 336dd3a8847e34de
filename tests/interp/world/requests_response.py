# requests.Response: status_code, reason, ok, bool, url, text, repr, raise_for_status.
import time, requests, sim

sim.set_status('https://example.com/missing', 404)
sim.set_status('https://example.com/down', 503)
sim.set_status('http://example.com/', 204)
sim.set_status('https://example.com/odd', 299)
for url in ('https://example.com', 'https://example.com/missing',
            'https://example.com/down', 'http://example.com/', 'https://example.com/odd'):
    r = requests.get(url)
    print(r, r.status_code, repr(r.reason), r.ok, bool(r), r.url, r.text)
    try:
        print(r.raise_for_status())
    except requests.HTTPError as e:
        print(' ', e, e.response is r, e.request, repr(e), e.args)
print(time.monotonic())
print(type(r), type(r).__module__, requests.Response('u', 201))
r = requests.get(url='https://example.com', timeout=None)
print(r.status_code, time.monotonic())
