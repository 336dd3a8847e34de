# Patterns from asyncio tutorials: logging with thread/function names, timestamps,
# random delays, perf_counter timing, f-strings of datetimes, sys.stderr.
import asyncio
import logging
import random
import sys
import time
from datetime import datetime, timedelta

logging.basicConfig(
    level=logging.INFO,
    format="%(asctime)s - %(name)s - %(levelname)s - [%(threadName)s] %(funcName)s:%(lineno)d - %(message)s",
    datefmt="%H:%M:%S",
)
logger = logging.getLogger("tutorial")
# DEBUG for this logger only: with the root at DEBUG, CPython's asyncio would log
# "Using selector: ..." when the loop is created.
logger.setLevel(logging.DEBUG)


async def fetch(i):
    delay = random.randint(1, 3) / 10
    logger.debug("fetch %d sleeping %.1f", i, delay)
    await asyncio.sleep(delay)
    if i == 2:
        raise ValueError(f"bad item {i}")
    return i * 10


async def main():
    t0 = time.perf_counter()
    print(f"Started at {datetime.now():%H:%M:%S.%f}", flush=True)
    results = await asyncio.gather(*(fetch(i) for i in range(4)), return_exceptions=True)
    for r in results:
        if isinstance(r, Exception):
            logger.error("failed: %r", r)
            print(f"error: {r}", file=sys.stderr)
        else:
            logger.info("got %s", r)
    elapsed = time.perf_counter() - t0
    print(f"Finished in {elapsed:0.2f} seconds at {datetime.now().time()}")
    deadline = datetime.now() + timedelta(seconds=5)
    print("deadline", deadline.isoformat(timespec="milliseconds"), (deadline - datetime.now()).total_seconds())
    logger.warning("done; %d results", len(results))


if __name__ == "__main__":
    start = time.time()
    asyncio.run(main())
    print(f"total {time.time() - start:.3f}s", time.strftime("%X"), time.ctime(start))
