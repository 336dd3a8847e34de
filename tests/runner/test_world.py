"""Tests for the simulated world modules (tools/world/: sim, aiohttp, requests)
under tools/cpython_runner.py. docs/world.md is the contract tested here:
exact output, exact virtual times and, for some, the exact --ticks.
The aiohttp tests are in test_world_aiohttp.py.

    /usr/bin/python3 -m unittest discover -s tests/runner -p 'test_world*.py'
"""

import os
import subprocess
import tempfile
import textwrap
import unittest

PYTHON = '/usr/bin/python3'
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUNNER = os.path.join(REPO, 'tools', 'cpython_runner.py')
SCENARIOS = os.path.join(REPO, 'tests', 'world')


class WorldTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.dir = self._tmp.name
        self.addCleanup(self._tmp.cleanup)

    def run_file(self, path, *args):
        env = {k: v for k, v in os.environ.items() if k != 'PYTHONHASHSEED'}
        return subprocess.run([PYTHON, RUNNER, path, *args], capture_output=True,
                              text=True, timeout=60, cwd=self.dir, env=env)

    def run_runner(self, source, *args):
        path = os.path.join(self.dir, 'scenario.py')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(textwrap.dedent(source))
        return self.run_file(path, *args)

    def run_ticks(self, source, *args):
        ticks = os.path.join(self.dir, 'ticks.txt')
        proc = self.run_runner(source, '--ticks', ticks, *args)
        with open(ticks, encoding='utf-8') as f:
            return proc, f.read()

    def assertRun(self, proc, stdout, stderr='', code=0):
        self.assertEqual((proc.stdout, proc.stderr, proc.returncode),
                         (stdout, stderr, code))

    def assertTicks(self, ticks, expected):
        """expected: '<clock> <task>' pairs, one per step, all on loop 1."""
        lines = ['%.6f 1 %s' % (float(t), name) for t, name in
                 (line.split() for line in textwrap.dedent(expected).split('\n')
                  if line.strip())]
        self.assertEqual(ticks.splitlines(), lines)


# Every run ends with asyncio.run's two shutdown steps (shutdown_asyncgens,
# shutdown_default_executor), numbered after the scenario's own tasks.


