# time on the virtual clock: time() = 1704067200.0 + clock, sleep() blocks (moves the clock)
import time

print(time.time(), time.perf_counter(), time.monotonic(), time.time_ns(), time.monotonic_ns())
time.sleep(1.5)
print(time.time(), time.perf_counter(), time.perf_counter_ns())
time.sleep(0)
time.sleep(2)
print(time.monotonic(), time.strftime("%Y-%m-%d %H:%M:%S"), time.ctime(), time.asctime())
print(time.localtime())
print(time.gmtime(0), time.gmtime(0).tm_zone, time.localtime().tm_zone)
t = time.localtime(1704067200 + 86400 * 40 + 3661)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t[0], len(t), tuple(t))
print(time.strftime("%a %A %b %B %d %j %U %w %y %Z %p %I %%", t), time.mktime(t))
for bad in ["1", None, -1, float("nan")]:
    try:
        time.sleep(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    time.sleep()
except TypeError as e:
    print(e)
try:
    time.time(1)
except TypeError as e:
    print(e)


async def main():
    import asyncio
    start = time.perf_counter()
    await asyncio.sleep(0.25)
    time.sleep(0.5)  # blocks the loop: the clock moves, no task runs
    print(f"{time.perf_counter() - start:.2f}")

import asyncio
asyncio.run(main())
print(time.time())
