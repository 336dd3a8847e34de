"""`looplab lessons` and `looplab check` on good and bad lesson directories.

Every mistake must come out as FILE:LINE and a documented exit code, never a crash.
Needs LOOPLAB=path/to/looplab in the environment (ctest sets it).
"""

import os
import shutil
import subprocess
import tempfile
import textwrap
import unittest

LOOPLAB = os.environ.get('LOOPLAB', 'build/looplab')
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LESSONS = os.path.join(ROOT, 'lessons')


def run(*args):
    p = subprocess.run([LOOPLAB, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=120, cwd=ROOT)
    return p.returncode, p.stdout.decode('utf-8', 'replace'), p.stderr.decode('utf-8', 'replace')


class LessonDir:
    """A scratch lessons directory: lesson(name, text, **files)."""

    def __init__(self):
        self.path = tempfile.mkdtemp(prefix='looplab_lessons_cli_')

    def lesson(self, name, text, **files):
        d = os.path.join(self.path, name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, 'lesson.txt'), 'w', encoding='utf-8') as f:
            f.write(textwrap.dedent(text).lstrip('\n'))
        for fname, src in files.items():
            with open(os.path.join(d, fname.replace('_py', '.py')), 'w', encoding='utf-8') as f:
                f.write(textwrap.dedent(src).lstrip('\n'))
        return os.path.join(d, 'lesson.txt')

    def close(self):
        shutil.rmtree(self.path, ignore_errors=True)


HELLO = '''
import asyncio

async def main():
    await asyncio.sleep(1)
    print('hello')

asyncio.run(main())
'''


class ShippedLessons(unittest.TestCase):
    def test_lessons_lists_every_lesson_and_scenario(self):
        code, out, err = run('lessons', '--dir', LESSONS)
        self.assertEqual(code, 0, err)
        self.assertEqual(err, '')
        for lesson in sorted(os.listdir(LESSONS)):
            if os.path.isfile(os.path.join(LESSONS, lesson, 'lesson.txt')):
                self.assertIn(lesson, out)
        self.assertIn('sequential.py', out)

    def test_help(self):
        for cmd in ('lessons', 'check'):
            code, out, _ = run(cmd, '--help')
            self.assertEqual(code, 0)
            self.assertIn('usage: looplab ' + cmd, out)


