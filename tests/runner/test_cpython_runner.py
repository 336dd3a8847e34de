"""Tests for tools/cpython_runner.py (docs/cpython-runner.md).

    /usr/bin/python3 -m unittest discover -s tests/runner
"""

import os
import random
import subprocess
import tempfile
import textwrap
import unittest

PYTHON = '/usr/bin/python3'
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUNNER = os.path.join(REPO, 'tools', 'cpython_runner.py')


class RunnerTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.dir = self._tmp.name
        self.addCleanup(self._tmp.cleanup)

    def write(self, source, name='scenario.py'):
        path = os.path.join(self.dir, name)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(textwrap.dedent(source))
        return path

    def run_runner(self, source, *args, name='scenario.py'):
        path = self.write(source, name)
        env = {k: v for k, v in os.environ.items() if k != 'PYTHONHASHSEED'}
        return subprocess.run([PYTHON, RUNNER, path, *args], capture_output=True,
                              text=True, timeout=60, cwd=self.dir, env=env)

    def run_ticks(self, source, *args):
        ticks = os.path.join(self.dir, 'ticks.txt')
        proc = self.run_runner(source, '--ticks', ticks, *args)
        with open(ticks, encoding='utf-8') as f:
            return proc, f.read()

    def assertRun(self, proc, stdout, stderr='', code=0):
        self.assertEqual((proc.stdout, proc.stderr, proc.returncode),
                         (stdout, stderr, code))


class ClockTest(RunnerTest):
    def test_clock_jumps_to_exact_due_times(self):
        proc = self.run_runner('''
            import asyncio, time
            async def main():
                loop = asyncio.get_running_loop()
                for _ in range(4):
                    await asyncio.sleep(0.25)
                print(time.perf_counter(), time.monotonic(), loop.time())
                loop.call_at(1.3, lambda: print(time.perf_counter()))
                await asyncio.sleep(1)
                for _ in range(10):
                    await asyncio.sleep(0.1)
                print(time.perf_counter())
            asyncio.run(main())
        ''')
        # Ten sleep(0.1) from t=2.0: due times are computed as time() + 0.1
        # exactly as call_later does, and the clock lands on each one.
        t = 2.0
        for _ in range(10):
            t += 0.1
        self.assertRun(proc, f'1.0 1.0 1.0\n1.3\n{t!r}\n')

    def test_ten_sleeps_of_a_tenth_accumulate_like_floats(self):
        proc = self.run_runner('''
            import asyncio, time
            async def main():
                for _ in range(10):
                    await asyncio.sleep(0.1)
                print(time.perf_counter())
                for _ in range(10):
                    time.sleep(0.1)
                print(time.perf_counter())
            asyncio.run(main())
        ''')
        # No drift beyond the float sums themselves: 0.1 added ten times, as
        # call_later's time() + delay does (and time.sleep's clock += secs).
        t = 0.0
        for _ in range(10):
            t += 0.1
        first = t
        for _ in range(10):
            t += 0.1
        self.assertEqual(repr(first), '0.9999999999999999')
        self.assertRun(proc, f'{first!r}\n{t!r}\n')

    def test_time_sleep_blocks_the_loop(self):
        proc = self.run_runner('''
            import asyncio, time
            async def ticker():
                for _ in range(3):
                    await asyncio.sleep(1)
                    print('tick', time.monotonic())
            async def blocker():
                time.sleep(2.5)
                print('blocked until', time.monotonic())
            async def main():
                await asyncio.gather(ticker(), blocker())
            asyncio.run(main())
        ''')
        self.assertRun(proc, 'blocked until 2.5\ntick 2.5\ntick 3.5\ntick 4.5\n')

    def test_time_and_datetime(self):
        proc = self.run_runner('''
            import asyncio, time, datetime
            from datetime import datetime as dt
            async def main():
                await asyncio.sleep(2.5)
                print(time.time(), time.time_ns())
                print(dt.now(), repr(datetime.datetime.now()))
                print(datetime.datetime.today() == dt(2024, 1, 1, 0, 0, 2, 500000))
                print(time.strftime('%Y-%m-%d %H:%M:%S'))
                print(dt.now() + datetime.timedelta(seconds=1))
            asyncio.run(main())
        ''')
        self.assertRun(proc, '1704067202.5 1704067202500000000\n'
                             '2024-01-01 00:00:02.500000 '
                             'datetime.datetime(2024, 1, 1, 0, 0, 2, 500000)\n'
                             'True\n2024-01-01 00:00:02\n'
                             '2024-01-01 00:00:03.500000\n')

    def test_random_seeded_with_zero_or_seed(self):
        source = 'import random\nprint(repr(random.random()), random.randint(1, 100))\n'
        rng = random.Random(0)
        expected = f'{rng.random()!r} {rng.randint(1, 100)}\n'
        self.assertTrue(expected.startswith('0.8444218515250481 '))
        self.assertRun(self.run_runner(source), expected)
        rng = random.Random(7)
        self.assertRun(self.run_runner(source, '--seed', '7'),
                       f'{rng.random()!r} {rng.randint(1, 100)}\n')

    def test_str_hashes_are_those_of_hashseed_zero(self):
        expected = subprocess.run(
            [PYTHON, '-c', 'print(hash("looplab"), {"a", "b", "c", "hello"})'],
            capture_output=True, text=True, env={'PYTHONHASHSEED': '0'}).stdout
        proc = self.run_runner('print(hash("looplab"), {"a", "b", "c", "hello"})\n')
        self.assertRun(proc, expected)


