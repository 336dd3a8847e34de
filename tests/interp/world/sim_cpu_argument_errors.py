# sim.cpu's argument checks, in order, with the reference's messages.
import sim

for bad in ('1', None, [], -1, -0.5, float('nan'), float('inf'), -float('inf'), b'x'):
    try:
        sim.cpu(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for call in (lambda: sim.cpu(), lambda: sim.cpu(1, 2), lambda: sim.cpu(secs=1),
             lambda: sim.cpu(1, seconds=2), lambda: sim.set_latency('x'),
             lambda: sim.set_status(), lambda: sim.set_status('a', 200, 3)):
    try:
        call()
    except TypeError as e:
        print('TypeError', e)
sim.cpu(seconds=0.5)
print('ok', sim.CORES)
