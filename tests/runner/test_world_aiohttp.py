"""Tests for the simulated aiohttp (tools/world/aiohttp.py) under
tools/cpython_runner.py; docs/world.md is the contract. Helpers in test_world.py.

    /usr/bin/python3 -m unittest discover -s tests/runner -p 'test_world*.py'
"""

import unittest

from test_world import WorldTest


class AiohttpTest(WorldTest):
    def test_concurrent_gets_finish_with_the_slowest(self):
        proc, ticks = self.run_ticks('''
            import asyncio, time, aiohttp, sim
            for name, latency in (('a', 1), ('b', 2), ('c', 3)):
                sim.set_latency(f'https://{name}.example.com', latency)
            async def fetch(session, url):
                async with session.get(url) as resp:
                    print(url, resp.status, time.monotonic())
                    return resp.status
            async def main():
                async with aiohttp.ClientSession() as session:
                    urls = [f'https://{n}.example.com' for n in 'cab']
                    print(await asyncio.gather(*(fetch(session, u) for u in urls)))
                print('total', time.monotonic())
            asyncio.run(main())
        ''')
        self.assertRun(proc, 'https://a.example.com 200 1.0\n'
                             'https://b.example.com 200 2.0\n'
                             'https://c.example.com 200 3.0\n'
                             '[200, 200, 200]\ntotal 3.0\n')
        self.assertTicks(ticks, '''
            0 Task-1
            0 Task-2
            0 Task-3
            0 Task-4
            1 Task-3
            2 Task-4
            3 Task-2
            3 Task-1
            3 Task-5
            3 Task-6
        ''')

    def test_sequential_gets_add_up(self):
        proc, ticks = self.run_ticks('''
            import asyncio, time, aiohttp, sim
            for name, latency in (('a', 1), ('b', 2), ('c', 3)):
                sim.set_latency(f'https://{name}.example.com', latency)
            async def main():
                session = aiohttp.ClientSession()
                for n in 'abc':
                    resp = await session.get(f'https://{n}.example.com')
                    print(resp.status, await resp.text(), time.monotonic())
                await session.close()
                print(session.closed)
            asyncio.run(main())
        ''')
        self.assertRun(proc, '200 <html><body>OK</body></html> 1.0\n'
                             '200 <html><body>OK</body></html> 3.0\n'
                             '200 <html><body>OK</body></html> 6.0\nTrue\n')
        # One step per request (its asyncio.sleep); text() and close() add none.
        self.assertTicks(ticks, '''
            0 Task-1
            1 Task-1
            3 Task-1
            6 Task-1
            6 Task-2
            6 Task-3
        ''')

    def test_connector_limit_queues_requests_fifo(self):
        proc, ticks = self.run_ticks('''
            import asyncio, time, aiohttp, sim
            sim.set_latency('https://', 1)
            async def fetch(session, i):
                async with session.get(f'https://example.com/{i}') as resp:
                    print(i, 'done at', time.monotonic())
            async def main():
                connector = aiohttp.TCPConnector(limit=2)
                async with aiohttp.ClientSession(connector=connector) as session:
                    await asyncio.gather(*(fetch(session, i) for i in range(5)))
                print('total', time.monotonic(), connector.limit)
            asyncio.run(main())
        ''')
        self.assertRun(proc, '0 done at 1.0\n1 done at 1.0\n2 done at 2.0\n'
                             '3 done at 2.0\n4 done at 3.0\ntotal 3.0 2\n')
        # At t=1 Task-2's release wakes Task-4, Task-3's wakes Task-5; the
        # woken ones step once to take the slot (and start their sleep).
        self.assertTicks(ticks, '''
            0 Task-1
            0 Task-2
            0 Task-3
            0 Task-4
            0 Task-5
            0 Task-6
            1 Task-2
            1 Task-3
            1 Task-4
            1 Task-5
            2 Task-4
            2 Task-5
            2 Task-6
            3 Task-6
            3 Task-1
            3 Task-7
            3 Task-8
        ''')

    def test_limit_is_per_connector_and_zero_means_no_limit(self):
        proc = self.run_runner('''
            import asyncio, time, aiohttp, sim
            sim.set_latency('https://', 1)
            async def burst(session, n):
                await asyncio.gather(*(session.get(f'https://x/{i}') for i in range(n)))
                return time.monotonic()
            async def main():
                async with aiohttp.ClientSession() as s:     # limit=100
                    print(await burst(s, 250))
                async with aiohttp.ClientSession(
                        connector=aiohttp.TCPConnector(limit=0)) as s:
                    print(await burst(s, 250))
                one = aiohttp.TCPConnector(limit=1)
                a = aiohttp.ClientSession(connector=one)
                b = aiohttp.ClientSession(connector=one)
                await asyncio.gather(burst(a, 2), burst(b, 2))
                print(time.monotonic())
            asyncio.run(main())
        ''')
        self.assertRun(proc, '3.0\n4.0\n8.0\n')

    def test_cancelled_waiter_and_cancelled_holder_free_their_slot(self):
        proc = self.run_runner('''
            import asyncio, time, aiohttp, sim
            sim.set_latency('https://slow', 5)
            sim.set_latency('https://fast', 1)
            async def main():
                async with aiohttp.ClientSession(
                        connector=aiohttp.TCPConnector(limit=1)) as session:
                    slow = asyncio.create_task(session.get('https://slow'))
                    queued = asyncio.create_task(session.get('https://fast/1'))
                    last = asyncio.create_task(session.get('https://fast/2'))
                    await asyncio.sleep(0.5)
                    queued.cancel()
                    try:
                        await asyncio.wait_for(slow, 2)
                    except asyncio.TimeoutError:
                        print('slow timed out at', time.monotonic())
                    resp = await last
                    print(resp.status, time.monotonic(), queued.cancelled())
            asyncio.run(main())
        ''')
        self.assertRun(proc, 'slow timed out at 2.5\n200 3.5 True\n')

    def test_client_timeout_total(self):
        proc = self.run_runner('''
            import asyncio, time, aiohttp, sim
            sim.set_latency('https://slow', 2)
            async def attempt(session, **kwargs):
                start = time.monotonic()
                try:
                    async with session.get('https://slow', **kwargs) as resp:
                        print('ok', resp.status, time.monotonic() - start)
                except asyncio.TimeoutError as e:
                    print('timeout', repr(e), time.monotonic() - start,
                          isinstance(e, aiohttp.ClientError))
            async def main():
                half = aiohttp.ClientTimeout(total=0.5)
                async with aiohttp.ClientSession(timeout=half) as session:
                    await attempt(session)
                    await attempt(session, timeout=aiohttp.ClientTimeout(total=2))
                    await attempt(session, timeout=aiohttp.ClientTimeout(total=0))
                    await attempt(session, timeout=aiohttp.ClientTimeout(1.5, connect=.1))
                    await attempt(session, timeout=3)
                    await attempt(session, timeout=0.25)
                async with aiohttp.ClientSession() as session:
                    await attempt(session)
                    await attempt(session, timeout=half)
                print(half, aiohttp.ClientTimeout())
            asyncio.run(main())
        ''')
        self.assertRun(proc, (
            'timeout TimeoutError() 0.5 False\n'
            'ok 200 2.0\n'
            'ok 200 2.0\n'
            'timeout TimeoutError() 1.5 False\n'
            'ok 200 2.0\n'
            'timeout TimeoutError() 0.25 False\n'
            'ok 200 2.0\n'
            'timeout TimeoutError() 0.5 False\n'
            'ClientTimeout(total=0.5, connect=None) '
            'ClientTimeout(total=None, connect=None)\n'))

    def test_timeout_at_half_a_second_ticks(self):
        proc, ticks = self.run_ticks('''
            import asyncio, time, aiohttp, sim
            sim.set_latency('https://example.com', 2)
            async def main():
                timeout = aiohttp.ClientTimeout(total=0.5)
                async with aiohttp.ClientSession(timeout=timeout) as session:
                    async with session.get('https://example.com') as resp:
                        print(resp.status)
            asyncio.run(main())
        ''')
        self.assertEqual(proc.stdout, '')
        self.assertEqual(proc.returncode, 1)
        self.assertTrue(proc.stderr.endswith('\nTimeoutError\n'), proc.stderr)
        self.assertTicks(ticks, '''
            0 Task-1
            0.5 Task-1
            0.5 Task-2
            0.5 Task-3
        ''')

    def test_invalid_url_fails_at_first_await_without_delay(self):
        proc, ticks = self.run_ticks('''
            import asyncio, time, aiohttp, sim
            async def fetch_status(session, url):
                async with session.get(url) as resp:
                    return resp.status
            async def main():
                async with aiohttp.ClientSession() as session:
                    pending = session.get('python://example.com')  # nothing yet
                    try:
                        await pending
                    except aiohttp.InvalidURL as e:
                        print(repr(e), str(e), e.url, e.args, time.monotonic())
                        print(isinstance(e, aiohttp.ClientError),
                              isinstance(e, ValueError), type(e).__module__)
                    for bad in ('ftp://x', 'example.com', 'https://', 'http:/x',
                                'https://host:port/'):
                        try:
                            await session.get(bad)
                        except aiohttp.InvalidURL as e:
                            print('invalid', e)
                    urls = ['https://example.com', 'python://example.com']
                    print(await asyncio.gather(
                        *(fetch_status(session, u) for u in urls),
                        return_exceptions=True), time.monotonic())
            asyncio.run(main())
        ''')
        self.assertRun(proc, (
            "<InvalidURL python://example.com> python://example.com "
            "python://example.com ('python://example.com',) 0.0\n"
            'True True aiohttp.client_exceptions\n'
            'invalid ftp://x\ninvalid example.com\ninvalid https://\n'
            'invalid http:/x\ninvalid https://host:port/\n'
            '[200, <InvalidURL python://example.com>] 0.1\n'))
        self.assertTicks(ticks, '''
            0 Task-1
            0 Task-2
            0 Task-3
            0.1 Task-2
            0.1 Task-1
            0.1 Task-4
            0.1 Task-5
        ''')

    def test_uncaught_invalid_url_traceback_last_line(self):
        proc = self.run_runner('''
            import asyncio, aiohttp
            async def main():
                async with aiohttp.ClientSession() as session:
                    await session.get('python://bad')
            asyncio.run(main())
        ''')
        self.assertEqual((proc.stdout, proc.returncode), ('', 1))
        self.assertTrue(proc.stderr.endswith(
            '\naiohttp.client_exceptions.InvalidURL: python://bad\n'), proc.stderr)

    def test_status_codes_ok_and_raise_for_status(self):
        proc = self.run_runner('''
            import asyncio, aiohttp, sim
            sim.set_status('https://example.com/missing', 404)
            sim.set_status('https://example.com/broken', 500)
            sim.set_status('https://example.com/moved', 301)
            sim.set_status('https://example.com/odd', 299)
            async def main():
                async with aiohttp.ClientSession() as session:
                    for path in ('', '/missing', '/broken', '/moved', '/odd'):
                        url = 'https://example.com' + path
                        async with session.get(url) as resp:
                            print(resp.status, repr(resp.reason), resp.ok,
                                  resp.url, await resp.text())
                            try:
                                resp.raise_for_status()
                            except aiohttp.ClientResponseError as e:
                                print(' ', e.status, e.message, '|', e)
                                print(' ', repr(e))
            asyncio.run(main())
        ''')
        body = '<html><body>OK</body></html>'
        self.assertRun(proc, (
            f"200 'OK' True https://example.com {body}\n"
            f"404 'Not Found' False https://example.com/missing {body}\n"
            "  404 Not Found | 404, message='Not Found', "
            "url='https://example.com/missing'\n"
            "  ClientResponseError(RequestInfo(url='https://example.com/missing', "
            "method='GET', real_url='https://example.com/missing'), (), "
            "status=404, message='Not Found')\n"
            f"500 'Internal Server Error' False https://example.com/broken {body}\n"
            "  500 Internal Server Error | 500, message='Internal Server Error', "
            "url='https://example.com/broken'\n"
            "  ClientResponseError(RequestInfo(url='https://example.com/broken', "
            "method='GET', real_url='https://example.com/broken'), (), "
            "status=500, message='Internal Server Error')\n"
            f"301 'Moved Permanently' True https://example.com/moved {body}\n"
            f"299 '' True https://example.com/odd {body}\n"))

    def test_get_is_a_coroutine_for_tasks_and_warns_when_never_awaited(self):
        proc, ticks = self.run_ticks('''
            import asyncio, time, aiohttp
            async def main():
                session = aiohttp.ClientSession()
                task = asyncio.create_task(session.get('https://x'), name='fetch')
                print(asyncio.iscoroutine(task.get_coro()), task.get_name())
                resp = await task
                print(resp.status, time.monotonic())
                session.get('https://y')
                await session.close()
            asyncio.run(main())
        ''')
        self.assertEqual(proc.stdout, 'True fetch\n200 0.1\n')
        # 3.11's asyncio.create_task(coro, name=...) creates the task unnamed
        # (using up Task-2) and renames it; the shutdown steps are Task-3, -4.
        self.assertIn("RuntimeWarning: coroutine 'ClientSession._request' was "
                      "never awaited", proc.stderr)
        self.assertTicks(ticks, '''
            0 Task-1
            0 fetch
            0.1 fetch
            0.1 Task-1
            0.1 Task-3
            0.1 Task-4
        ''')

    def test_zero_latency_yields_once(self):
        proc, ticks = self.run_ticks('''
            import asyncio, time, aiohttp, sim
            sim.set_latency('https://local', 0)
            async def other():
                print('other runs while the request yields')
            async def main():
                asyncio.create_task(other())
                async with aiohttp.ClientSession() as session:
                    async with session.get('https://local/x') as resp:
                        print(resp.status, time.monotonic())
            asyncio.run(main())
        ''')
        self.assertRun(proc, 'other runs while the request yields\n200 0.0\n')
        self.assertTicks(ticks, '''
            0 Task-1
            0 Task-2
            0 Task-1
            0 Task-3
            0 Task-4
        ''')

    def test_closed_session(self):
        proc = self.run_runner('''
            import asyncio, aiohttp
            async def main():
                async with aiohttp.ClientSession() as session:
                    pass
                print(session.closed)
                try:
                    await session.get('https://x')
                except RuntimeError as e:
                    print('RuntimeError', e)
            asyncio.run(main())
        ''')
        self.assertRun(proc, 'True\nRuntimeError Session is closed\n')

    def test_construction_errors_and_reprs(self):
        proc = self.run_runner('''
            import asyncio, aiohttp
            from aiohttp import ClientSession
            print(ClientSession().__repr__().startswith(
                '<aiohttp.client.ClientSession object at 0x'))
            attempts = [lambda: ClientSession(timeout=5),
                        lambda: ClientSession(connector=3),
                        lambda: aiohttp.TCPConnector(limit=-1),
                        lambda: aiohttp.TCPConnector(limit=2.5),
                        lambda: aiohttp.ClientTimeout(total='1'),
                        lambda: aiohttp.ClientTimeout(connect=-1)]
            for attempt in attempts:
                try:
                    attempt()
                except (TypeError, ValueError) as e:
                    print(type(e).__name__, e)
            async def main():
                try:
                    await ClientSession().get('https://x', timeout='1')
                except TypeError as e:
                    print('TypeError', e)
                try:
                    await ClientSession().get(42)
                except TypeError as e:
                    print('TypeError', e)
            asyncio.run(main())
        ''')
        self.assertRun(proc, (
            'True\n'
            "ValueError timeout parameter cannot be of <class 'int'> type, "
            "please use 'timeout=ClientTimeout(...)'\n"
            "TypeError ClientSession(): connector must be a TCPConnector, not 'int'\n"
            'ValueError TCPConnector(): limit must be >= 0, got -1\n'
            "TypeError TCPConnector(): limit must be an int, not 'float'\n"
            "TypeError ClientTimeout(): total must be an int or float, not 'str'\n"
            'ValueError ClientTimeout(): connect must be >= 0, got -1\n'
            "TypeError timeout must be a ClientTimeout or a number, not 'str'\n"
            "TypeError url must be a str, not 'int'\n"))


if __name__ == '__main__':
    unittest.main()
