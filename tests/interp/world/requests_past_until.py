# looplab-args: --until 1.5
# requests.get blocking past --until stops the run at the limit.
import time, requests, sim

sim.set_latency('https://', 1)
print(requests.get('https://a').status_code, time.monotonic())
requests.get('https://b')
print('not reached')
