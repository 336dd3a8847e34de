"""`looplab run --events OUT.jsonl --trace OUT.json`: both files load with `json` and have the
structure docs/events-jsonl.md and docs/chrome-trace.md describe.

Run by ctest as: python3 -m unittest discover -s tests/cli  (LOOPLAB=path/to/looplab)
"""
import json
import os
import re
import subprocess
import tempfile
import unittest

LOOPLAB = os.environ.get("LOOPLAB", "build/looplab")
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
SCENARIOS = os.path.join(ROOT, "tests", "interp", "scenarios")
COMMON = ["seq", "t", "tick", "loop", "thread", "process", "kind"]


def run_scenario(name, *extra):
    """Runs a scenario with every export; returns (result, events, trace, ticks lines)."""
    with tempfile.TemporaryDirectory() as d:
        ev, tr, ti = (os.path.join(d, f) for f in ("e.jsonl", "t.json", "ticks.txt"))
        r = subprocess.run([LOOPLAB, "run", os.path.join(SCENARIOS, name), "--events", ev, "--trace", tr,
                            "--ticks", ti, *extra], capture_output=True, timeout=120)
        with open(ev, encoding="utf-8") as f:
            events = [json.loads(line) for line in f]
        with open(tr, encoding="utf-8") as f:
            trace = json.load(f)
        with open(ti, encoding="utf-8") as f:
            ticks = f.read().splitlines()
    return r, events, trace, ticks


