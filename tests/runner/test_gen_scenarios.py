"""Tests for tools/gen_scenarios.py, the random scenario generator, and for
tools/check_generated.py, which runs its programs under the CPython runner.

    /usr/bin/python3 -m unittest discover -s tests/runner -p test_gen_scenarios.py
"""

import os
import subprocess
import sys
import tempfile
import unittest

PYTHON = '/usr/bin/python3'
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOLS = os.path.join(REPO, 'tools')
GEN = os.path.join(TOOLS, 'gen_scenarios.py')
sys.path.insert(0, TOOLS)
import check_generated  # noqa: E402
from gen_scenarios import SIZES  # noqa: E402
from gen_scenarios_program import generate  # noqa: E402


def run_gen(out, *args, hashseed=None):
    env = {k: v for k, v in os.environ.items() if k != 'PYTHONHASHSEED'}
    if hashseed is not None:
        env['PYTHONHASHSEED'] = str(hashseed)
    return subprocess.run([PYTHON, GEN, '--out', out, *args], capture_output=True,
                          text=True, timeout=120, env=env)


def read_bytes(path):
    with open(path, 'rb') as f:
        return f.read()


class GeneratorTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.dir = self._tmp.name
        self.addCleanup(self._tmp.cleanup)

    def test_same_seed_gives_a_byte_identical_file(self):
        # Two processes with different str hash seeds: nothing may depend on set order.
        for size in sorted(SIZES):
            a, b = os.path.join(self.dir, 'a' + size), os.path.join(self.dir, 'b' + size)
            for out, hs in ((a, 1), (b, 2)):
                proc = run_gen(out, '--seed', '42', '--count', '3', '--size', size, hashseed=hs)
                self.assertEqual(proc.returncode, 0, proc.stderr)
            for seed in (42, 43, 44):
                name = f'gen_{seed}.py'
                self.assertEqual(read_bytes(os.path.join(a, name)), read_bytes(os.path.join(b, name)),
                                 f'{size} seed {seed}')

    def test_count_writes_one_file_per_seed_and_lists_them(self):
        proc = run_gen(self.dir, '--seed', '7', '--count', '4', '--size', 'small')
        self.assertEqual(proc.returncode, 0, proc.stderr)
        names = [f'gen_{s}.py' for s in (7, 8, 9, 10)]
        self.assertEqual(sorted(os.listdir(self.dir)), sorted(names))
        self.assertEqual(proc.stdout.split(), [os.path.join(self.dir, n) for n in names])
        # A file depends only on its own seed, not on where the run started.
        self.assertEqual(read_bytes(os.path.join(self.dir, 'gen_9.py')).decode(),
                         generate(9, 'small'))

    def test_different_seeds_give_different_programs(self):
        for size in sorted(SIZES):
            texts = {generate(seed, size) for seed in range(30)}
            self.assertEqual(len(texts), 30, size)
        self.assertNotEqual(generate(5, 'small'), generate(5, 'large'))

    def test_sizes_keep_to_their_line_ranges(self):
        for size, cfg in SIZES.items():
            lo, hi = cfg['lines']
            for seed in range(40):
                lines = generate(seed, size).count('\n')
                self.assertTrue(lo <= lines <= hi, f'{size} seed {seed}: {lines} lines')

    def test_programs_compile_and_carry_their_header(self):
        for seed in range(60):
            text = generate(seed, ('small', 'medium', 'large')[seed % 3])
            compile(text, f'gen_{seed}.py', 'exec', dont_inherit=True)
            code, bound, features = check_generated.header(text)
            self.assertIn(code, (0, 1, 3, 7))
            self.assertTrue(0 <= bound <= 200, bound)
            self.assertTrue(features)
            self.assertNotIn('threading', text)
            self.assertNotIn('yield', text)
            self.assertNotIn('match ', text)

    def test_bad_options_are_usage_errors(self):
        proc = run_gen(self.dir, '--seed', '1', '--size', 'huge')
        self.assertEqual(proc.returncode, 2)
        proc = subprocess.run([PYTHON, GEN, '--seed', '1'], capture_output=True, text=True)
        self.assertEqual(proc.returncode, 2)
        self.assertIn('--out', proc.stderr)


class RunsCleanTest(unittest.TestCase):
    def test_twenty_seeds_run_clean_and_deterministically_under_the_runner(self):
        # check_one: two runs with identical stdout, stderr, exit code and ticks; the exit
        # code the header expects; stderr empty unless an error is intended; the last task
        # step within the header's virtual time bound.
        with tempfile.TemporaryDirectory() as d:
            for seed in range(20):
                size = ('small', 'medium', 'large')[seed % 3]
                _, _, problems, _, _, _ = check_generated.check_one(seed, size, d)
                self.assertEqual(problems, [], f'seed {seed} ({size})')

    def test_the_checker_catches_a_deadlock_a_warning_and_an_overrun(self):
        bad = {
            'deadlock': 'await asyncio.Event().wait()',
            'warning': 'asyncio.create_task(boom()); await asyncio.sleep(1)',
            'overrun': 'await asyncio.sleep(9)',
        }
        head = '# features: x\n# virtual time bound: 5\n# expect: exit 0\nimport asyncio\n'
        body = 'async def boom():\n    raise ValueError\nasync def main():\n    {}\nasyncio.run(main())\n'
        real = check_generated.generate
        self.addCleanup(setattr, check_generated, 'generate', real)
        with tempfile.TemporaryDirectory() as d:
            for name, line in bad.items():
                check_generated.generate = lambda seed, size, line=line: head + body.format(line)
                problems = check_generated.check_one(0, name, d)[2]
                self.assertTrue(problems, name)


if __name__ == '__main__':
    unittest.main()