class SimCpuTest(WorldTest):
    def test_cpu_freezes_the_loop_and_delays_a_sleeper(self):
        proc, ticks = self.run_ticks('''
            import asyncio, time, sim
            async def sleeper():
                await asyncio.sleep(1)
                print('sleeper woke at', time.monotonic())
            async def worker():
                sim.cpu(2)
                print('worker done at', time.monotonic())
            async def main():
                await asyncio.gather(sleeper(), worker())
                print('main done at', time.monotonic())
            asyncio.run(main())
        ''')
        self.assertRun(proc, 'worker done at 2.0\nsleeper woke at 2.0\n'
                             'main done at 2.0\n')
        self.assertTicks(ticks, '''
            0 Task-1
            0 Task-2
            0 Task-3
            2 Task-2
            2 Task-1
            2 Task-4
            2 Task-5
        ''')

    def test_overdue_timers_all_run_in_one_iteration_in_due_order(self):
        proc = self.run_runner('''
            import asyncio, time, sim
            async def sleeper(d):
                await asyncio.sleep(d)
                print('slept', d, 'woke at', time.monotonic())
            async def main():
                tasks = [asyncio.create_task(sleeper(d)) for d in (1.5, 0.5, 1)]
                await asyncio.sleep(0)
                sim.cpu(2)
                print('cpu done at', time.monotonic())
                await asyncio.gather(*tasks)
            asyncio.run(main())
        ''')
        self.assertRun(proc, 'cpu done at 2.0\nslept 0.5 woke at 2.0\n'
                             'slept 1 woke at 2.0\nslept 1.5 woke at 2.0\n')

    def test_cpu_and_time_sleep_outside_a_loop_move_the_clock(self):
        proc = self.run_runner('''
            import time, sim
            sim.cpu(1.5)
            print(time.perf_counter())
            time.sleep(1)
            sim.cpu(0)
            sim.cpu(True)
            print(time.monotonic(), time.time() - 1704067200.0)
        ''')
        self.assertRun(proc, '1.5\n3.5 3.5\n')

    def test_cpu_argument_errors(self):
        proc = self.run_runner('''
            import sim
            for bad in ('1', None, -1, -0.5, float('nan'), float('inf')):
                try:
                    sim.cpu(bad)
                except (TypeError, ValueError) as e:
                    print(type(e).__name__, e)
        ''')
        self.assertRun(proc, (
            "TypeError sim.cpu(): seconds must be an int or float, not 'str'\n"
            "TypeError sim.cpu(): seconds must be an int or float, not 'NoneType'\n"
            'ValueError sim.cpu(): seconds must be >= 0, got -1\n'
            'ValueError sim.cpu(): seconds must be >= 0, got -0.5\n'
            'ValueError sim.cpu(): seconds must be finite, got nan\n'
            'ValueError sim.cpu(): seconds must be finite, got inf\n'))

    def test_cpu_past_until_stops_at_until(self):
        proc = self.run_runner('''
            import time, sim
            sim.cpu(2)
            print(time.monotonic())
            sim.cpu(2)
            print('not reached')
        ''', '--until', '3')
        self.assertRun(proc, '2.0\n', 'looplab: stopped at t=3 (time limit)\n')

    def test_cpu_shows_as_a_slow_callback_in_debug_mode(self):
        proc = self.run_runner('''
            import asyncio, sim
            async def main():
                sim.cpu(0.25)
            asyncio.run(main(), debug=True)
        ''')
        self.assertEqual((proc.stdout, proc.returncode), ('', 0))
        self.assertIn('Executing <Task finished name=', proc.stderr)
        self.assertIn('took 0.250 seconds', proc.stderr)

    def test_cores_default_and_os_cpu_count(self):
        proc = self.run_runner('''
            import os, multiprocessing, sim
            print(sim.CORES, os.cpu_count(), multiprocessing.cpu_count())
            sim.CORES = 8
            print(os.cpu_count())
        ''')
        self.assertRun(proc, '4 4 4\n8\n')

    def test_time_sleep_argument_errors_match_cpython(self):
        source = '''
            import time
            for bad in ('1', None, [], -1, -0.5, float('nan'), float('inf'),
                        -float('inf'), 1e300, 2**70):
                try:
                    time.sleep(bad)
                except Exception as e:
                    print(type(e).__name__, e)
        '''
        proc = self.run_runner(source)
        real = subprocess.run([PYTHON, '-c', textwrap.dedent(source)],
                              capture_output=True, text=True, timeout=60)
        self.assertRun(proc, real.stdout)
        self.assertEqual(len(real.stdout.splitlines()), 10)


class SimNetworkSettingsTest(WorldTest):
    def test_longest_prefix_wins_for_latency_and_status(self):
        proc = self.run_runner('''
            import asyncio, time, aiohttp, sim
            sim.set_latency('https://api.example.com/slow', 3)
            sim.set_latency('https://api.example.com', 1)
            sim.set_latency('https://api.example.com/slow/but', 0.5)
            sim.set_status('https://api.example.com/missing', 404)
            sim.set_status('https://api.example.com/', 500)
            sim.set_status('https://api.example.com/', 503)     # replaces 500
            async def get(session, url):
                start = time.monotonic()
                async with session.get(url) as resp:
                    print(url, resp.status, time.monotonic() - start)
            async def main():
                async with aiohttp.ClientSession() as session:
                    for url in ('https://api.example.com',
                                'https://api.example.com/slow/x',
                                'https://api.example.com/slow/but/x',
                                'https://api.example.com/missing/page',
                                'https://API.example.com/slow',
                                'http://api.example.com/slow'):
                        await get(session, url)
            asyncio.run(main())
        ''')
        self.assertRun(proc, (
            'https://api.example.com 200 1.0\n'
            'https://api.example.com/slow/x 503 3.0\n'
            'https://api.example.com/slow/but/x 503 0.5\n'
            'https://api.example.com/missing/page 404 1.0\n'
            'https://API.example.com/slow 200 0.09999999999999964\n'
            'http://api.example.com/slow 200 0.09999999999999964\n'))

    def test_setting_errors(self):
        proc = self.run_runner('''
            import sim
            calls = [lambda: sim.set_latency(1, 1),
                     lambda: sim.set_latency('https://x', '1'),
                     lambda: sim.set_latency('https://x', -2),
                     lambda: sim.set_latency('https://x', float('inf')),
                     lambda: sim.set_status(b'https://x', 200),
                     lambda: sim.set_status('https://x', 200.0),
                     lambda: sim.set_status('https://x', True),
                     lambda: sim.set_status('https://x', 99),
                     lambda: sim.set_status('https://x', 600)]
            for call in calls:
                try:
                    call()
                except (TypeError, ValueError) as e:
                    print(type(e).__name__, e)
        ''')
        self.assertRun(proc, (
            "TypeError sim.set_latency(): url_prefix must be a str, not 'int'\n"
            "TypeError sim.set_latency(): seconds must be an int or float, not 'str'\n"
            'ValueError sim.set_latency(): seconds must be >= 0, got -2\n'
            'ValueError sim.set_latency(): seconds must be finite, got inf\n'
            "TypeError sim.set_status(): url_prefix must be a str, not 'bytes'\n"
            "TypeError sim.set_status(): code must be an int, not 'float'\n"
            "TypeError sim.set_status(): code must be an int, not 'bool'\n"
            'ValueError sim.set_status(): code must be between 100 and 599, got 99\n'
            'ValueError sim.set_status(): code must be between 100 and 599, got 600\n'))