class CheckCommand(unittest.TestCase):
    def setUp(self):
        self.dir = LessonDir()

    def tearDown(self):
        self.dir.close()

    def lesson(self, body, **files):
        return self.dir.lesson('01-x', '# X\nchapter: C\n## Lesson\nText.\n' + textwrap.dedent(body), **files)

    def test_passing_checks_exit_0(self):
        self.lesson('''
            ## Scenario a.py
            exit: 0
            elapsed: 1
            stdout:
            | hello
            fact: max tasks sleeping == 1
            fact: Task-1 at t=0.5 is sleeping
            ''', a_py=HELLO)
        code, out, err = run('check', '--dir', self.dir.path)
        self.assertEqual(code, 0, out + err)
        self.assertIn('ok    01-x/a.py', out)
        self.assertIn('passed: 1 lessons, 1 scenarios, 5 checks passed, 0 failed', out)

    def test_each_failing_check_names_its_line(self):
        path = self.lesson('''
            ## Scenario a.py
            exit: 0
            elapsed: 5
            stdout:
            | goodbye
            fact: max tasks sleeping == 3
            ''', a_py=HELLO)
        code, out, err = run('check', '--dir', self.dir.path, '--verbose')
        self.assertEqual(code, 1, out + err)
        self.assertIn('FAIL  01-x/a.py', out)
        self.assertIn(f'{path}:8: elapsed 5: the run ended at t=1', out)
        self.assertIn(f'{path}:9: stdout: output line 1 differs', out)
        self.assertIn('expected: goodbye', out)
        self.assertIn('got:      hello', out)
        self.assertIn(f'{path}:11: fact: max tasks sleeping == 3: got 1', out)
        self.assertIn(f'passed  {path}:7: exit 0', out)
        self.assertIn('FAILED: 1 lessons, 1 scenarios, 1 checks passed, 3 failed', out)

    def test_a_scenario_that_raises_fails_unless_its_exit_is_expected(self):
        self.lesson('''
            ## Scenario boom.py
            stdout:
            ''', boom_py='raise ValueError("boom")\n')
        code, out, _ = run('check', '--dir', self.dir.path)
        self.assertEqual(code, 1)
        self.assertIn('exit 0 (implied): got exit 1', out)
        self.assertIn('ValueError: boom', out)

        self.lesson('''
            ## Scenario boom.py
            exit: 1
            stderr-last: ValueError: boom
            ''', boom_py='raise ValueError("boom")\n')
        code, out, err = run('check', '--dir', self.dir.path)
        self.assertEqual(code, 0, out + err)

    def test_syntax_errors_and_deadlocks_are_results_not_crashes(self):
        self.lesson('''
            ## Scenario bad.py
            exit: 1
            stderr-last: SyntaxError: invalid syntax
            ## Scenario stuck.py
            exit: 3
            fact: Task-1 ends done
            ''', bad_py='def (:\n', stuck_py='''
            import asyncio

            async def main():
                await asyncio.Event().wait()

            asyncio.run(main())
            ''')
        code, out, _ = run('check', '--dir', self.dir.path)
        self.assertEqual(code, 1)
        self.assertIn('ok    01-x/bad.py', out)
        self.assertIn('fact: Task-1 ends done: got still pending', out)

    def test_args_reach_the_run(self):
        self.lesson('''
            ## Scenario forever.py
            args: --until 2.5
            elapsed: 2.5
            stdout:
            | tick
            | tick
            ''', forever_py='''
            import asyncio

            async def main():
                while True:
                    await asyncio.sleep(1)
                    print('tick')

            asyncio.run(main())
            ''')
        code, out, err = run('check', '--dir', self.dir.path)
        self.assertEqual(code, 0, out + err)

    def test_a_mistake_in_a_lesson_file_names_file_and_line(self):
        path = self.lesson('''
            ## Scenario a.py
            fact: max tasks snoozing == 3
            ''', a_py=HELLO)
        code, out, err = run('lessons', '--dir', self.dir.path)
        self.assertEqual(code, 1)
        self.assertIn(f'{path}:7: error: fact: expected a task state', err)
        code, out, err = run('check', '--dir', self.dir.path)
        self.assertEqual(code, 1)
        self.assertIn(f'{path}:7: error: fact:', err)
        self.assertIn('1 lesson-file errors', out)

    def test_garbage_lesson_files_are_reported(self):
        d = os.path.join(self.dir.path, '02-garbage')
        os.makedirs(d)
        with open(os.path.join(d, 'lesson.txt'), 'wb') as f:
            f.write(b'\x00\xff\xfe## Scenario \x00.py\n| x\n' * 50)
        code, _, err = run('lessons', '--dir', self.dir.path)
        self.assertEqual(code, 1)
        self.assertIn('02-garbage/lesson.txt:1: error:', err)

    def test_usage_errors_exit_2(self):
        self.lesson('## Scenario a.py\n', a_py=HELLO)
        for args in (['check', '--bogus'], ['check', '--dir'], ['lessons', 'extra'],
                     ['check', '--dir', self.dir.path, '99']):
            code, _, err = run(*args)
            self.assertEqual(code, 2, args)
            self.assertIn('looplab', err)

    def test_a_missing_directory_is_an_error(self):
        code, _, err = run('check', '--dir', os.path.join(self.dir.path, 'nowhere'))
        self.assertEqual(code, 1)
        self.assertIn('no such lessons directory', err)

    def test_lessons_are_found_through_the_environment(self):
        self.lesson('## Scenario a.py\nelapsed: 1\n', a_py=HELLO)
        p = subprocess.run([LOOPLAB, 'check', '1'], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           env=dict(os.environ, LOOPLAB_LESSONS=self.dir.path), timeout=120)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)


if __name__ == '__main__':
    unittest.main()
