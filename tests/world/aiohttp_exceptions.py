"""Tutorial 002 (aiohttp): a bad URL among good ones -- gather with
return_exceptions=True, then wait(return_when=FIRST_EXCEPTION) and cancelling
what is still pending. A non-http(s) URL raises aiohttp.InvalidURL at once."""
import asyncio
import functools
import time

import aiohttp


def async_timed():
    def wrapper(func):
        @functools.wraps(func)
        async def wrapped(*args, **kwargs):
            print(f'starting {func.__name__} {args[1:]}')
            start = time.time()
            try:
                return await func(*args, **kwargs)
            finally:
                print(f'finished {func.__name__} in {time.time() - start:.4f} second(s)')
        return wrapped
    return wrapper


@async_timed()
async def fetch_status(session, url, delay=0):
    await asyncio.sleep(delay)
    async with session.get(url) as result:
        return result.status


async def main():
    async with aiohttp.ClientSession() as session:
        urls = ['https://www.example.com', 'python://example.com']
        tasks = [fetch_status(session, url) for url in urls]
        results = await asyncio.gather(*tasks, return_exceptions=True)
        exceptions = [res for res in results if isinstance(res, Exception)]
        successful_results = [res for res in results if not isinstance(res, Exception)]
        print(f'All results: {results}')
        print(f'Finished successfully: {successful_results}')
        print(f'Threw exceptions: {exceptions}')

        fetchers = [
            asyncio.create_task(fetch_status(session, 'python://bad.com')),
            asyncio.create_task(fetch_status(session, 'https://www.example.com', delay=3)),
            asyncio.create_task(fetch_status(session, 'https://www.example.com', delay=3)),
        ]
        done, pending = await asyncio.wait(fetchers, return_when=asyncio.FIRST_EXCEPTION)
        print(f'Done task count: {len(done)}')
        print(f'Pending task count: {len(pending)}')
        for done_task in done:
            if done_task.exception() is None:
                print(done_task.result())
            else:
                print('Request failed:', repr(done_task.exception()))
        for pending_task in pending:
            print(f'Cancelling {pending_task.get_name()}')
            pending_task.cancel()


asyncio.run(main())

# Expected output:
# starting fetch_status ('https://www.example.com',)
# starting fetch_status ('python://example.com',)
# finished fetch_status in 0.0000 second(s)
# finished fetch_status in 0.1000 second(s)
# All results: [200, <InvalidURL python://example.com>]
# Finished successfully: [200]
# Threw exceptions: [<InvalidURL python://example.com>]
# starting fetch_status ('python://bad.com',)
# starting fetch_status ('https://www.example.com',)
# starting fetch_status ('https://www.example.com',)
# finished fetch_status in 0.0000 second(s)
# Done task count: 1
# Pending task count: 2
# Request failed: <InvalidURL python://bad.com>
# Cancelling Task-5
# Cancelling Task-6
# finished fetch_status in 0.0000 second(s)
# finished fetch_status in 0.0000 second(s)
