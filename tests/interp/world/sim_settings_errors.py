# set_latency / set_status argument checks.
import sim

calls = [lambda: sim.set_latency(1, 1),
         lambda: sim.set_latency('https://x', '1'),
         lambda: sim.set_latency('https://x', -2),
         lambda: sim.set_latency('https://x', float('inf')),
         lambda: sim.set_latency('https://x', float('nan')),
         lambda: sim.set_latency(None, -1),
         lambda: sim.set_status(b'https://x', 200),
         lambda: sim.set_status('https://x', 200.0),
         lambda: sim.set_status('https://x', True),
         lambda: sim.set_status('https://x', 99),
         lambda: sim.set_status('https://x', 600),
         lambda: sim.set_status('https://x', None)]
for call in calls:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sim.set_latency('https://x', 2), sim.set_status('https://x', 599))
print(sorted(sim._latencies.items()), sorted(sim._statuses.items()))
sim.set_latency('https://x', 1)
sim.set_latency('', True)
print(sim._latencies, sim._statuses, sim.DEFAULT_LATENCY, sim.DEFAULT_STATUS)
