"""The looplab command line: good and bad input give the documented output and exit codes.

Run by ctest as: python3 -m unittest discover -s tests/cli  (LOOPLAB=path/to/looplab)
"""
import os
import subprocess
import tempfile
import unittest

LOOPLAB = os.environ.get("LOOPLAB", "build/looplab")


def looplab(*args):
    return subprocess.run([LOOPLAB, *args], capture_output=True, text=True, timeout=60)


class GoodInput(unittest.TestCase):
    def test_no_arguments_opens_the_gui_or_says_why_it_cannot(self):
        # Without a display the GUI cannot open: a clear message, no crash (tests/gui drives
        # the GUI itself under Xvfb).
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        r = subprocess.run([LOOPLAB], capture_output=True, text=True, timeout=60, env=env)
        self.assertEqual(r.returncode, 1)
        self.assertIn("xvfb-run", r.stderr)

    def test_help_lists_every_command(self):
        r = looplab("--help")
        self.assertEqual(r.returncode, 0)
        for command in ("run", "lessons", "check", "screenshot", "bench-ui", "demo"):
            self.assertIn("looplab " + command, r.stdout)

    def test_list_names_every_scenario_with_a_python_twin(self):
        r = looplab("demo", "--list")
        self.assertEqual(r.returncode, 0)
        names = {line.split()[0] for line in r.stdout.splitlines() if line.strip()}
        here = os.path.dirname(os.path.abspath(__file__))
        twins = {f[:-3] for f in os.listdir(os.path.join(here, "..", "..", "scenarios", "py")) if f.endswith(".py")}
        self.assertEqual(names, twins)

    def test_ticks_file_has_one_line_per_step(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "ticks.txt")
            r = looplab("demo", "concurrent_tasks", "--ticks", path)
            self.assertEqual(r.returncode, 0, r.stderr)
            with open(path) as f:
                lines = f.read().splitlines()
            self.assertEqual(lines[0], "0.000000 1 Task-1")
            self.assertEqual(len(lines), 11)

    def test_limits_and_deadlock_exit_codes(self):
        r = looplab("demo", "concurrent_tasks", "--max-steps", "3")
        self.assertEqual((r.returncode, r.stderr.strip()), (0, "looplab: stopped after 3 steps (step limit)"))
        r = looplab("demo", "until_producer", "--until", "2.5")
        self.assertEqual((r.returncode, r.stderr.strip()), (0, "looplab: stopped at t=2.5 (time limit)"))
        r = looplab("demo", "deadlock_locks")
        self.assertEqual(r.returncode, 3)
        self.assertTrue(r.stderr.startswith("looplab: deadlock at t="), r.stderr)
        r = looplab("demo", "uncaught_exception")
        self.assertEqual(r.returncode, 1)


class BadInput(unittest.TestCase):
    def assertUsageError(self, args, message):
        r = looplab(*args)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertEqual(r.stderr.splitlines()[0], "looplab: " + message)
        self.assertEqual(r.stdout, "")

    def test_unknown_command(self):
        self.assertUsageError(["frobnicate"], "unknown command 'frobnicate'")

    def test_missing_or_unknown_scenario(self):
        self.assertUsageError(["demo"], "which scenario? `looplab demo --list` shows them")
        self.assertUsageError(["demo", "nope"], "no scenario named 'nope'; `looplab demo --list` shows them")
        self.assertUsageError(["demo", "a", "b"], "one scenario at a time (got a and b)")

    def test_bad_option_values(self):
        self.assertUsageError(["demo", "--until", "abc", "concurrent_tasks"], "--until needs a number of seconds")
        self.assertUsageError(["demo", "--until", "-1", "concurrent_tasks"], "--until needs a number of seconds")
        self.assertUsageError(["demo", "--max-steps", "x", "concurrent_tasks"], "--max-steps needs a whole number")
        self.assertUsageError(["demo", "concurrent_tasks", "--ticks"], "--ticks needs a file name")
        self.assertUsageError(["demo", "--bogus", "concurrent_tasks"], "unknown option --bogus")

    def test_unwritable_ticks_file_fails_before_running(self):
        self.assertUsageError(["demo", "--ticks", "/nonexistent/dir/t.txt", "concurrent_tasks"],
                              "cannot write the ticks file /nonexistent/dir/t.txt")


if __name__ == "__main__":
    unittest.main()