class RequestsTest(WorldTest):
    def test_requests_in_coroutines_freeze_the_loop(self):
        proc, ticks = self.run_ticks('''
            import asyncio, time, requests, sim
            sim.set_latency('https://example.com', 1)
            async def ticker():
                for _ in range(3):
                    print('tick', time.monotonic())
                    await asyncio.sleep(0.5)
            async def get(i):
                resp = requests.get(f'https://example.com/{i}')
                print(i, resp.status_code, time.monotonic())
            async def main():
                await asyncio.gather(ticker(), get(1), get(2))
                print('total', time.monotonic())
            asyncio.run(main())
        ''')
        self.assertRun(proc, 'tick 0.0\n1 200 1.0\n2 200 2.0\n'
                             'tick 2.0\ntick 2.5\ntotal 3.0\n')
        # A step's line carries the clock when it starts: Task-4 starts after
        # Task-3's request blocked the loop for 1 s. The ticker's 0.5 s timer
        # is overdue by then and fires at 2.
        self.assertTicks(ticks, '''
            0 Task-1
            0 Task-2
            0 Task-3
            1 Task-4
            2 Task-2
            2.5 Task-2
            3 Task-2
            3 Task-1
            3 Task-5
            3 Task-6
        ''')

    def test_response(self):
        proc = self.run_runner('''
            import time, requests, sim
            sim.set_status('https://example.com/missing', 404)
            sim.set_status('https://example.com/down', 503)
            sim.set_status('http://example.com/', 204)
            for url in ('https://example.com', 'https://example.com/missing',
                        'https://example.com/down', 'http://example.com/'):
                r = requests.get(url)
                print(r, r.status_code, repr(r.reason), r.ok, bool(r), r.url, r.text)
                try:
                    r.raise_for_status()
                except requests.HTTPError as e:
                    print(' ', e, e.response is r)
            print(time.monotonic())
        ''')
        body = '<html><body>OK</body></html>'
        self.assertRun(proc, (
            f"<Response [200]> 200 'OK' True True https://example.com {body}\n"
            f"<Response [404]> 404 'Not Found' False False "
            f"https://example.com/missing {body}\n"
            '  404 Client Error: Not Found for url: https://example.com/missing True\n'
            f"<Response [503]> 503 'Service Unavailable' False False "
            f"https://example.com/down {body}\n"
            '  503 Server Error: Service Unavailable for url: '
            'https://example.com/down True\n'
            f"<Response [204]> 204 'No Content' True True http://example.com/ {body}\n"
            '0.4\n'))

    def test_bad_urls(self):
        proc = self.run_runner('''
            import time
            import requests.exceptions
            import requests
            for url in ('python://example.com', "mailto:o'neil@x", 'example.com',
                        'https://', 'ftp://x'):
                try:
                    requests.get(url)
                except requests.exceptions.RequestException as e:
                    print(type(e).__name__, e)
            e = requests.exceptions.InvalidSchema('x')
            print(requests.exceptions.InvalidSchema is requests.InvalidSchema,
                  isinstance(e, ValueError), isinstance(e, OSError),
                  issubclass(requests.ReadTimeout, requests.Timeout),
                  issubclass(requests.ConnectTimeout, requests.ConnectionError),
                  time.monotonic())
        ''')
        self.assertRun(proc, (
            "InvalidSchema No connection adapters were found for "
            "'python://example.com'\n"
            'InvalidSchema No connection adapters were found for '
            '"mailto:o\'neil@x"\n'
            "MissingSchema Invalid URL 'example.com': No scheme supplied. "
            'Perhaps you meant https://example.com?\n'
            "InvalidURL Invalid URL 'https://': No host supplied\n"
            "InvalidSchema No connection adapters were found for 'ftp://x'\n"
            'True True True True True 0.0\n'))

    def test_uncaught_invalid_schema_traceback_last_line(self):
        proc = self.run_runner('''
            import requests
            requests.get('python://bad')
        ''')
        self.assertEqual((proc.stdout, proc.returncode), ('', 1))
        self.assertTrue(proc.stderr.endswith(
            "\nrequests.exceptions.InvalidSchema: No connection adapters were "
            "found for 'python://bad'\n"), proc.stderr)

    def test_timeouts(self):
        proc = self.run_runner('''
            import time, requests, sim
            sim.set_latency('https://slow.example.com', 2)
            sim.set_latency('http://slow.example.com:8080', 2)
            for url, timeout in (('https://slow.example.com/a', 0.5),
                                 ('https://slow.example.com/a', 2),
                                 ('http://slow.example.com:8080/', (5, 1)),
                                 ('https://SLOW.example.com', 1),
                                 ('https://slow.example.com', (0.1, None))):
                start = time.monotonic()
                try:
                    r = requests.get(url, timeout=timeout)
                    print('ok', r.status_code, time.monotonic() - start)
                except requests.Timeout as e:
                    print(type(e).__name__, e, time.monotonic() - start)
            for bad in (0, -1, 'x', True, (1, 2, 3), (1, 0)):
                try:
                    requests.get('https://x', timeout=bad)
                except ValueError as e:
                    print('ValueError', e)
            print(time.monotonic())
        ''')
        self.assertRun(proc, (
            "ReadTimeout HTTPSConnectionPool(host='slow.example.com', port=443): "
            'Read timed out. (read timeout=0.5) 0.5\n'
            'ok 200 2.0\n'
            "ReadTimeout HTTPConnectionPool(host='slow.example.com', port=8080): "
            'Read timed out. (read timeout=1) 1.0\n'
            'ok 200 0.10000000000000009\n'
            'ok 200 1.9999999999999996\n'
            'ValueError Attempted to set connect timeout to 0, but the timeout '
            'cannot be set to a value less than or equal to 0.\n'
            'ValueError Attempted to set connect timeout to -1, but the timeout '
            'cannot be set to a value less than or equal to 0.\n'
            'ValueError Timeout value connect was x, but it must be an int, '
            'float or None.\n'
            'ValueError Timeout cannot be a boolean value. It must be an int, '
            'float or None.\n'
            'ValueError Invalid timeout (1, 2, 3). Pass a (connect, read) timeout '
            'tuple, or a single float to set both timeouts to the same value.\n'
            'ValueError Attempted to set read timeout to 0, but the timeout '
            'cannot be set to a value less than or equal to 0.\n'
            '5.6\n'))


def _expected_output(path):
    """A scenario's expected stdout: the comment block after its
    '# Expected output:' line, '# ' stripped from each line."""
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    start = lines.index('# Expected output:') + 1
    out = []
    for line in lines[start:]:
        if not line.startswith('#'):
            break
        out.append(line[2:])
    return '\n'.join(out) + '\n'


class ScenarioTest(WorldTest):
    """tests/world/*.py: tutorial-style scenarios with their expected output."""

    def test_scenarios(self):
        names = sorted(n for n in os.listdir(SCENARIOS) if n.endswith('.py'))
        self.assertGreaterEqual(len(names), 3)
        for name in names:
            with self.subTest(name):
                path = os.path.join(SCENARIOS, name)
                proc = self.run_file(path)
                self.assertRun(proc, _expected_output(path))


if __name__ == '__main__':
    unittest.main()