class SchedulingTest(RunnerTest):
    def test_sleepers_due_together_wake_in_scheduling_order(self):
        proc = self.run_runner('''
            import asyncio
            async def sleeper(i):
                await asyncio.sleep(1)
                print('woke', i)
            async def main():
                loop = asyncio.get_running_loop()
                for i in range(10):
                    loop.call_later(2, print, 'timer', i)
                await asyncio.gather(*(sleeper(i) for i in range(8)))
                await asyncio.sleep(1)
            asyncio.run(main())
        ''')
        self.assertRun(proc, ''.join(f'woke {i}\n' for i in range(8)) +
                       ''.join(f'timer {i}\n' for i in range(10)))

    def test_ticks_for_two_tasks(self):
        proc, ticks = self.run_ticks('''
            import asyncio
            async def worker(n):
                await asyncio.sleep(n)
            async def main():
                t1 = asyncio.create_task(worker(1))
                t2 = asyncio.create_task(worker(2.5))
                await t1
                await t2
            asyncio.run(main())
        ''')
        self.assertRun(proc, '')
        # Task-4 and Task-5 are asyncio.run's shutdown_asyncgens() and
        # shutdown_default_executor(), one step each (runners.Runner.close).
        self.assertEqual(ticks, '0.000000 1 Task-1\n'
                                '0.000000 1 Task-2\n'
                                '0.000000 1 Task-3\n'
                                '1.000000 1 Task-2\n'
                                '1.000000 1 Task-1\n'
                                '2.500000 1 Task-3\n'
                                '2.500000 1 Task-1\n'
                                '2.500000 1 Task-4\n'
                                '2.500000 1 Task-5\n')

    def test_two_asyncio_runs_number_loops_and_continue_task_names(self):
        proc, ticks = self.run_ticks('''
            import asyncio
            async def main():
                print(asyncio.current_task().get_name())
                await asyncio.sleep(0.5)
            asyncio.run(main())
            asyncio.run(main())
        ''')
        self.assertRun(proc, 'Task-1\nTask-4\n')
        self.assertEqual(ticks, '0.000000 1 Task-1\n'
                                '0.500000 1 Task-1\n'
                                '0.500000 1 Task-2\n'
                                '0.500000 1 Task-3\n'
                                '0.500000 2 Task-4\n'
                                '1.000000 2 Task-4\n'
                                '1.000000 2 Task-5\n'
                                '1.000000 2 Task-6\n')

    def test_task_names_count_as_cpython_311_does(self):
        # asyncio.create_task(name=...) and TaskGroup.create_task(name=...)
        # create the task unnamed and rename it, so they use up a number;
        # loop.create_task(name=...) does not.
        proc = self.run_runner('''
            import asyncio
            async def f():
                pass
            async def main():
                asyncio.create_task(f(), name='x')
                b = asyncio.create_task(f())
                asyncio.get_running_loop().create_task(f(), name='y')
                d = asyncio.create_task(f())
                async with asyncio.TaskGroup() as tg:
                    tg.create_task(f(), name='z')
                    g = tg.create_task(f())
                print(b.get_name(), d.get_name(), g.get_name())
            asyncio.run(main())
        ''')
        self.assertRun(proc, 'Task-3 Task-4 Task-6\n')

    def test_types_and_reprs(self):
        proc = self.run_runner('''
            import asyncio
            async def f():
                await asyncio.sleep(1)
            async def main():
                task = asyncio.create_task(f())
                print(type(task))
                print(type(asyncio.get_running_loop().create_future()), asyncio.Future)
                print(isinstance(task, asyncio.Future), asyncio.Task is type(task))
                await asyncio.sleep(0)
                print(task)
                task.cancel()
            asyncio.run(main())
        ''', name='reprs.py')
        path = os.path.join(self.dir, 'reprs.py')
        self.assertRun(proc, "<class '_asyncio.Task'>\n"
                             "<class '_asyncio.Future'> <class '_asyncio.Future'>\n"
                             'True True\n'
                             f"<Task pending name='Task-2' coro=<f() running at "
                             f"{path}:4> wait_for=<Future pending "
                             "cb=[Task.task_wakeup()]>>\n")

    def test_a_task_woken_by_a_failed_future_handles_nothing(self):
        # C's task_wakeup steps the task outside any except block; _PyTask's __wakeup
        # did it inside one, so the exception leaked into sys.exc_info() and became the
        # __context__ of what the coroutine raised in that step.
        proc = self.run_runner('''
            import asyncio, sys
            async def job():
                await asyncio.sleep(1)
                raise KeyError('x')
            async def main():
                try:
                    await asyncio.create_task(job())
                except KeyError:
                    pass
                print(sys.exc_info())
                raise RuntimeError('final')
            try:
                asyncio.run(main())
            except RuntimeError as e:
                print(repr(e), repr(e.__context__))
        ''')
        self.assertRun(proc, "(None, None, None)\nRuntimeError('final') None\n")

    def test_wait_sets_iterate_by_task_number(self):
        proc = self.run_runner('''
            import asyncio
            async def f(d):
                await asyncio.sleep(d)
            async def main():
                # Task-2 .. Task-14; Task-4, -7, -10 and -13 take longest.
                tasks = [asyncio.create_task(f(5 if (i + 2) % 3 == 1 else 0.1 * (13 - i)))
                         for i in range(13)]
                done, pending = await asyncio.wait(tasks, timeout=2)
                print([t.get_name() for t in done])
                print([t.get_name() for t in pending])
                for t in pending:
                    t.cancel()
            asyncio.run(main())
        ''')
        # Tasks hash by creation number. done (9 tasks) fills a 32-slot set
        # table, so it iterates in hash order; pending (4) is in an 8-slot
        # table, slot = hash % 8: 10 -> 2, 4 -> 4, 13 -> 5, 7 -> 7.
        done = [f'Task-{n}' for n in (2, 3, 5, 6, 8, 9, 11, 12, 14)]
        self.assertEqual(proc.stdout.splitlines()[:2],
                         [str(done), "['Task-10', 'Task-4', 'Task-13', 'Task-7']"])

    def test_as_completed_wraps_in_argument_order(self):
        proc = self.run_runner('''
            import asyncio
            async def f(i):
                print('start', i, asyncio.current_task().get_name())
                await asyncio.sleep(1)
                return i
            async def main():
                for c in asyncio.as_completed([f(i) for i in range(7)]):
                    print('got', await c)
            asyncio.run(main())
        ''')
        self.assertRun(proc, ''.join(f'start {i} Task-{i + 2}\n' for i in range(7)) +
                       ''.join(f'got {i}\n' for i in range(7)))