class ExportChecks:
    """Checks shared by every scenario; subclasses name the scenario and its exit code."""
    scenario = None
    exit_code = 0
    extra = ()

    @classmethod
    def setUpClass(cls):
        cls.result, cls.events, cls.trace, cls.ticks = run_scenario(cls.scenario, *cls.extra)
        cls.chrome = [e for e in cls.trace["traceEvents"] if e["ph"] != "M"]
        cls.meta = [e for e in cls.trace["traceEvents"] if e["ph"] == "M"]

    def of_kind(self, kind):
        return [e for e in self.events if e["kind"] == kind]

    # --- --events ------------------------------------------------------------------------------
    def test_exit_code(self):
        self.assertEqual(self.result.returncode, self.exit_code, self.result.stderr.decode())

    def test_every_line_has_the_common_fields_in_run_order(self):
        self.assertTrue(self.events)
        for i, e in enumerate(self.events):
            self.assertEqual(list(e)[:len(COMMON)], COMMON)
            self.assertEqual(e["seq"], i)
            self.assertIn("holder", e)
        times = [e["t"] for e in self.events]
        self.assertEqual(times, sorted(times))

    def test_every_kind_is_documented(self):
        with open(os.path.join(ROOT, "docs", "events-jsonl.md"), encoding="utf-8") as f:
            cells = re.findall(r"^\| ((?:`\w+`(?:, )?)+) \|", f.read(), re.M)  # the first column of the tables
        documented = {name for cell in cells for name in re.findall(r"`(\w+)`", cell)}
        self.assertLessEqual({e["kind"] for e in self.events}, documented)

    def test_prints_are_the_program_output(self):
        text = "".join(e["text"] for e in self.of_kind("print"))
        self.assertEqual(text, self.result.stdout.decode("utf-8"))

    def test_step_begins_are_the_ticks(self):
        lines = ["%.6f %d %s" % (e["t"], e["loop"], e["task"]) for e in self.of_kind("step_begin")]
        self.assertEqual(lines, self.ticks)

    def test_ids_are_resolved_to_names(self):
        names = {e["task_id"]: e["task"] for e in self.of_kind("task_created")}
        for e in self.events:
            if e["kind"] in ("step_begin", "step_end", "cancel_delivered"):
                self.assertIsInstance(e["task"], str)
            if e["kind"] == "step_end" and e["reason"] == "awaiting_future":
                self.assertTrue(e["on"])
            if e["kind"] == "primitive_op":
                self.assertRegex(e["primitive"], r"^\w+ \d+$")
            if e["kind"] == "handle_scheduled" and e["handle"] == "task_wakeup":
                self.assertIn(e["task_id"], names)
                self.assertTrue(e["waker"])

    # --- --trace -------------------------------------------------------------------------------
    def test_trace_events_have_the_required_fields(self):
        self.assertIsInstance(self.trace["traceEvents"], list)
        last = -1
        for e in self.chrome:
            self.assertIn(e["ph"], "XisfM")
            self.assertGreaterEqual(e["pid"], 1)  # pid 0 is special to Perfetto
            self.assertGreaterEqual(e["tid"], 1)
            self.assertGreaterEqual(e["ts"], last)  # sorted
            last = e["ts"]
            if e["ph"] == "i":
                self.assertIn(e["s"], "tg")
            if "t" in e.get("args", {}):
                self.assertLessEqual(e["args"]["t"] * 1e6, e["ts"] + 1e-3)  # never before its virtual time

    def track_names(self):
        """task id -> its track's name: the final name, with the first one if it changed."""
        names = {}
        for e in self.events:
            if e["kind"] in ("task_created", "task_renamed"):
                names.setdefault(e["task_id"], []).append(e["task"])
        return {k: n[0] if n[-1] == n[0] else "%s (%s)" % (n[-1], n[0]) for k, n in names.items()}

    def test_one_named_track_per_task_and_a_holder_track(self):
        names = {e["tid"]: e["args"]["name"] for e in self.meta if e["name"] == "thread_name"}
        self.assertEqual(names[1], "MainThread (loop holder)")
        self.assertEqual(sorted(v for k, v in names.items() if k > 100000), sorted(self.track_names().values()))

    def test_steps_are_slices_on_the_holder_track_and_the_task_track(self):
        steps = self.of_kind("step_begin")
        holder = [e for e in self.chrome if e["ph"] == "X" and e["cat"] == "holder"]
        on_tasks = [e for e in self.chrome if e["ph"] == "X" and e["cat"] == "step"]
        self.assertEqual(len(holder), len(steps))
        self.assertEqual(len(on_tasks), len(steps))
        tracks = self.track_names()
        self.assertEqual([h["name"] for h in holder], [tracks[s["task_id"]] for s in steps])
        for h in holder:
            self.assertEqual(h["tid"], 1)
            self.assertGreaterEqual(h["dur"], 1)  # zero-time steps are drawn 1 us wide

    def test_slices_on_a_track_never_overlap(self):
        by_track = {}
        for e in self.chrome:
            if e["ph"] == "X":
                by_track.setdefault((e["pid"], e["tid"]), []).append((e["ts"], e["ts"] + e["dur"]))
        for spans in by_track.values():
            spans.sort()
            for (a0, a1), (b0, b1) in zip(spans, spans[1:]):
                self.assertLessEqual(a1, b0 + 1e-6)

    def test_flows_are_matched_pairs_inside_slices(self):
        starts = {e["id"]: e for e in self.chrome if e["ph"] == "s"}
        ends = {e["id"]: e for e in self.chrome if e["ph"] == "f"}
        self.assertEqual(len(starts), len([e for e in self.chrome if e["ph"] == "s"]))  # ids unique
        self.assertEqual(set(starts), set(ends))
        slices = {}
        for e in self.chrome:
            if e["ph"] == "X":
                slices.setdefault((e["pid"], e["tid"]), []).append(e)

        def inside(p):
            return any(x["ts"] < p["ts"] < x["ts"] + x["dur"] for x in slices.get((p["pid"], p["tid"]), []))

        for fid, f in ends.items():
            s = starts[fid]
            self.assertEqual(f["bp"], "e")
            self.assertEqual((s["name"], s["cat"]), (f["name"], f["cat"]))
            self.assertLess(s["ts"], f["ts"])
            self.assertTrue(inside(s), s)
            self.assertTrue(inside(f), f)
        wakeups = [e for e in self.events if e["kind"] == "handle_scheduled" and e["handle"] == "task_wakeup"]
        self.assertLessEqual(len([f for f in ends.values() if f["name"] == "wake-up"]), len(wakeups))

    def test_prints_are_instants_with_their_text(self):
        instants = [e["args"]["text"] for e in self.chrome if e["ph"] == "i" and e["cat"] == "print"]
        self.assertEqual(instants, [e["text"] for e in self.of_kind("print")])


class LockScenario(ExportChecks, unittest.TestCase):
    scenario = "tut_002_lock.py"  # Chinese prints, a contended Lock, gather

    def test_lock_operations_are_instants_on_the_tasks_tracks(self):
        ops = [(e["name"], e["tid"]) for e in self.chrome if e["ph"] == "i" and e["cat"] == "primitive"]
        self.assertEqual([o for o, _ in ops], ["lock_acquire Lock 1", "lock_wait Lock 1", "lock_release Lock 1",
                                                "lock_acquired Lock 1", "lock_release Lock 1"])
        self.assertEqual({t for _, t in ops}, {100002, 100003})

    def test_chinese_text_stays_utf8(self):
        self.assertIn("等待 a 获取锁\n", [e["text"] for e in self.of_kind("print")])

    def test_the_lock_waiter_and_its_wake_up_are_named(self):
        self.assertIn("Lock.acquire (Lock 1)", [e["on"] for e in self.of_kind("step_end") if "on" in e])
        waits = [e["name"] for e in self.chrome if e["ph"] == "X" and e["cat"] == "state"]
        self.assertIn("waiting: Lock.acquire (Lock 1)", waits)
        self.assertIn("waiting: sleep", waits)

    def test_zero_time_steps_are_1us_wide_and_the_clock_catches_up(self):
        holder = [e for e in self.chrome if e["ph"] == "X" and e["tid"] == 1]
        self.assertEqual([(h["ts"], h["dur"]) for h in holder[:4]], [(0, 1), (1, 1), (2, 1), (3, 1)])
        at2 = [h for h in holder if h["args"]["t"] == 2]
        self.assertEqual((at2[0]["ts"], at2[0]["name"]), (2000000, "timer callback"))


