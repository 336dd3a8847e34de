# Tutorial 002 (Chinese), chapter 4, "wait": asyncio.wait with the default ALL_COMPLETED
# returns (done, pending) sets; results and exceptions are read from the done tasks.
import asyncio
import time


async def fetch_status(url: str, delay: float = 0) -> int:
    await asyncio.sleep(delay)
    if not url.startswith('https://'):
        raise ValueError(f'bad URL {url}')
    await asyncio.sleep(0.1)
    return 200


async def main():
    good_request = fetch_status('https://baidu.com')
    bad_request = fetch_status('python://bad')
    fetchers = [asyncio.create_task(good_request), asyncio.create_task(bad_request)]
    done, pending = await asyncio.wait(fetchers)
    print(f'done: {len(done)}, pending: {len(pending)} at t={time.perf_counter():.1f}')
    for done_task in done:
        if done_task.exception() is None:
            print(f'{done_task.get_name()}: {done_task.result()}')
        else:
            print(f'{done_task.get_name()}: request failed: {done_task.exception()!r}')


asyncio.run(main())
