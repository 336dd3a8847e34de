# A plain synchronous script: requests one after another, timed with time.time/perf_counter.
import time
import requests
import sim

sim.set_latency('https://api.example.com/users', 0.75)
sim.set_latency('https://api.example.com/posts', 1.25)
sim.set_status('https://api.example.com/posts/0', 404)

start = time.perf_counter()
for path in ('users/1', 'users/2', 'posts/0', 'posts/1'):
    t0 = time.time()
    r = requests.get(f'https://api.example.com/{path}')
    print(f'{path}: {r.status_code} {r.reason} {len(r.text)} chars in {time.time() - t0:.2f}s', 'ok' if r else 'failed')
print(f'total {time.perf_counter() - start:.2f}s')
try:
    requests.get('https://api.example.com/posts/0').raise_for_status()
except requests.exceptions.HTTPError as e:
    print('HTTPError:', e)
    print(e.response.status_code, e.response.url)
