# Tutorial 002 (Chinese), chapter 4, "gather 中的异常": with return_exceptions=True the
# exceptions come back in the results list; without it the first exception is raised at
# `await gather(...)` while the other awaitables keep running.
import asyncio
import time


async def fetch_status(url: str) -> int:
    if not url.startswith('https://'):
        await asyncio.sleep(0)
        raise ValueError(f'bad URL {url}')
    await asyncio.sleep(0.5)
    print(f'fetched {url} at t={time.perf_counter():.1f}')
    return 200


async def main():
    urls = ['https://example.com', 'python://example.com', 'https://baidu.com']
    tasks = [fetch_status(url) for url in urls]
    results = await asyncio.gather(*tasks, return_exceptions=True)
    exceptions = [res for res in results if isinstance(res, Exception)]
    successful_results = [res for res in results if not isinstance(res, Exception)]
    print(f'All results: {results}')
    print(f'Finished successfully: {successful_results}')
    print(f'Threw exceptions: {exceptions}')

    try:
        await asyncio.gather(*[fetch_status(url) for url in urls])
    except ValueError as e:
        print(f'gather raised {e!r} at t={time.perf_counter():.1f}')
    await asyncio.sleep(1)
    print(f'main done at t={time.perf_counter():.1f}')


asyncio.run(main())
