# looplab-args: --until 3
# sim.cpu past --until stops the run at the limit.
import time, sim

sim.cpu(2)
print(time.monotonic())
sim.cpu(2)
print('not reached')