class CancelScenario(ExportChecks, unittest.TestCase):
    scenario = "tut_002_cancel_long_task.py"

    def test_cancellation_is_drawn(self):
        names = [e["name"] for e in self.chrome if e["ph"] == "i" and e["cat"] == "cancel"]
        self.assertEqual(names, ["cancel Task-2", "CancelledError thrown in"])
        req = self.of_kind("cancel_requested")[0]
        self.assertEqual((req["target"], req["by"], req["message"]), ("Task-2", "Task-1", None))


class UnicodeScenario(ExportChecks, unittest.TestCase):
    scenario = "edge_py_unicode.py"  # Ukrainian, Chinese, emoji; prints outside any task

    def test_prints_outside_the_loop_are_on_the_holder_track(self):
        first = [e for e in self.chrome if e["ph"] == "i" and e["cat"] == "print"][0]
        self.assertEqual((first["tid"], first["args"]["task"]), (1, None))
        self.assertIn("Асинхронність", "".join(e["text"] for e in self.of_kind("print")))


class DeadlockScenario(ExportChecks, unittest.TestCase):
    scenario = "edge_deadlock_queue_get.py"
    exit_code = 3

    def test_deadlocked_tasks_are_marked(self):
        marks = [e["name"] for e in self.chrome if e["ph"] == "i" and e["cat"] == "deadlock"]
        self.assertEqual(len(marks), len(self.of_kind("deadlock")))
        # main waits for the gather, both consumers for the queue.
        self.assertEqual(sorted(marks), ["deadlock: waits for Queue.get (Queue 1)"] * 2 + ["deadlock: waits for gather"])


class ManyLoopsScenario(ExportChecks, unittest.TestCase):
    scenario = "edge_asyncio_run_many_loops.py"

    def test_every_loop_is_in_the_stream(self):
        # The sixth asyncio.run makes its loop, then refuses a function that is no coroutine
        # (its loop still runs the shutdown steps).
        self.assertEqual([e["loop_number"] for e in self.of_kind("loop_created")], [1, 2, 3, 4, 5, 6])
        loops = {h["args"]["loop"] for h in self.chrome if h["ph"] == "X" and h["cat"] == "holder"}
        self.assertEqual(loops, {1, 2, 3, 4, 5, 6})


class StepLimitScenario(ExportChecks, unittest.TestCase):
    scenario = "tut_002_lock.py"
    extra = ("--max-steps", "3")

    def test_a_run_cut_short_still_exports(self):
        self.assertEqual(len(self.of_kind("step_begin")), 3)


class DocsAndUsage(unittest.TestCase):
    def test_every_event_kind_of_the_runtime_is_documented(self):
        with open(os.path.join(ROOT, "runtime", "include", "looplab", "trace.hpp"), encoding="utf-8") as f:
            enum = re.search(r"enum class EventKind : \w+ \{(.*?)\};", f.read(), re.S).group(1)
        kinds = re.findall(r"^\s*(\w+),", enum, re.M)
        self.assertEqual(len(kinds), 23)
        with open(os.path.join(ROOT, "docs", "events-jsonl.md"), encoding="utf-8") as f:
            text = f.read()
        for k in kinds:
            self.assertIn("| `%s`" % k, text.replace("`, `", "` | `"))

    def test_missing_or_unwritable_export_files_are_usage_errors(self):
        scenario = os.path.join(SCENARIOS, "tut_002_lock.py")
        for flag in ("--trace", "--events"):
            r = subprocess.run([LOOPLAB, "run", scenario, flag], capture_output=True, text=True, timeout=60)
            self.assertEqual((r.returncode, r.stderr.splitlines()[0]), (2, "looplab run: %s needs a file name" % flag))
            r = subprocess.run([LOOPLAB, "run", scenario, flag, "/nonexistent/dir/x"], capture_output=True, text=True,
                               timeout=60)
            self.assertEqual(r.returncode, 2)
            self.assertEqual(r.stdout, "")  # nothing ran


if __name__ == "__main__":
    unittest.main()
