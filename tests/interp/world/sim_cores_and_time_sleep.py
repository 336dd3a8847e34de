# os.cpu_count() follows sim.CORES; time.sleep's argument checks are CPython's, then it blocks like sim.cpu.
import os, time, sim

print(sim.CORES, os.cpu_count())
sim.CORES = 8
print(os.cpu_count())
for bad in ('1', None, [], -1, -0.5, float('nan'), float('inf'), -float('inf'), 1e300, 2**62):
    try:
        time.sleep(bad)
    except Exception as e:
        print(type(e).__name__, e)
time.sleep(0.5)
sim.cpu(0.25)
time.sleep(True)
print(time.monotonic())
