# Tutorial 002 (Chinese), chapter 4, "监听异常": asyncio.wait(return_when=FIRST_EXCEPTION)
# returns as soon as one task fails; the still-pending tasks are then cancelled.
import asyncio
import time


async def fetch_status(url: str, delay: float = 0) -> int:
    await asyncio.sleep(delay)
    if not url.startswith('https://'):
        raise ValueError(f'bad URL {url}')
    await asyncio.sleep(0.1)
    return 200


async def main():
    fetchers = [
        asyncio.create_task(fetch_status('python://bad.com', delay=0.5)),
        asyncio.create_task(fetch_status('https://www.baidu.com', delay=3)),
        asyncio.create_task(fetch_status('https://www.baidu.com', delay=0.2)),
    ]
    done, pending = await asyncio.wait(fetchers, return_when=asyncio.FIRST_EXCEPTION)
    print(f'done: {len(done)}, pending: {len(pending)} at t={time.perf_counter():.1f}')
    for done_task in done:
        if done_task.exception() is None:
            print(f'{done_task.get_name()}: {done_task.result()}')
        else:
            print(f'{done_task.get_name()}: request failed: {done_task.exception()!r}')
    for pending_task in pending:
        print(f'cancelling {pending_task.get_name()}')
        pending_task.cancel()
    await asyncio.sleep(0)
    print(f'cancelled: {[t.cancelled() for t in fetchers]}')


asyncio.run(main())