class DeadlockTest(RunnerTest):
    def test_two_locks_taken_in_opposite_order(self):
        proc, ticks = self.run_ticks('''
            import asyncio
            async def worker(first, second):
                async with first:
                    await asyncio.sleep(0.1)
                    async with second:
                        pass
            async def main():
                a, b = asyncio.Lock(), asyncio.Lock()
                print('start')
                await asyncio.gather(worker(a, b), worker(b, a))
            asyncio.run(main())
        ''')
        self.assertRun(proc, 'start\n',
                       'looplab: deadlock at t=0.1\n'
                       '  Task-1 waits for gather\n'
                       '  Task-2 waits for Lock held by Task-3\n'
                       '  Task-3 waits for Lock held by Task-2\n', 3)
        self.assertEqual(ticks.splitlines()[-1], '0.100000 1 Task-3')

    def test_event_never_set(self):
        proc = self.run_runner('''
            import asyncio
            async def main():
                await asyncio.Event().wait()
            asyncio.run(main())
        ''')
        self.assertRun(proc, '', 'looplab: deadlock at t=0\n'
                                 '  Task-1 waits for Event\n', 3)

    def test_every_kind_of_wait(self):
        proc = self.run_runner('''
            import asyncio
            async def main():
                loop = asyncio.get_running_loop()
                lock = asyncio.Lock()
                await lock.acquire()
                full = asyncio.PriorityQueue(maxsize=1)
                full.put_nowait(1)
                lifo = asyncio.LifoQueue()
                lifo.put_nowait(1)
                lifo.put_nowait(2)
                bsem = asyncio.BoundedSemaphore(1)
                await bsem.acquire()
                cond = asyncio.Condition()
                async def cond_wait():
                    async with cond:
                        await cond.wait()
                async def child():
                    await asyncio.sleep(1)
                    await asyncio.Event().wait()
                fut = loop.create_future()
                async def await_fut():
                    await fut
                waits = [lock.acquire(), asyncio.Semaphore(0).acquire(),
                         asyncio.Queue().get(), full.put(2), lifo.join(),
                         bsem.acquire(), cond_wait(), await_fut()]
                tasks = [asyncio.create_task(w) for w in waits]
                await asyncio.sleep(0.5)
                await asyncio.create_task(child(), name='kid')
            asyncio.run(main())
        ''')
        self.assertRun(proc, '', 'looplab: deadlock at t=1.5\n'
                                 '  Task-1 waits for kid\n'
                                 '  Task-2 waits for Lock held by Task-1\n'
                                 '  Task-3 waits for Semaphore (value 0)\n'
                                 '  Task-4 waits for Queue.get (empty)\n'
                                 '  Task-5 waits for PriorityQueue.put (full)\n'
                                 '  Task-6 waits for LifoQueue.join (2 unfinished)\n'
                                 '  Task-7 waits for BoundedSemaphore (value 0)\n'
                                 '  Task-8 waits for Condition\n'
                                 '  Task-9 waits for Future\n'
                                 '  kid waits for Event\n', 3)

    def test_lock_acquired_outside_a_task_is_held_by_nobody(self):
        proc = self.run_runner('''
            import asyncio
            lock = asyncio.Lock()
            try:                        # uncontended: completes without a loop
                lock.acquire().send(None)
            except StopIteration:
                pass
            async def main():
                async with lock:
                    pass
            asyncio.run(main())
        ''')
        self.assertRun(proc, '', 'looplab: deadlock at t=0\n'
                                 '  Task-1 waits for Lock held by nobody\n', 3)

    def test_executor_work_is_not_a_deadlock(self):
        proc = self.run_runner('''
            import asyncio, time
            def blocking(x):
                time.sleep(1)
                return 2 * x
            async def main():
                print(await asyncio.to_thread(blocking, 21), time.monotonic())
            asyncio.run(main())
        ''')
        self.assertRun(proc, '42 1.0\n')


