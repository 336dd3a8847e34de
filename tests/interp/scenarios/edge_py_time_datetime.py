# time.time(), perf_counter(), monotonic() and datetime.now() follow the virtual clock.
import asyncio
import datetime
import time


async def main():
    print(time.time(), time.perf_counter(), time.monotonic())
    print(datetime.datetime.now())
    start = time.time()
    await asyncio.sleep(90.5)
    print(f"{time.time() - start:.3f}", time.perf_counter())
    now = datetime.datetime.now()
    print(now, now.year, now.minute, now.second, now.microsecond)
    print(now.strftime("%Y-%m-%d %H:%M:%S"), now.isoformat())
    later = now + datetime.timedelta(hours=1, seconds=30)
    print(later, later - now, (later - now).total_seconds())
    await asyncio.sleep(200 - 90.5)
    print(datetime.datetime.now(), f"{time.monotonic():.1f}")
    time.sleep(0.25)
    print(datetime.datetime.now(), time.perf_counter())


asyncio.run(main())
