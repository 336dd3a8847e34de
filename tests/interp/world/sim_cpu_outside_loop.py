# sim.cpu and time.sleep outside any loop move the clock.
import time, sim

sim.cpu(1.5)
print(time.perf_counter())
time.sleep(1)
sim.cpu(0)
sim.cpu(True)
print(time.monotonic(), time.time() - 1704067200.0)
print(sim.cpu(0.25), time.monotonic())
