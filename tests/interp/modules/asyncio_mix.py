# The standard modules inside an asyncio program, as tutorials use them.
import asyncio
import logging
import random
import time
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial, wraps
from collections import deque, Counter

logging.basicConfig(level=logging.INFO, format="%(asctime)s [%(levelname)s] %(message)s")
log = logging.getLogger(__name__)


@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)
    attempts: list = field(default_factory=list, compare=False, repr=False)


def timed(fn):
    @wraps(fn)
    async def wrapper(*args, **kwargs):
        start = time.perf_counter()
        result = await fn(*args, **kwargs)
        print(f"{fn.__name__} took {time.perf_counter() - start:.2f}s")
        return result
    return wrapper


@timed
async def worker(name, queue, results):
    while True:
        job = await queue.get()
        delay = random.uniform(0.1, 0.5)
        await asyncio.sleep(delay)
        job.attempts.append(round(delay, 3))
        results[name] += 1
        log.info("%s finished %s at %s", name, job, datetime.now().strftime("%H:%M:%S.%f"))
        queue.task_done()
        if queue.empty():
            return name


async def main():
    random.seed(7)
    queue = asyncio.Queue()
    for i, p in enumerate(random.sample(range(10), 5)):
        queue.put_nowait(Job(p, f"job{i}"))
    results = Counter()
    started = datetime.now()
    done = await asyncio.gather(*(worker(f"w{i}", queue, results) for i in range(2)))
    print(done, results.most_common(), datetime.now() - started)
    history = deque(maxlen=3)
    for n in range(5):
        history.append(n)
    print(history, sorted([Job(3, "c"), Job(1, "a")]))
    loop = asyncio.get_running_loop()
    later = partial(print, "called later", sep=": ")
    loop.call_later(0.5, later, time.monotonic())
    await asyncio.sleep(1)
    try:
        await asyncio.wait_for(asyncio.sleep(5), timeout=0.2)
    except asyncio.TimeoutError:
        log.exception("timed out at t=%.1f", time.monotonic())


asyncio.run(main())
print(time.time(), datetime.now())