class LimitTest(RunnerTest):
    PRODUCER = '''
        import asyncio, time
        async def producer(q):
            n = 0
            while True:
                await asyncio.sleep(1)
                n += 1
                await q.put(n)
        async def main():
            q = asyncio.Queue()
            asyncio.create_task(producer(q))
            while True:
                print('got', await q.get(), time.monotonic())
        asyncio.run(main())
    '''

    def test_until_stops_an_infinite_producer(self):
        proc = self.run_runner(self.PRODUCER, '--until', '3')
        self.assertRun(proc, 'got 1 1.0\ngot 2 2.0\ngot 3 3.0\n',
                       'looplab: stopped at t=3 (time limit)\n', 0)
        proc = self.run_runner(self.PRODUCER, '--until', '2.5')
        self.assertRun(proc, 'got 1 1.0\ngot 2 2.0\n',
                       'looplab: stopped at t=2.5 (time limit)\n', 0)

    def test_until_defaults_to_300(self):
        proc = self.run_runner(self.PRODUCER)
        self.assertEqual(proc.stdout.splitlines()[-1], 'got 300 300.0')
        self.assertEqual((proc.stderr, proc.returncode),
                         ('looplab: stopped at t=300 (time limit)\n', 0))

    def test_until_clamps_time_sleep(self):
        proc, ticks = self.run_ticks('''
            import time
            while True:
                time.sleep(0.75)
                print(time.monotonic())
        ''', '--until', '2')
        self.assertRun(proc, '0.75\n1.5\n', 'looplab: stopped at t=2 (time limit)\n')
        self.assertEqual(ticks, '')

    def test_max_steps(self):
        proc, ticks = self.run_ticks(self.PRODUCER, '--max-steps', '5')
        # Steps: main, producer, producer (puts 1), main (gets 1), producer
        # (puts 2); the sixth, main getting 2, does not run.
        self.assertRun(proc, 'got 1 1.0\n',
                       'looplab: stopped after 5 steps (step limit)\n', 0)
        self.assertEqual(ticks, '0.000000 1 Task-1\n0.000000 1 Task-2\n'
                                '1.000000 1 Task-2\n1.000000 1 Task-1\n'
                                '2.000000 1 Task-2\n')

    def test_no_shutdown_noise_after_a_limit(self):
        proc = self.run_runner('''
            import asyncio
            async def forever():
                while True:
                    await asyncio.sleep(10)
            loop = asyncio.new_event_loop()
            for _ in range(3):
                loop.create_task(forever())
            loop.run_forever()
        ''', '--until', '25')
        self.assertRun(proc, '', 'looplab: stopped at t=25 (time limit)\n')


class ErrorTest(RunnerTest):
    def real_run(self, path):
        return subprocess.run([PYTHON, path], capture_output=True, text=True,
                              timeout=60, cwd=self.dir,
                              env=dict(os.environ, PYTHONHASHSEED='0'))

    def test_uncaught_exception_matches_cpython(self):
        source = '''
            import asyncio
            async def child():
                await asyncio.sleep(0)
                raise ValueError('boom')
            async def main():
                print('before')
                await asyncio.gather(asyncio.create_task(child()))
            asyncio.run(main())
        '''
        ticks = os.path.join(self.dir, 'ticks.txt')
        proc = self.run_runner(source, '--ticks', ticks)
        real = self.real_run(os.path.join(self.dir, 'scenario.py'))
        self.assertEqual(real.returncode, 1)
        self.assertRun(proc, 'before\n', real.stderr, 1)
        self.assertTrue(proc.stderr.endswith('ValueError: boom\n'))
        with open(ticks) as f:
            self.assertEqual(len(f.read().splitlines()), 6)

    def test_syntax_error_matches_cpython(self):
        proc = self.run_runner('x = (1,\ny = 2\n')
        real = self.real_run(os.path.join(self.dir, 'scenario.py'))
        self.assertRun(proc, '', real.stderr, 1)
        self.assertIn('SyntaxError', proc.stderr)

    def test_system_exit_passes_through(self):
        self.assertRun(self.run_runner('import sys\nprint(1)\nsys.exit(5)\n'), '1\n', '', 5)
        self.assertRun(self.run_runner('raise SystemExit("bye")\n'), '', 'bye\n', 1)

    def test_runs_as_main(self):
        proc = self.run_runner('''
            import os, sys
            print(__name__, __file__ == os.path.abspath(sys.argv[0]), sys.argv)
            print(sys.path[0] == os.path.dirname(__file__),
                  sys.path[1].endswith(os.path.join('tools', 'world')))
            import cpython_runner
        ''')
        self.assertEqual(proc.stdout, f"__main__ True ['{os.path.join(self.dir, 'scenario.py')}']\n"
                                      'True True\n')
        self.assertEqual(proc.returncode, 1)
        self.assertTrue(proc.stderr.endswith(
            "ModuleNotFoundError: No module named 'cpython_runner'\n"))

    def test_usage_errors(self):
        def run(*args):
            return subprocess.run([PYTHON, RUNNER, *args], capture_output=True,
                                  text=True, timeout=60, cwd=self.dir)
        path = self.write('print(1)\n')
        for args in ([], ['missing.py'], [path, '--bogus'], [path, '--until', 'soon'],
                     [path, '--max-steps', '-1']):
            proc = run(*args)
            self.assertEqual((proc.stdout, proc.returncode), ('', 2), args)
            self.assertIn('usage:', proc.stderr)
        proc = run('--help')
        self.assertEqual(proc.returncode, 0)
        self.assertIn('--ticks OUT', proc.stdout)


if __name__ == '__main__':
    unittest.main()
